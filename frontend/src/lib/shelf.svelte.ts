// Notes and tags as the sidebar and the pages see them: the notes (for the
// Notes entry's count and the unfiltered list), every tag with its count,
// and a revision that pages watch to load again after a change made
// elsewhere (a note saved, tags changed, an undo).

import * as api from './api';
import type { Note, Tag } from './types';

/** The most notes the unfiltered list holds (Notes answers at most 1,000). */
export const maxListed = 1000;

export class Shelf {
  notes = $state<Note[]>([]);
  tags = $state<Tag[]>([]);
  /** True once the first load answered. */
  loaded = $state(false);
  /** Goes up after every change: pages showing notes or tags load again. */
  rev = $state(0);

  /** count is how many notes there are (at most maxListed). */
  count = $derived(this.notes.length);

  private seq = 0;

  /** refresh loads the notes and tags again; stale answers are dropped. */
  async refresh(): Promise<void> {
    const seq = ++this.seq;
    const [notes, tags] = await Promise.all([api.notes({ limit: maxListed }), api.tags()]);
    if (seq !== this.seq) return;
    this.notes = notes;
    this.tags = tags;
    this.loaded = true;
  }

  /** changed tells every page that notes, links or tags changed, and reloads the shelf. */
  changed(): void {
    this.rev++;
    void this.refresh().catch(() => {});
  }

  /** put shows a note the server saved without loading everything again (the editor saves often). */
  put(n: Note): void {
    const rest = this.notes.filter((x) => x.id !== n.id);
    this.notes = [n, ...rest];
  }

  /** drop forgets a deleted note at once. */
  drop(id: number): void {
    this.notes = this.notes.filter((x) => x.id !== id);
  }
}

export const shelf = new Shelf();
