// Importing many files: they are sent to ImportFiles in small batches (a few
// files or a few megabytes per call), each batch read from disk only when
// it is sent, so a folder of a thousand pages never sits in memory as
// base64 and the window stays responsive. Progress, counts and per-file
// outcomes are reactive state for the import sheet; Cancel stops after the
// batch in flight.

import { ApiError } from './api';
import { readFileData, sizeProblem } from './files';
import type { Picked } from './folders';
import type { FileData, FileResult, SourceSummary } from './types';

/** Limits of one ImportFiles call. A file larger than `bytes` goes alone. */
export interface BatchLimits {
  files: number;
  bytes: number;
}

export const batchLimits: BatchLimits = { files: 8, bytes: 8 * 1024 * 1024 };

/**
 * takeBatch returns the end (exclusive) of the batch that starts at `from`:
 * at most `files` files and `bytes` bytes, but always at least one file.
 */
export function takeBatch(sizes: readonly number[], from: number, limits: BatchLimits = batchLimits): number {
  let end = from;
  let bytes = 0;
  while (end < sizes.length && end - from < limits.files) {
    const size = Math.max(0, sizes[end]!);
    if (end > from && bytes + size > limits.bytes) break;
    bytes += size;
    end++;
  }
  return end;
}

/** planBatches splits files of these sizes into [start, end) batches, in order. */
export function planBatches(sizes: readonly number[], limits: BatchLimits = batchLimits): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < sizes.length; ) {
    const end = takeBatch(sizes, i, limits);
    out.push([i, end]);
    i = end;
  }
  return out;
}

export type FileStatus = 'waiting' | 'importing' | 'imported' | 'duplicate' | 'failed' | 'cancelled';

/** FileOutcome is one file of an import and what became of it. */
export interface FileOutcome {
  key: number;
  path: string;
  /**
   * Bytes, or null until the file's batch comes up: in Chromium, reading a
   * chosen file's size asks the disk, and a thousand at once freezes the page.
   */
  size: number | null;
  status: FileStatus;
  /** The new source, or for a duplicate the source it repeats. */
  source?: SourceSummary;
  error?: string;
}

/** What the job needs from the rest of the app (tests pass fakes). */
export interface ImportDeps {
  importFiles: (files: FileData[], storyId: number) => Promise<FileResult[]>;
  read?: (file: File, name: string) => Promise<FileData>;
  /** Called after each batch with the sources it added. */
  onbatch?: (added: SourceSummary[]) => void;
  /** Called when the queue is empty (finished or cancelled). */
  ondone?: (job: ImportJob) => void;
  /** Lets the page paint between batches; tests pass a no-op. */
  pause?: () => Promise<void>;
  limits?: BatchLimits;
}

/** Errors after which sending more batches is pointless. */
const fatal = new Set(['network', 'unauthorized', 'forbidden']);

const paint = () => new Promise<void>((r) => setTimeout(r, 0));

let nextKey = 1;

export class ImportJob {
  /** Every file of this job, in order; replaced (not mutated) on each change. */
  rows = $state.raw<FileOutcome[]>([]);
  done = $state(0);
  imported = $state(0);
  duplicates = $state(0);
  failed = $state(0);
  /** Files inside dropped or chosen folders that were left out. */
  skipped = $state(0);
  running = $state(false);
  /** True once Cancel was pressed, until the job ends. */
  cancelling = $state(false);
  /** Files not imported because the user cancelled. */
  cancelled = $state(0);
  /** Why the job stopped early (the notebook stopped answering), or "". */
  stopped = $state('');
  /** Paths being imported right now. */
  current = $state.raw<string[]>([]);

  total = $derived(this.rows.length);
  /** The first source this job added, to open when it ends. */
  firstNew = $state<SourceSummary | null>(null);

  private files = new Map<number, File>();
  private stories = new Map<number, number>();
  private deps: ImportDeps;

  constructor(deps: ImportDeps) {
    this.deps = deps;
  }

  /** finished is true when files were added and none is left to do. */
  get finished(): boolean {
    return this.rows.length > 0 && !this.running;
  }

  /** add queues files; the job starts if it is not running. */
  add(picked: readonly Picked[], storyId: number, skipped = 0): void {
    this.skipped += skipped;
    if (picked.length === 0) return;
    const added: FileOutcome[] = picked.map(({ file, path }) => {
      const key = nextKey++;
      this.files.set(key, file);
      this.stories.set(key, storyId);
      return { key, path, size: null, status: 'waiting' };
    });
    this.rows = [...this.rows, ...added];
    if (!this.running) void this.run();
  }

  /** cancel stops the job after the batch in flight; the files left are not imported. */
  cancel(): void {
    if (this.running) this.cancelling = true;
  }

