import { describe, expect, it } from 'vitest';
import {
  backupLine,
  baseName,
  byKind,
  bytesOf,
  conflictLine,
  dirName,
  duration,
  exportedLine,
  formatPurpose,
  joinPath,
  withExt,
  list,
  mergeHeadline,
  progressLine,
  progressPercent,
  reasonWords,
  relativeTime,
  tableWords,
} from './transfer';
import type { MergeResult } from './types';

const MB = 1024 * 1024;

describe('paths', () => {
  it('splits and joins with either separator', () => {
    expect(baseName('/home/ana/Sourcebook exports/Sourcebook 2025-01-02.json')).toBe('Sourcebook 2025-01-02.json');
    expect(baseName('C:\\Users\\ana\\vault\\')).toBe('vault');
    expect(baseName('notes.db')).toBe('notes.db');
    expect(dirName('/home/ana/x.json')).toBe('/home/ana');
    expect(dirName('/x.json')).toBe('/');
    expect(dirName('x.json')).toBe('');
    expect(dirName('C:\\Users\\ana\\x.json')).toBe('C:\\Users\\ana');
    expect(joinPath('/home/ana', 'x.json')).toBe('/home/ana/x.json');
    expect(joinPath('/', 'x.json')).toBe('/x.json');
    expect(joinPath('C:\\Users\\ana', 'x.json')).toBe('C:\\Users\\ana\\x.json');
    expect(joinPath('', 'x.json')).toBe('x.json');
  });
});

describe('withExt', () => {
  it('swaps the extension when the format changes', () => {
    expect(withExt('Story.json', '.json', '.bib')).toBe('Story.bib');
    expect(withExt('Story.JSON', '.json', '.db')).toBe('Story.db');
    expect(withExt('Story.db', '.db', '')).toBe('Story');
    expect(withExt('Story', '', '.json')).toBe('Story.json');
    expect(withExt('my.notes', '.json', '.json')).toBe('my.notes.json');
    expect(withExt('a.json', '.jsonld', '.json')).toBe('a.json');
  });
});

describe('progress', () => {
  it('counts sources and rows with thousands separators', () => {
    expect(progressLine({ done: 123, total: 2000, unit: 'sources' })).toBe('123 of 2,000 sources');
    expect(progressLine({ done: 1, total: 1, unit: 'sources' })).toBe('1 of 1 source');
    expect(progressLine({ done: 1200, total: 5000, unit: 'rows' })).toBe('1,200 of 5,000 rows');
  });

  it('writes bytes in the total’s unit', () => {
    expect(progressLine({ done: 3.1 * MB, total: 14 * MB, unit: 'bytes' })).toBe('3 of 14 MB');
    expect(bytesOf(1.25 * MB, 4.5 * MB)).toBe('1.3 of 4.5 MB');
    expect(bytesOf(12 * 1024, 800 * 1024)).toBe('12 of 800 KB');
    expect(bytesOf(100, 900)).toBe('100 of 900 bytes');
  });

  it('says what it can while the total is unknown', () => {
    expect(progressLine({ done: 0, total: 0, unit: 'sources' })).toBe('Starting…');
    expect(progressLine({ done: 12, total: 0, unit: 'sources' })).toBe('12 sources');
    expect(progressLine({ done: 2048, total: 0, unit: 'bytes' })).toBe('2 KB written');
    expect(progressPercent({ done: 5, total: 0 })).toBeNull();
  });

  it('keeps the bar within 0-100', () => {
    expect(progressPercent({ done: 50, total: 200 })).toBe(25);
    expect(progressPercent({ done: 300, total: 200 })).toBe(100);
    expect(progressLine({ done: 300, total: 200, unit: 'sources' })).toBe('200 of 200 sources');
  });

  it('sums up an export', () => {
    expect(exportedLine({ sources: 2, bytes: 14 * 1024, millis: 312, folder: false })).toBe('2 sources · 14 KB · 0.3 seconds');
    expect(duration(0)).toBe('0.1 seconds');
    expect(duration(12_400)).toBe('12 seconds');
    expect(duration(125_000)).toBe('2 min 5 s');
    expect(duration(120_000)).toBe('2 min');
  });
});

describe('formats', () => {
  it('says what every format Go offers is for', () => {
    for (const id of ['sqlite', 'json', 'markdown', 'csv', 'csl-json', 'bibtex', 'annotations', 'html']) {
      expect(formatPurpose[id], id).toBeTruthy();
    }
    expect(formatPurpose.markdown).toContain('Obsidian');
    expect(formatPurpose['csl-json']).toContain('Zotero');
    expect(formatPurpose.sqlite).toContain('SQLite');
  });
});

