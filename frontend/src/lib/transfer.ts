// Words for export, merge and backups: what each format is for, how far a
// job has got, what a merge brought in, how old a backup is. Pure functions,
// so the dialogs stay small and the wording is tested.

import { formatBytes } from './files';
import { plural } from './text';
import type { Backup, ExportResult, Job, MergeConflict, MergeResult } from './types';

/** formatPurpose says in a line what each export format is for. */
export const formatPurpose: Record<string, string> = {
  sqlite: 'A copy of the notebook: any SQLite tool opens it, Sourcebook merges it back',
  json: 'Everything as plain data, for scripts; Sourcebook merges it back',
  markdown: 'A folder of Markdown notes and sources: opens in Obsidian',
  csv: 'Sources, quotes, speakers and notes as tables: opens in any spreadsheet',
  'csl-json': 'Citations of the sources: Zotero imports it',
  bibtex: 'Citations of the sources for LaTeX, JabRef and Zotero',
  annotations: 'Quotes, highlights and notes on their passages, as W3C Web Annotations',
  html: 'One story’s sources compared, as one page to read offline, share or print',
};

/** Formats that need a story: the comparison report compares one story's sources. */
export const needsStory = new Set(['html']);

/** The fewest and most sources the comparison report compares. */
export const reportSources = { min: 2, max: 8 };

/** baseName is the last part of a path, with either separator. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const at = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return at < 0 ? trimmed : trimmed.slice(at + 1);
}

/** dirName is a path without its last part ('' when it has none). */
export function dirName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const at = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (at < 0) return '';
  return at === 0 ? trimmed.slice(0, 1) : trimmed.slice(0, at);
}

