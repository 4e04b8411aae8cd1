import { describe, expect, it } from 'vitest';
import { filterActions, fuzzyScore, pieces, type Action } from './palette';

const act = (label: string, more: Partial<Action> = {}): Action => ({ id: label, label, run: () => {}, ...more });

const actions: Action[] = [
  act('New note', { keys: 'N' }),
  act('Search', { keys: 'mod+K' }),
  act('Import', { keys: 'mod+I' }),
  act('Next source', { keys: 'J' }),
  act('Previous source', { keys: 'K' }),
  act('Compare…', { keys: 'C' }),
  act('Open notes'),
  act('Open speakers'),
  act('Toggle sidebar', { keys: 'mod+\\' }),
  act('System', { group: 'Theme', words: 'follow the computer' }),
  act('Light', { group: 'Theme' }),
  act('Dark', { group: 'Theme', words: 'night mode' }),
  act('Undo', { keys: 'mod+Z' }),
  act('Go to story: Netflix messages', { group: 'Story' }),
  act('Go to story: Harbour works', { group: 'Story' }),
];

const labels = (q: string) => filterActions(actions, q).map((s) => s.action.label);

describe('fuzzyScore', () => {
  it('matches letters in order, not otherwise', () => {
    expect(fuzzyScore('nn', 'New note')).not.toBeNull();
    expect(fuzzyScore('nte', 'New note')).not.toBeNull();
    expect(fuzzyScore('xyz', 'New note')).toBeNull();
    expect(fuzzyScore('ten', 'New note')).toBeNull();
  });

  it('ignores case, accents and spaces in the query', () => {
    expect(fuzzyScore('NEW NOTE', 'New note')?.hits).toEqual([0, 1, 2, 4, 5, 6, 7]);
    expect(fuzzyScore('cafe', 'Café story')).not.toBeNull();
  });

  it('prefers word starts and runs', () => {
    const starts = fuzzyScore('ns', 'Next source')!;
    expect(starts.hits).toEqual([0, 5]);
    expect(fuzzyScore('not', 'New note')!.score).toBeGreaterThan(fuzzyScore('not', 'Cannot do')!.score);
  });
});

describe('filterActions', () => {
  it('keeps every action, in order, for an empty query', () => {
    expect(labels('')).toEqual(actions.map((a) => a.label));
    expect(labels('   ')).toHaveLength(actions.length);
  });

  it('puts the best match first', () => {
    expect(labels('new')[0]).toBe('New note');
    expect(labels('nn')[0]).toBe('New note');
    expect(labels('prev')[0]).toBe('Previous source');
    expect(labels('sea')[0]).toBe('Search');
    expect(labels('undo')).toEqual(['Undo']);
  });

  it('finds actions by their group and other words', () => {
    expect(labels('theme dark')[0]).toBe('Dark');
    expect(labels('night')).toEqual(['Dark']);
    expect(labels('harbour')[0]).toBe('Go to story: Harbour works');
    expect(labels('story net')[0]).toBe('Go to story: Netflix messages');
  });

  it('drops what does not match', () => {
    expect(labels('qqq')).toEqual([]);
  });

  it('returns the label characters to mark', () => {
    const [best] = filterActions(actions, 'tog side');
    expect(best!.action.label).toBe('Toggle sidebar');
    expect(pieces(best!.action.label, best!.hits)).toEqual([
      { text: 'Tog', match: true },
      { text: 'gle ', match: false },
      { text: 'side', match: true },
      { text: 'bar', match: false },
    ]);
  });
});
