import { describe, expect, it } from 'vitest';
import { suggestSpeakers } from './speakers';
import type { Speaker } from './types';

const sp = (id: number, name: string, aliases: string[] = []): Speaker => ({
  id,
  uuid: `u${id}`,
  name,
  role: '',
  affiliation: '',
  aliases,
  quotes: 0,
  sources: 0,
});

const list = [sp(1, 'Andy Stone', ['Stone']), sp(2, 'Elon Musk'), sp(3, 'Reed Hastings'), sp(4, 'Zoë Andersen'), sp(5, 'the court filing')];
const ids = (xs: Speaker[]) => xs.map((s) => s.id);

describe('suggestSpeakers', () => {
  it('puts names that start with the words typed first, then names and aliases that contain them', () => {
    expect(ids(suggestSpeakers(list, 'and'))).toEqual([1, 4]);
    expect(ids(suggestSpeakers(list, 'st'))).toEqual([1, 3]);
    expect(ids(suggestSpeakers(list, 'ANDERSEN'))).toEqual([4]);
  });

  it('ignores case and accents', () => {
    expect(ids(suggestSpeakers(list, 'zoe'))).toEqual([4]);
    expect(ids(suggestSpeakers(list, 'ZOË'))).toEqual([4]);
  });

  it('matches aliases', () => {
    expect(ids(suggestSpeakers([sp(7, 'A. Stone', ['Andrew Stone'])], 'andrew'))).toEqual([7]);
  });

  it('leaves out the speaker the quotes leave', () => {
    expect(ids(suggestSpeakers(list, '', 1))).toEqual([2, 3, 4, 5]);
  });

  it('offers at most limit names, of 20,000', () => {
    const many = Array.from({ length: 20000 }, (_, i) => sp(i + 1, `Person ${i + 1}`));
    expect(suggestSpeakers(many, '').length).toBe(50);
    const got = suggestSpeakers(many, 'person 1', null, 10);
    expect(got.length).toBe(10);
    expect(got[0]!.name).toBe('Person 1');
    expect(suggestSpeakers(many, 'nobody')).toEqual([]);
  });
});
