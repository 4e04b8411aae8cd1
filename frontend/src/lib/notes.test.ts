import { describe, expect, it } from 'vitest';
import { attachedLine, completeLink, cut, groupTargets, noteExcerpt, noteName, plainText, resolver } from './notes';
import type { LinkTarget } from './types';

describe('plainText', () => {
  it('shows links and emphasis as a reader sees them', () => {
    expect(plainText('Stone denies it: [[Andy Stone]]')).toBe('Stone denies it: Andy Stone');
    expect(plainText('See [[speaker:3|the spokesman]] and [the post](https://x.com/a_(b))')).toBe('See the spokesman and the post');
    expect(plainText('## A **bold** and _quiet_ `code` claim')).toBe('A bold and quiet code claim');
    expect(plainText('- item')).toBe('item');
    expect(plainText('snake_case_name stays')).toBe('snake_case_name stays');
  });
});

describe('names and excerpts', () => {
  it('names a note by its first line, its passage, or not at all', () => {
    expect(noteName({ title: '# Stone [[Andy Stone]]', attached: [] })).toBe('Stone Andy Stone');
    expect(noteName({ title: '', attached: [{ kind: 'passage', id: 4, label: 'Netflix and Spotify' }] })).toBe('“Netflix and Spotify”');
    expect(noteName({ title: '', attached: [] })).toBe('Untitled note');
  });

  it('excerpts what follows the first line', () => {
    expect(noteExcerpt('Title\n\nFirst **point**.\n```\ncode\n```\nSee [[Andy Stone]].')).toBe('First point. code See Andy Stone.');
    expect(noteExcerpt('Only a title')).toBe('');
    expect(noteExcerpt('T\n' + 'word '.repeat(100), 40)).toBe('word word word word word word word…');
  });

  it('cuts at a word', () => {
    expect(cut('short', 10)).toBe('short');
    expect(cut('one two three four', 12)).toBe('one two…');
  });

  it('says what a note is attached to', () => {
    expect(attachedLine({ kind: 'speaker', id: 3, label: 'Andy Stone' })).toBe('Speaker: Andy Stone');
    expect(attachedLine({ kind: 'passage', id: 2, label: 'Netflix and Spotify', sourceId: 2 }, 'Meta Accused')).toBe(
      'Passage: “Netflix and Spotify” in Meta Accused',
    );
    expect(attachedLine({ kind: 'story', id: 0, label: 'Old story' })).toBe('Story: Old story (deleted)');
    expect(attachedLine({ kind: 'passage', id: 2, label: 'gone words', orphan: true })).toBe('Passage: “gone words” (no longer in the text)');
  });
});

describe('resolver', () => {
  it('answers from a note’s resolved links', () => {
    const resolve = resolver([
      { target: 'Andy Stone', text: 'Andy Stone', kind: 'speaker', id: 3, label: 'Andy Stone' },
      { target: 'Nobody', text: 'Nobody', kind: '', id: 0, label: '' },
    ]);
    expect(resolve('Andy Stone')).toEqual({ kind: 'speaker', id: 3, label: 'Andy Stone' });
    expect(resolve('Nobody')).toBeNull();
    expect(resolve('Unknown')).toBeNull();
  });
});

describe('completeLink', () => {
  it('replaces the [[… being typed with the link', () => {
    const text = 'Stone denies it: [[And';
    expect(completeLink(text, text.length, '[[Andy Stone]]')).toEqual({
      text: 'Stone denies it: [[Andy Stone]]',
      caret: 31,
      from: 17,
      to: 22,
    });
  });

  it('keeps the text after the caret', () => {
    const text = 'See [[sto and more.';
    const r = completeLink(text, 9, '[[story:2|Netflix messages]]')!;
    expect(r.text).toBe('See [[story:2|Netflix messages]] and more.');
    expect(r.text.slice(r.caret)).toBe(' and more.');
  });

  it('takes in the rest of a link being edited, up to its ]]', () => {
    const text = 'See [[An]] now';
    const r = completeLink(text, 8, '[[Andy Stone]]')!;
    expect(r.text).toBe('See [[Andy Stone]] now');
    expect(r.caret).toBe(18);
  });

  it('does nothing without a [[ being typed', () => {
    expect(completeLink('no link', 7, '[[x]]')).toBeNull();
    expect(completeLink('[[done]] ', 9, '[[x]]')).toBeNull();
    expect(completeLink('[[line\nbreak', 12, '[[x]]')).toBeNull();
  });

  it('never eats a later link', () => {
    const text = 'a [[b and [[c]]';
    const r = completeLink(text, 5, '[[bee]]')!;
    expect(r.text).toBe('a [[bee]] and [[c]]');
  });
});

describe('groupTargets', () => {
  const t = (kind: string, label: string): LinkTarget => ({ kind, id: label.length, label, detail: '', insert: `[[${label}]]` });

  it('groups by kind in the order links resolve, numbering the items', () => {
    const { groups, flat } = groupTargets([t('speaker', 'Andy Stone'), t('note', 'Andy notes'), t('quote', 'Shockingly'), t('speaker', 'Andy Roe')]);
    expect(groups.map((g) => g.name)).toEqual(['Notes', 'Speakers', 'Quotes']);
    expect(flat.map((x) => x.label)).toEqual(['Andy notes', 'Andy Stone', 'Andy Roe', 'Shockingly']);
    expect(groups[1]!.items.map((i) => i.index)).toEqual([1, 2]);
  });
});