  /** reset forgets a finished job (a new import starts from zero). */
  reset(): void {
    if (this.running) return;
    this.rows = [];
    this.done = this.imported = this.duplicates = this.failed = this.skipped = this.cancelled = 0;
    this.stopped = '';
    this.firstNew = null;
    this.files.clear();
    this.stories.clear();
  }

  private patch(updates: Map<number, Partial<FileOutcome>>): void {
    if (updates.size === 0) return;
    this.rows = this.rows.map((r) => {
      const u = updates.get(r.key);
      return u ? { ...r, ...u } : r;
    });
  }

  private settle(updates: Map<number, Partial<FileOutcome>>, key: number, u: Partial<FileOutcome>): void {
    updates.set(key, u);
    this.files.delete(key);
    this.done++;
    if (u.status === 'imported') this.imported++;
    else if (u.status === 'duplicate') this.duplicates++;
    else if (u.status === 'failed') this.failed++;
  }

  private async run(): Promise<void> {
    this.running = true;
    this.stopped = '';
    const limits = this.deps.limits ?? batchLimits;
    const pause = this.deps.pause ?? paint;
    try {
      for (;;) {
        if (this.cancelling) break;
        const waiting = this.rows.filter((r) => r.status === 'waiting');
        if (waiting.length === 0) break;
        // A batch goes to one story: stop at the first file meant for another.
        const story = this.stories.get(waiting[0]!.key) ?? 0;
        let same = waiting.findIndex((r) => (this.stories.get(r.key) ?? 0) !== story);
        if (same < 0) same = waiting.length;
        // Sizes are read only for the files that can make the next batch.
        const candidates = waiting.slice(0, Math.min(same, limits.files)).map((r) => ({ ...r, size: r.size ?? this.files.get(r.key)?.size ?? 0 }));
        const batch = candidates.slice(0, takeBatch(candidates.map((r) => r.size), 0, limits));
        await this.send(batch, story);
        if (this.stopped) break;
        await pause();
      }
    } finally {
      const left = new Map<number, Partial<FileOutcome>>();
      for (const r of this.rows) {
        if (r.status === 'waiting' || r.status === 'importing') {
          left.set(r.key, { status: 'cancelled' });
          this.files.delete(r.key);
        }
      }
      if (this.cancelling || this.stopped) this.cancelled += left.size;
      this.patch(left);
      this.current = [];
      this.running = false;
      this.cancelling = false;
      this.deps.ondone?.(this);
    }
  }

  /** send reads and imports one batch; it never throws. */
  private async send(batch: FileOutcome[], story: number): Promise<void> {
    const updates = new Map<number, Partial<FileOutcome>>();
    const read = this.deps.read ?? ((f: File, name: string) => readFileData(f).then((d) => ({ ...d, name })));
    const data: FileData[] = [];
    const sent: FileOutcome[] = [];
    this.current = batch.map((r) => r.path);
    this.patch(new Map(batch.map((r) => [r.key, { status: 'importing' as const, size: r.size }])));
    for (const row of batch) {
      const file = this.files.get(row.key);
      const problem = file ? sizeProblem({ name: row.path, size: file.size }) : 'The file is no longer available.';
      if (problem) {
        this.settle(updates, row.key, { status: 'failed', error: problem });
        continue;
      }
      try {
        data.push(await read(file!, row.path));
        sent.push(row);
      } catch {
        this.settle(updates, row.key, { status: 'failed', error: `“${row.path}” could not be read; it may have been moved or deleted.` });
      }
    }
    const added: SourceSummary[] = [];
    if (sent.length > 0) {
      let results: FileResult[] | null = null;
      try {
        results = await this.deps.importFiles(data, story);
      } catch (err) {
        const code = err instanceof ApiError ? err.code : '';
        const message = err instanceof Error && err.message ? err.message : 'Sourcebook could not import these files.';
        if (code === 'toolarge' && sent.length > 1) {
          // Too much for one request: send the files one by one.
          this.patch(updates);
          for (const row of sent) {
            if (this.cancelling || this.stopped) break;
            await this.send([row], story);
          }
          return;
        }
        if (fatal.has(code)) this.stopped = message;
        for (const row of sent) this.settle(updates, row.key, { status: 'failed', error: message });
      }
      if (results) {
        sent.forEach((row, i) => {
          const r = results![i];
          if (!r) this.settle(updates, row.key, { status: 'failed', error: 'Sourcebook gave no answer for this file.' });
          else if (r.error || !r.source) this.settle(updates, row.key, { status: 'failed', error: r.error || 'This file could not be imported.' });
          else if (r.duplicate) this.settle(updates, row.key, { status: 'duplicate', source: r.source });
          else {
            this.settle(updates, row.key, { status: 'imported', source: r.source });
            this.firstNew ??= r.source;
            added.push(r.source);
          }
        });
      }
    }
    this.patch(updates);
    if (added.length > 0) this.deps.onbatch?.(added);
  }
}