const result = (over: Partial<MergeResult>): MergeResult => ({
  path: '/tmp/Sourcebook 2025-01-02.json',
  kind: 'json',
  added: {},
  updated: {},
  unchanged: 0,
  conflicts: [],
  skipped: [],
  backup: '',
  millis: 5,
  ...over,
});

describe('merge summaries', () => {
  it('lists what was added, main kinds first', () => {
    const r = result({ added: { note: 5, quote: 14, source: 2, story_source: 2, tagging: 3 } });
    expect(mergeHeadline(r)).toBe('Added 2 sources, 14 quotes and 5 notes.');
    expect(byKind(r.added)).toEqual(['2 sources', '14 quotes', '5 notes', '2 sources placed in stories', '3 uses of tags']);
  });

  it('names conflicts and which edit won', () => {
    const conflict = { table: 'note', uuid: 'u', label: 'Stone', kept: 'incoming', notebookModified: '', incomingModified: '' };
    expect(mergeHeadline(result({ added: { source: 2 }, conflicts: [conflict, { ...conflict, uuid: 'v' }] }))).toBe(
      'Added 2 sources; 2 conflicts: each time the later edit was kept.',
    );
    expect(mergeHeadline(result({ conflicts: [conflict] }))).toBe('Nothing added; 1 conflict: the later edit was kept.');
    expect(mergeHeadline(result({ added: { quote: 1 }, updated: { note: 3 } }))).toBe('Added 1 quote; updated 3 notes with newer versions.');
  });

  it('says when everything was already there', () => {
    expect(mergeHeadline(result({ unchanged: 120 }))).toBe('Nothing new: everything in “Sourcebook 2025-01-02.json” was already in the notebook.');
    expect(mergeHeadline(result({ path: '' }))).toBe('Nothing new: everything was already in the notebook.');
  });

  it('falls back on link rows and unknown tables', () => {
    expect(mergeHeadline(result({ added: { tagging: 3 } }))).toBe('Added 3 uses of tags.');
    expect(tableWords('widget_part', 2)).toBe('2 widget parts');
    expect(tableWords('story', 1)).toBe('1 story');
    expect(tableWords('story', 3)).toBe('3 stories');
  });

  it('says which side of a conflict was kept', () => {
    const c = { table: 'note', uuid: 'u', label: 'Stone', kept: 'notebook', notebookModified: '', incomingModified: '' };
    expect(conflictLine(c)).toBe('Kept this notebook’s version.');
    expect(conflictLine({ ...c, kept: 'incoming' })).toBe('Took the merged file’s version.');
    expect(conflictLine({ ...c, notebookModified: '2025-01-02T10:00:00Z', incomingModified: '2025-01-01T10:00:00Z' })).toMatch(
      /^Kept this notebook’s version, edited .+; the merged file’s was edited .+\.$/,
    );
  });

  it('joins words as a sentence', () => {
    expect(list([])).toBe('');
    expect(list(['a'])).toBe('a');
    expect(list(['a', 'b'])).toBe('a and b');
    expect(list(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('backups', () => {
  const now = new Date('2025-11-23T14:00:00Z');
  it('says how long ago', () => {
    expect(relativeTime('2025-11-23T13:59:40Z', now)).toBe('just now');
    expect(relativeTime('2025-11-23T14:00:10Z', now)).toBe('just now');
    expect(relativeTime('2025-11-23T13:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2025-11-23T13:59:00Z', now)).toBe('1 minute ago');
    expect(relativeTime('2025-11-23T12:00:00Z', now)).toBe('2 hours ago');
    expect(relativeTime('2025-11-22T12:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2025-11-20T14:00:00Z', now)).toBe('3 days ago');
    expect(relativeTime('2025-11-09T14:00:00Z', now)).toBe('2 weeks ago');
    expect(relativeTime('2025-09-23T14:00:00Z', now)).toBe('2 months ago');
    expect(relativeTime('2023-11-23T14:00:00Z', now)).toBe('2 years ago');
    expect(relativeTime('not a time', now)).toBe('');
  });

  it('names the reasons', () => {
    expect(reasonWords('daily')).toBe('Daily');
    expect(reasonWords('merge')).toBe('Before a merge');
    expect(reasonWords('restore')).toBe('Before a restore');
    expect(reasonWords('migration')).toBe('Before an upgrade');
    expect(reasonWords('manual')).toBe('Backed up by you');
    expect(reasonWords('weekly')).toBe('Weekly');
    expect(backupLine({ reason: 'merge', time: '2025-11-23T14:00:00Z' })).toMatch(/^the backup taken before a merge of .+2025/);
  });
});
