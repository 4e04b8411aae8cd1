import { describe, expect, it } from 'vitest';
import {
  chipsOf,
  datesLabel,
  entriesOf,
  findByName,
  groupStep,
  headingOf,
  hitMeta,
  isDate,
  narrowed,
  noFilters,
  plainSnippet,
  requestOf,
  targetOf,
  totalLabel,
  without,
  type Filters,
} from './search';
import type { Hit, SearchGroup } from './types';

function hit(kind: string, id: number, extra: Partial<Hit> = {}): Hit {
  return { kind, id, sourceId: 0, title: `${kind} ${id}`, speaker: '', sourceTitle: '', outlet: '', published: '', snippet: [], score: 0, ...extra };
}

function group(kind: string, n: number, total = n, more = total > n): SearchGroup {
  return { kind, hits: Array.from({ length: n }, (_, i) => hit(kind, i + 1)), total, more };
}

const all: Filters = {
  kind: null,
  story: { id: 3, title: 'Netflix and the messages' },
  tag: 'denial',
  speaker: { id: 9, name: 'Andy Stone' },
  outlet: 'TechDogs',
  from: '2024-04',
  to: '2024',
};

describe('filter chips', () => {
  it('lists the filters set, in a fixed order, the dates as one chip', () => {
    expect(chipsOf(all).map((c) => [c.key, c.label, c.value])).toEqual([
      ['story', 'Story', 'Netflix and the messages'],
      ['tag', 'Tag', 'denial'],
      ['speaker', 'Speaker', 'Andy Stone'],
      ['outlet', 'Outlet', 'TechDogs'],
      ['dates', 'Published', 'Apr 2024 – 2024'],
    ]);
    expect(chipsOf(noFilters)).toEqual([]);
    expect(chipsOf({ ...noFilters, kind: 'quote' })).toEqual([]);
  });

  it('removes one filter with its chip, the two dates together', () => {
    expect(without(all, 'story').story).toBeNull();
    expect(without(all, 'tag').tag).toBe('');
    expect(without(all, 'speaker').speaker).toBeNull();
    expect(without(all, 'outlet').outlet).toBe('');
    const d = without(all, 'dates');
    expect([d.from, d.to]).toEqual(['', '']);
    expect(chipsOf(d).map((c) => c.key)).toEqual(['story', 'tag', 'speaker', 'outlet']);
  });

  it('writes date ranges as people read them', () => {
    expect(datesLabel('2024-04-03', '')).toBe('from 3 Apr 2024');
    expect(datesLabel('', '2024-05')).toBe('until May 2024');
    expect(datesLabel('2024', '2024')).toBe('2024');
    expect(datesLabel('', '')).toBe('');
  });

  it('says whether a filter other than the kind narrows the search', () => {
    expect(narrowed(noFilters)).toBe(false);
    expect(narrowed({ ...noFilters, kind: 'note' })).toBe(false);
    expect(narrowed({ ...noFilters, to: '2024' })).toBe(true);
  });

  it('accepts the dates the server does, and nothing else', () => {
    expect(['2024', '2024-04', '2024-04-03', ' 2024-12-31 '].map(isDate)).toEqual([true, true, true, true]);
    expect(['', 'soon', '24', '2024-4', '2024-13', '2024-04-00', '2024/04', '2024-04-03x'].map(isDate)).toEqual(Array(8).fill(false));
  });
});

describe('requestOf', () => {
  it('asks for a few of every kind, as typed', () => {
    expect(requestOf('stone', noFilters)).toEqual({
      query: 'stone',
      asYouType: true,
      kinds: [],
      storyId: 0,
      tag: '',
      speakerId: 0,
      outlet: '',
      from: '',
      to: '',
      limit: 5,
    });
  });

  it('carries the filters, and asks for more of one kind', () => {
    const r = requestOf('', { ...all, kind: 'quote', from: ' 2024-04 ' });
    expect(r).toMatchObject({ kinds: ['quote'], storyId: 3, tag: 'denial', speakerId: 9, outlet: 'TechDogs', from: '2024-04', to: '2024', limit: 50 });
    expect(requestOf('x', all, 200).limit).toBe(200);
  });
});

