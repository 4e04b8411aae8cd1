import { describe, expect, it } from 'vitest';
import {
  cleanSegments,
  fold,
  formatDate,
  formatDateTime,
  hostOf,
  joinNames,
  matchesFilter,
  sourceFilter,
  plural,
  readerMeta,
  rowMeta,
  safeHttpUrl,
  short,
  splitAuthors,
} from './text';
import type { SourceSummary } from './types';

const summary = (over: Partial<SourceSummary> = {}): SourceSummary => ({
  id: 1,
  uuid: 'u',
  title: 'Lawsuit claims Facebook sold messages',
  outlet: 'MyNation',
  authors: ['Roshni Tamta'],
  published: '2024-04-03T14:29:00+05:30',
  kind: 'article',
  words: 426,
  importedAt: '2024-05-01T10:00:00Z',
  storyIds: [],
  ...over,
});



describe('formatDate', () => {
  it.each([
    ['2024-04-03T14:29:00+05:30', '3 Apr 2024'],
    ['2024-04-03', '3 Apr 2024'],
    ['2024-12-31T23:59:59Z', '31 Dec 2024'],
    ['2024-04', 'Apr 2024'],
    ['2024', '2024'],
    ['', ''],
    ['last Tuesday', 'last Tuesday'],
    ['2024-13-01', '2024'],
  ])('%s is %s', (iso, want) => expect(formatDate(iso)).toBe(want));
});

describe('formatDateTime', () => {
  it.each([
    ['2024-04-03T14:29:00+05:30', '3 Apr 2024, 14:29 +05:30'],
    ['2024-04-03T14:29:59.123+0530', '3 Apr 2024, 14:29 +05:30'],
    ['2024-04-03T09:05:00-04:00', '3 Apr 2024, 09:05 -04:00'],
    ['2024-04-03T14:29:00Z', '3 Apr 2024, 14:29 UTC'],
    ['2024-04-03T14:29:00+00:00', '3 Apr 2024, 14:29 UTC'],
    ['2024-04-03 14:29', '3 Apr 2024, 14:29'],
    ['2024-04-03T14:29+01', '3 Apr 2024, 14:29 +01:00'],
    ['2024-04-03', '3 Apr 2024'],
    ['2024-04', 'Apr 2024'],
    ['2024', '2024'],
    ['', ''],
    ['soon', 'soon'],
  ])('%s is %s', (iso, want) => expect(formatDateTime(iso)).toBe(want));
});

describe('hostOf and splitAuthors', () => {
  it('shortens a link to its host', () => {
    expect(hostOf('https://www.techdogs.com/x/y')).toBe('techdogs.com');
    expect(hostOf('http://news.example.org:8080/')).toBe('news.example.org');
    expect(hostOf('nope')).toBe('');
  });

  it('reads names separated by commas or semicolons', () => {
    expect(splitAuthors(' Roshni  Tamta , Lakshana Raichandani;K. Osei,, ')).toEqual(['Roshni Tamta', 'Lakshana Raichandani', 'K. Osei']);
    expect(splitAuthors('   ')).toEqual([]);
  });
});

describe('joinNames', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
    [[' A ', '', 'B'], 'A and B'],
  ])('%j is %s', (names, want) => expect(joinNames(names)).toBe(want));
});

describe('plural', () => {
  it('counts', () => {
    expect(plural(1, 'word')).toBe('1 word');
    expect(plural(0, 'word')).toBe('0 words');
    expect(plural(1234, 'word')).toBe('1,234 words');
    expect(plural(2, 'story', 'stories')).toBe('2 stories');
  });
});

describe('rowMeta and readerMeta', () => {
  it('shows outlet and date in the library', () => {
    expect(rowMeta(summary())).toBe('MyNation · 3 Apr 2024');
    expect(rowMeta(summary({ outlet: '' }))).toBe('3 Apr 2024');
    expect(rowMeta(summary({ outlet: '', published: '' }))).toBe('imported 1 May 2024');
  });

  it('shows everything known above the title', () => {
    const text = (s: Parameters<typeof readerMeta>[0]) => readerMeta(s).map((p) => p.text);
    expect(text(summary({ authors: ['A', 'B'] }))).toEqual(['MyNation', 'A and B', '3 Apr 2024, 14:29 +05:30', '426 words']);
    expect(text({ ...summary({ outlet: '', authors: [], published: '' }), updated: '2024-04-05' })).toEqual([
      'updated 5 Apr 2024',
      '426 words',
    ]);
    expect(text({ ...summary({ published: '2024-04-05' }), updated: '2024-04-05' })).toEqual([
      'MyNation',
      'Roshni Tamta',
      '5 Apr 2024',
      '426 words',
    ]);
    expect(readerMeta(summary())[2]).toEqual({ key: 'published', text: '3 Apr 2024, 14:29 +05:30', title: 'Published 2024-04-03T14:29:00+05:30' });
  });
});

describe('matchesFilter', () => {
  it('matches every word anywhere in title, outlet and authors', () => {
    expect(matchesFilter(summary(), 'facebook mynation')).toBe(true);
    expect(matchesFilter(summary(), 'tamta')).toBe(true);
    expect(matchesFilter(summary(), 'facebook netflix')).toBe(false);
    expect(matchesFilter(summary(), '   ')).toBe(true);
  });

  it('ignores case and accents', () => {
    expect(matchesFilter(summary({ title: 'Café society' }), 'CAFE')).toBe(true);
    expect(fold('Zoë Ångström')).toBe('zoe angstrom');
  });

  it('gives one test for a whole library, the same as matchesFilter', () => {
    const lib = [summary(), summary({ title: 'Café society', outlet: 'Le Monde', authors: [] })];
    expect(lib.filter(sourceFilter('cafe monde')).map((s) => s.title)).toEqual(['Café society']);
    expect(lib.filter(sourceFilter(' ')).length).toBe(2);
    // Asked again of the same summaries (their folded words are kept), it answers the same.
    expect(lib.filter(sourceFilter('society')).length).toBe(1);
  });
});

describe('cleanSegments', () => {
  it('merges neighbours and drops empty runs', () => {
    expect(
      cleanSegments([
        { text: 'a ', match: false },
        { text: '', match: true },
        { text: 'b', match: false },
        { text: 'Shockingly', match: true },
        { text: ' ', match: true },
        { text: 'untrue', match: true },
        { text: '.', match: false },
      ]),
    ).toEqual([
      { text: 'a b', match: false },
      { text: 'Shockingly untrue', match: true },
      { text: '.', match: false },
    ]);
  });

  it('does not change its input', () => {
    const input = [
      { text: 'a', match: false },
      { text: 'b', match: false },
    ];
    cleanSegments(input);
    expect(input[0]!.text).toBe('a');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['http://example.org', 'http://example.org/'],
    ['javascript:alert(1)', ''],
    ['data:text/html,hi', ''],
    ['file:///etc/passwd', ''],
    ['', ''],
    ['not a url', ''],
  ])('%s gives %s', (url, want) => expect(safeHttpUrl(url)).toBe(want));
});

describe('short', () => {
  it('keeps short titles', () => {
    expect(short('  A short   title ')).toBe('A short title');
  });

  it('cuts long titles at a word', () => {
    expect(short("Lawsuit claims Facebook sold users' private messages to Netflix in a data exchange deal", 40)).toBe(
      "Lawsuit claims Facebook sold users'…",
    );
  });

  it('cuts a long word when there is no space', () => {
    expect(short('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
