import { describe, expect, it } from 'vitest';
import {
  bodyParagraphs,
  cleanSegments,
  fold,
  formatDate,
  joinNames,
  matchesFilter,
  paragraphs,
  plural,
  readerMeta,
  rowMeta,
  safeHttpUrl,
  short,
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

describe('paragraphs', () => {
  it('splits on blank lines and keeps single newlines as line breaks', () => {
    expect(paragraphs('One.\n\nTwo a\nTwo b\n\n\nThree.')).toEqual([['One.'], ['Two a', 'Two b'], ['Three.']]);
  });

  it('treats lines of spaces as blank and trims paragraphs', () => {
    expect(paragraphs('  First.  \n \n\t\nSecond.\n')).toEqual([['First.'], ['Second.']]);
  });

  it('understands Windows and old Mac line ends', () => {
    expect(paragraphs('A\r\n\r\nB\rC')).toEqual([['A'], ['B', 'C']]);
  });

  it('drops empty input', () => {
    expect(paragraphs('')).toEqual([]);
    expect(paragraphs('\n\n  \n')).toEqual([]);
  });

  it('keeps markup as text', () => {
    expect(paragraphs('<b>bold</b>\n\n<img src=x onerror=alert(1)>')).toEqual([['<b>bold</b>'], ['<img src=x onerror=alert(1)>']]);
  });
});

describe('bodyParagraphs', () => {
  it('drops a first paragraph that repeats the title', () => {
    expect(bodyParagraphs('Lawsuit claims, Facebook!\n\nBody.', 'lawsuit claims facebook')).toEqual([['Body.']]);
  });

  it('keeps a first paragraph that differs', () => {
    expect(bodyParagraphs('Highlights\n\nBody.', 'Lawsuit')).toEqual([['Highlights'], ['Body.']]);
  });

  it('keeps the text when the title is empty', () => {
    expect(bodyParagraphs('Body.', '')).toEqual([['Body.']]);
  });
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
    expect(readerMeta(summary({ authors: ['A', 'B'] }))).toEqual(['MyNation', 'A and B', '3 Apr 2024', '426 words']);
    expect(readerMeta({ ...summary({ outlet: '', authors: [], published: '' }), updated: '2024-04-05' })).toEqual([
      'updated 5 Apr 2024',
      '426 words',
    ]);
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