describe('group headings', () => {
  it('counts the group and says when it shows only some', () => {
    expect(headingOf(group('source', 3), true)).toEqual({ label: 'Sources', count: '3', showing: '' });
    expect(headingOf(group('quote', 5, 12), true)).toEqual({ label: 'Quotes', count: '12', showing: 'showing 5' });
    expect(headingOf(group('note', 5, 1000), true).count).toBe('1,000+');
    expect(headingOf(group('note', 5, 1000), false).count).toBe('1,000');
  });

  it('writes big totals with separators', () => {
    expect(totalLabel(12345, false)).toBe('12,345');
    expect(totalLabel(999, true)).toBe('999');
  });
});

describe('keyboard order', () => {
  const groups = [group('source', 2), group('quote', 2, 12), group('speaker', 0), group('note', 1)];
  const entries = entriesOf(groups);

  it('runs through the groups in order, a “more” line ending a group that has more, empty groups left out', () => {
    expect(entries.map((e) => (e.type === 'hit' ? `${e.kind}:${e.hit.id}` : `${e.kind}:more`))).toEqual([
      'source:1',
      'source:2',
      'quote:1',
      'quote:2',
      'quote:more',
      'note:1',
    ]);
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('leaves out the “more” lines it is told cannot show more', () => {
    expect(entriesOf(groups, () => false).some((e) => e.type === 'more')).toBe(false);
  });

  it('steps from group to group with PageDown and PageUp', () => {
    expect(groupStep(entries, 0, 1)).toBe(2);
    expect(groupStep(entries, 3, 1)).toBe(5);
    expect(groupStep(entries, 5, 1)).toBe(5);
    expect(groupStep(entries, 4, -1)).toBe(2); // to the start of its group first
    expect(groupStep(entries, 2, -1)).toBe(0);
    expect(groupStep(entries, 0, -1)).toBe(0);
    expect(groupStep([], 0, 1)).toBe(-1);
  });
});

describe('opening a hit', () => {
  it('opens a source in the reader, a quote in its source or on its page, a speaker’s or note’s page', () => {
    expect(targetOf(hit('source', 4))).toEqual({ kind: 'source', sourceId: 4 });
    expect(targetOf(hit('quote', 7, { sourceId: 4 }))).toEqual({ kind: 'quote', id: 7, sourceId: 4 });
    expect(targetOf(hit('quote', 7, { sourceId: 4 }), true)).toEqual({ kind: 'quotePage', id: 7 });
    expect(targetOf(hit('quote', 7))).toEqual({ kind: 'quotePage', id: 7 });
    expect(targetOf(hit('speaker', 2))).toEqual({ kind: 'speaker', id: 2 });
    expect(targetOf(hit('note', 5, { sourceId: 4 }))).toEqual({ kind: 'note', id: 5 });
    expect(targetOf(hit('story', 1))).toBeNull();
    expect(targetOf(hit('note', 0))).toBeNull();
  });

  it('says where a hit is from', () => {
    expect(hitMeta(hit('source', 1, { outlet: 'TechDogs', published: '2024-04-04' }))).toBe('TechDogs · 4 Apr 2024');
    expect(hitMeta(hit('quote', 1, { speaker: 'Andy Stone', sourceTitle: 'Meta accused', outlet: 'TechDogs' }))).toBe('— Andy Stone · Meta accused · TechDogs');
    expect(hitMeta(hit('quote', 1))).toBe('— unattributed');
    expect(hitMeta(hit('note', 1, { sourceTitle: 'Meta accused' }))).toBe('on Meta accused');
    expect(hitMeta(hit('note', 1))).toBe('');
    expect(hitMeta(hit('speaker', 1))).toBe('');
  });
});

describe('helpers for the filter menu', () => {
  it('finds a name as typed, whatever its case', () => {
    const tags = [{ name: 'Denial' }, { name: 'audit' }];
    expect(findByName(tags, (t) => t.name, ' denial ')).toBe(tags[0]);
    expect(findByName(tags, (t) => t.name, 'aud')).toBeUndefined();
    expect(findByName(tags, (t) => t.name, '')).toBeUndefined();
  });

  it('takes Markdown marks out of a note’s snippet, not out of the matched words', () => {
    expect(
      plainSnippet([
        { text: '# Ferry check The ', match: false },
        { text: 'ledger', match: true },
        { text: ' says **no** to [[Andy Stone]]', match: false },
      ]),
    ).toEqual([
      { text: 'Ferry check The ', match: false },
      { text: 'ledger', match: true },
      { text: ' says no to Andy Stone', match: false },
    ]);
  });
});