/** joinPath puts a name in a folder, with the folder's own separator. */
export function joinPath(dir: string, name: string): string {
  if (!dir) return name;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/**
 * withExt gives a file name the extension of another format: "x.json"
 * becomes "x.bib", "x.db" becomes "x" for a folder. A name that does not end
 * in the old extension keeps its own ending and gets the new one.
 */
export function withExt(name: string, oldExt: string, newExt: string): string {
  let base = name.trim();
  if (oldExt && base.toLowerCase().endsWith(oldExt.toLowerCase())) base = base.slice(0, -oldExt.length);
  if (newExt && base.toLowerCase().endsWith(newExt.toLowerCase())) return base;
  return base + newExt;
}

const count = (n: number) => n.toLocaleString('en-US');

/** bytesOf writes done of total bytes in total's unit: "3.1 of 14 MB", "12 of 800 KB". */
export function bytesOf(done: number, total: number): string {
  const KB = 1024;
  const MB = KB * 1024;
  if (total < KB) return `${count(done)} of ${formatBytes(total)}`;
  if (total < MB) return `${Math.round(done / KB)} of ${formatBytes(total)}`;
  const mb = done / MB;
  const totalMB = total / MB;
  const digits = totalMB < 10 ? 1 : 0;
  return `${mb.toFixed(digits)} of ${formatBytes(total)}`;
}

/**
 * progressLine says how far a job has got: "123 of 2,000 sources",
 * "3.1 of 14 MB", "1,200 of 5,000 rows"; while the total is unknown, only
 * what is done ("12 sources"), or "Starting…".
 */
export function progressLine(job: Pick<Job, 'done' | 'total' | 'unit'>): string {
  const unit = job.unit || 'items';
  if (job.total > 0) {
    if (unit === 'bytes') return bytesOf(Math.min(job.done, job.total), job.total);
    return `${count(Math.min(job.done, job.total))} of ${plural(job.total, singular(unit), unit)}`;
  }
  if (job.done <= 0) return 'Starting…';
  if (unit === 'bytes') return `${formatBytes(job.done)} written`;
  return plural(job.done, singular(unit), unit);
}

function singular(unit: string): string {
  return unit.endsWith('s') ? unit.slice(0, -1) : unit;
}

/** progressPercent is how much of a job is done, 0-100, or null while the total is unknown. */
export function progressPercent(job: Pick<Job, 'done' | 'total'>): number | null {
  if (job.total <= 0) return null;
  return Math.max(0, Math.min(100, (job.done / job.total) * 100));
}

/** exportedLine sums up a finished export: "2 sources · 14 KB · 0.3 seconds". */
export function exportedLine(r: Pick<ExportResult, 'sources' | 'bytes' | 'millis' | 'folder'>): string {
  const parts = [plural(r.sources, 'source'), formatBytes(r.bytes)];
  parts.push(duration(r.millis));
  return parts.join(' · ');
}

/** duration writes milliseconds for people: "0.3 seconds", "12 seconds", "2 min 5 s". */
export function duration(ms: number): string {
  if (ms < 950) return `${Math.max(0.1, Math.round(ms / 100) / 10)} seconds`;
  const s = Math.round(ms / 1000);
  if (s < 60) return plural(s, 'second');
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${m} min ${rest} s` : `${m} min`;
}

// The tables a merge reports, in the order people care about them, with
// their words. Link tables are details: they come last.
const kinds: { table: string; one: string; many: string; main: boolean }[] = [
  { table: 'source', one: 'source', many: 'sources', main: true },
  { table: 'quote', one: 'quote', many: 'quotes', main: true },
  { table: 'note', one: 'note', many: 'notes', main: true },
  { table: 'speaker', one: 'speaker', many: 'speakers', main: true },
  { table: 'story', one: 'story', many: 'stories', main: true },
  { table: 'tag', one: 'tag', many: 'tags', main: true },
  { table: 'highlight', one: 'highlight', many: 'highlights', main: true },
  { table: 'story_source', one: 'source placed in a story', many: 'sources placed in stories', main: false },
  { table: 'speaker_alias', one: 'other name of a speaker', many: 'other names of speakers', main: false },
  { table: 'tagging', one: 'use of a tag', many: 'uses of tags', main: false },
  { table: 'note_link', one: 'link in a note', many: 'links in notes', main: false },
  { table: 'note_ref', one: 'note attachment', many: 'note attachments', main: false },
];

/** tableWords names n rows of a table for people: "3 sources", "1 other name of a speaker". */
export function tableWords(table: string, n: number): string {
  const k = kinds.find((x) => x.table === table);
  if (k) return plural(n, k.one, k.many);
  const word = table.replace(/_/g, ' ');
  return plural(n, word, word.endsWith('s') ? word : `${word}s`);
}

/** kindOf names a table's kind in the singular, for a conflict's line ("source", "note"). */
export function kindOf(table: string): string {
  const k = kinds.find((x) => x.table === table);
  return k ? k.one : table.replace(/_/g, ' ');
}

/** byKind lists a table → count map as words, main kinds first, leaving out zeros. */
export function byKind(counts: Record<string, number>, mainOnly = false): string[] {
  const known = kinds.filter((k) => (counts[k.table] ?? 0) > 0 && (!mainOnly || k.main)).map((k) => tableWords(k.table, counts[k.table]!));
  if (mainOnly) return known;
  const other = Object.keys(counts)
    .filter((t) => !kinds.some((k) => k.table === t) && counts[t]! > 0)
    .sort()
    .map((t) => tableWords(t, counts[t]!));
  return [...known, ...other];
}

/** sum adds a table → count map's counts. */
export function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** list joins words as a sentence does: "a", "a and b", "a, b and c". */
export function list(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * mergeHeadline sums up a merge in a sentence: "Added 2 sources, 14 quotes
 * and 5 notes; 2 conflicts: the later edit was kept." When nothing came in,
 * it says that everything was already there.
 */
export function mergeHeadline(r: Pick<MergeResult, 'path' | 'added' | 'updated' | 'conflicts' | 'unchanged'>): string {
  const added = sum(r.added);
  const updated = sum(r.updated);
  const conflicts = r.conflicts.length;
  const parts: string[] = [];
  if (added > 0) {
    // The kinds people know; link rows alone ("3 uses of tags") still count.
    const main = byKind(r.added, true);
    parts.push(`Added ${list(main.length > 0 ? main : byKind(r.added))}`);
  }
  if (updated > 0) {
    const main = byKind(r.updated, true);
    parts.push(`${added > 0 ? 'updated' : 'Updated'} ${list(main.length > 0 ? main : byKind(r.updated))} with newer versions`);
  }
  if (parts.length === 0 && conflicts === 0) {
    const name = baseName(r.path);
    return name ? `Nothing new: everything in “${name}” was already in the notebook.` : 'Nothing new: everything was already in the notebook.';
  }
  let line = parts.length > 0 ? parts.join('; ') : 'Nothing added';
  if (conflicts > 0) {
    line += `; ${plural(conflicts, 'conflict')}: ${conflicts === 1 ? 'the later edit was kept' : 'each time the later edit was kept'}`;
  }
  return `${line}.`;
}

/** conflictLine says which version of a conflicting item stayed and why. */
export function conflictLine(c: MergeConflict): string {
  const mine = stamp(c.notebookModified);
  const theirs = stamp(c.incomingModified);
  if (c.kept === 'incoming') return `Took the merged file’s version${theirs ? `, edited ${theirs}` : ''}${mine ? `; this notebook’s was edited ${mine}` : ''}.`;
  return `Kept this notebook’s version${mine ? `, edited ${mine}` : ''}${theirs ? `; the merged file’s was edited ${theirs}` : ''}.`;
}

function stamp(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // Seconds: two edits of one item are often minutes apart at most.
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** mergeKindWords names what was merged: "a Sourcebook notebook", "a JSON export". */
export function mergeKindWords(kind: string): string {
  if (kind === 'notebook') return 'a Sourcebook notebook';
  if (kind === 'json') return 'a JSON export';
  if (kind === 'annotations') return 'a Web Annotation file';
  return 'a file';
}

/** reasonWords says why a backup was taken. */
export function reasonWords(reason: string): string {
  switch (reason) {
    case 'daily':
      return 'Daily';
    case 'migration':
      return 'Before an upgrade';
    case 'merge':
      return 'Before a merge';
    case 'restore':
      return 'Before a restore';
    case 'manual':
      return 'Backed up by you';
    default:
      return reason ? reason.charAt(0).toUpperCase() + reason.slice(1) : 'Backup';
  }
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * relativeTime says how long ago a moment was: "just now", "5 minutes
 * ago", "2 hours ago", "yesterday", "3 days ago", "last month"; a moment in
 * the future by a little (clocks differ) is "just now".
 */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const s = Math.round((now.getTime() - t) / 1000);
  if (s < 45) return 'just now';
  const steps: [number, Intl.RelativeTimeFormatUnit, number][] = [
    [60 * 60, 'minute', 60],
    [24 * 60 * 60, 'hour', 60 * 60],
    [7 * 24 * 60 * 60, 'day', 24 * 60 * 60],
    [30 * 24 * 60 * 60, 'week', 7 * 24 * 60 * 60],
    [365 * 24 * 60 * 60, 'month', 30 * 24 * 60 * 60],
  ];
  for (const [below, unit, size] of steps) {
    if (s < below) return relative.format(-Math.max(1, Math.round(s / size)), unit);
  }
  return relative.format(-Math.max(1, Math.round(s / (365 * 24 * 60 * 60))), 'year');
}

/** absoluteTime writes a moment in the user's locale: "23 Nov 2025, 14:05". */
export function absoluteTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** backupLine names a backup in a sentence: "the daily backup of 23 Nov 2025, 14:05". */
export function backupLine(b: Pick<Backup, 'reason' | 'time'>): string {
  const what: Record<string, string> = {
    daily: 'the daily backup',
    migration: 'the backup taken before an upgrade',
    merge: 'the backup taken before a merge',
    restore: 'the backup taken before a restore',
    manual: 'your backup',
  };
  return `${what[b.reason] ?? 'the backup'} of ${absoluteTime(b.time)}`;
}
