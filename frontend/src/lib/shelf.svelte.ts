// Notes and tags as the sidebar and the pages see them: how many notes
// there are (the Notes entry's count), the newest notes once a page needs
// them (the unfiltered list, a highlight's links), every tag with its
// count, and a revision that pages watch to load again after a change made
// elsewhere (a note saved, tags changed, an undo).

import * as api from './api';
import type { Note, Tag } from './types';

/** The most notes the unfiltered list holds (Notes answers at most 1,000). */
export const maxListed = 1000;

export class Shelf {
  /** The newest notes (at most maxListed), once wanted (wantNotes). */
  notes = $state<Note[]>([]);
  tags = $state<Tag[]>([]);
  /** How many notes there are. */
  count = $state(0);
  /** True once the first load answered. */
  loaded = $state(false);
  /** True once the notes asked for by wantNotes have arrived. */
  notesLoaded = $state(false);
  /** Goes up after every change: pages showing notes or tags load again. */
  rev = $state(0);

  /**
   * Whether a page needs the notes themselves: counting 50,000 notes is
   * one quick call, listing 1,000 of them with their links and tags a
   * tenth of a second, so the list is loaded only once something shows it.
   */
  private notesWanted = false;
  private seq = 0;

  /** refresh loads the count and tags again (and the notes, once wanted); stale answers are dropped. */
  async refresh(): Promise<void> {
    const seq = ++this.seq;
    const wanted = this.notesWanted;
    const [count, tags, notes] = await Promise.all([
      api.noteCount(),
      api.tags(),
      wanted ? api.notes({ limit: maxListed }) : Promise.resolve(null),
    ]);
    if (seq !== this.seq) return;
    this.count = count;
    this.tags = tags;
    if (notes) {
      this.notes = notes;
      this.notesLoaded = true;
    }
    this.loaded = true;
  }

  /** wantNotes loads the newest notes, and keeps them loaded from then on. */
  wantNotes(): void {
    if (this.notesWanted) return;
    this.notesWanted = true;
    void this.refresh().catch(() => {});
  }

  /** changed tells every page that notes, links or tags changed, and reloads the shelf. */
  changed(): void {
    this.rev++;
    void this.refresh().catch(() => {});
  }

  /** put shows a note the server saved without loading everything again (the editor saves often). */
  put(n: Note): void {
    if (!this.notesWanted) return;
    const rest = this.notes.filter((x) => x.id !== n.id);
    this.notes = [n, ...rest];
  }

  /** drop forgets a deleted note at once. */
  drop(id: number): void {
    this.notes = this.notes.filter((x) => x.id !== id);
    this.count = Math.max(0, this.count - 1);
  }
}

export const shelf = new Shelf();
