// Autosave for the note editor: a change is saved once typing pauses
// (debounced), at most one save is in flight, and flush() saves what is
// left at once (on blur, when the page is left or the window closes).

/** SaveStatus is what the editor shows: "Saving…", "Saved", or why not. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface AutosaveOptions {
  /** How long typing must pause before a save, in ms. */
  delay?: number;
  onstatus?: (status: SaveStatus, error?: unknown) => void;
}

export class Autosaver {
  private readonly save: (text: string) => Promise<void>;
  private readonly delay: number;
  private readonly onstatus: (status: SaveStatus, error?: unknown) => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Text changed since the last save started; null when there is none. */
  private latest: string | null = null;
  private inflight: Promise<void> | null = null;
  private failed = false;
  status: SaveStatus = 'saved';

  constructor(save: (text: string) => Promise<void>, opts: AutosaveOptions = {}) {
    this.save = save;
    this.delay = opts.delay ?? 400;
    this.onstatus = opts.onstatus ?? (() => {});
  }

  /** dirty reports whether some text is not saved yet (waiting or on its way). */
  get dirty(): boolean {
    return this.latest !== null || this.inflight !== null;
  }

  /** change takes the editor's new text; it is saved when typing pauses. */
  change(text: string): void {
    this.latest = text;
    this.set('pending');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  /**
   * flush saves the text not yet saved now, after any save in flight, and
   * resolves once everything is saved. A failed save keeps its text for the
   * next try and leaves the status "error" (flush does not throw).
   */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (;;) {
      if (this.inflight) {
        await this.inflight.catch(() => {});
        continue;
      }
      if (this.latest === null) break;
      const text = this.latest;
      this.latest = null;
      this.set('saving');
      const p = this.save(text);
      this.inflight = p;
      try {
        await p;
        this.failed = false;
      } catch (err) {
        if (this.latest === null) this.latest = text;
        this.failed = true;
        this.set('error', err);
        return;
      } finally {
        if (this.inflight === p) this.inflight = null;
      }
    }
    if (!this.failed) this.set('saved');
  }

  /** cancel forgets unsaved text (the note was deleted). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = null;
  }

  private set(s: SaveStatus, err?: unknown): void {
    this.status = s;
    this.onstatus(s, err);
  }
}
