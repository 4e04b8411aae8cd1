// A background job (an export, a merge) as the window follows it: started
// once, asked for its status every ~200 ms until it finishes, cancellable.
// It lives in App, not in a dialog, so closing the dialog lets the work go
// on (with a small progress line at the bottom of the window) and reopening
// it shows where it is.

import { ApiError } from './api';
import type { Job } from './types';

export interface JobDeps {
  status: (id: string) => Promise<Job>;
  cancel: (id: string) => Promise<void>;
  /** Called once when a job this follower started ends, whatever the outcome. */
  ondone?: (job: Job) => void;
  /** How often to ask; 200 ms unless told. */
  interval?: number;
}

/** How many status calls in a row may fail before the job is given up on. */
const maxMisses = 10;

export class JobFollower {
  /** The job as last heard of; null before the first start. */
  job = $state<Job | null>(null);
  /** Why the job could not start or be followed ('' when it could). */
  error = $state('');
  /** The error's code ('cancelled', 'conflict', …). */
  code = $state('');
  /** Cancel was asked for and the job has not ended yet. */
  cancelling = $state(false);

  readonly running = $derived(this.job !== null && !this.job.finished);
  /** It ended with its result. */
  readonly succeeded = $derived(this.job !== null && this.job.finished && !this.job.error);

  private deps: JobDeps;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private run = 0;

  constructor(deps: JobDeps) {
    this.deps = deps;
  }

  /**
   * start runs begin (which starts the job on the Go side) and follows the
   * job it returns until it ends. A failure to start is kept in `error` and
   * `code` (and thrown, so the caller can keep its form open).
   */
  async start(begin: () => Promise<Job>): Promise<Job> {
    this.stop();
    const run = ++this.run;
    this.error = '';
    this.code = '';
    this.cancelling = false;
    this.job = null;
    let job: Job;
    try {
      job = await begin();
    } catch (err) {
      if (run === this.run) {
        this.error = err instanceof Error ? err.message : String(err);
        this.code = err instanceof ApiError ? err.code : '';
      }
      throw err;
    }
    if (run !== this.run) return job;
    this.job = job;
    if (job.finished) this.finish(job);
    else this.poll(run, 0);
    return job;
  }

  /** cancel asks Go to stop the job; it ends with code "cancelled" soon after. */
  async cancel(): Promise<void> {
    const j = this.job;
    if (!j || j.finished || this.cancelling) return;
    this.cancelling = true;
    try {
      await this.deps.cancel(j.id);
    } catch (err) {
      this.cancelling = false;
      throw err;
    }
  }

  /** reset forgets a finished job (the dialog goes back to its form). */
  reset(): void {
    if (this.running) return;
    this.stop();
    this.run++;
    this.job = null;
    this.error = '';
    this.code = '';
    this.cancelling = false;
  }

  /** stop stops following (for tests and teardown); the job itself goes on. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private poll(run: number, misses: number): void {
    this.timer = setTimeout(async () => {
      this.timer = null;
      const j = this.job;
      if (!j || run !== this.run) return;
      let next: Job;
      try {
        next = await this.deps.status(j.id);
      } catch (err) {
        if (run !== this.run) return;
        // A job Go no longer knows, or a server that went away for good.
        const gone = err instanceof ApiError && err.code === 'notfound';
        if (gone || misses + 1 >= maxMisses) {
          const message = err instanceof Error ? err.message : String(err);
          this.finish({ ...j, finished: true, error: message, code: err instanceof ApiError ? err.code : 'internal' });
        } else this.poll(run, misses + 1);
        return;
      }
      if (run !== this.run) return;
      this.job = next;
      if (next.finished) this.finish(next);
      else this.poll(run, 0);
    }, this.deps.interval ?? 200);
  }

  private finish(job: Job): void {
    this.job = job;
    this.cancelling = false;
    if (job.error) {
      this.error = job.error;
      this.code = job.code;
    }
    this.deps.ondone?.(job);
  }
}
