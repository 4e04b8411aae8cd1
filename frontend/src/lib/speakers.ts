// Choosing a speaker by name among many: a large notebook quotes 20,000
// people, too many to put in a page as options.
import { fold } from './text';
import type { Speaker } from './types';

/**
 * suggestSpeakers returns at most `limit` speakers whose name or one of
 * whose aliases contains what is typed (case and accents aside): those
 * whose name starts with it first, then the rest, each in the list's order
 * (most quoted first). With nothing typed it returns the first `limit`.
 * The speaker `except` (the one whose quotes are moved away) is left out.
 */
export function suggestSpeakers(speakers: readonly Speaker[], typed: string, except: number | null = null, limit = 50): Speaker[] {
  const want = fold(typed.trim());
  const starts: Speaker[] = [];
  const contains: Speaker[] = [];
  for (const s of speakers) {
    if (s.id === except) continue;
    if (want === '') {
      starts.push(s);
      if (starts.length >= limit) break;
      continue;
    }
    const name = fold(s.name);
    if (name.startsWith(want)) {
      starts.push(s);
      if (starts.length >= limit) break;
    } else if (contains.length < limit && (name.includes(want) || s.aliases.some((a) => fold(a).includes(want)))) {
      contains.push(s);
    }
  }
  return [...starts, ...contains].slice(0, limit);
}
