import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobFollower } from './jobs.svelte';
import { ApiError, job } from './api';
import type { Job } from './types';

const running = (over: Partial<Job> = {}): Job => job({ id: 'export-1', kind: 'export', done: 0, total: 10, unit: 'sources', ...over });

describe('JobFollower', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks for the status until the job finishes, then calls ondone once', async () => {
    const states = [running({ done: 3 }), running({ done: 7 }), running({ done: 10, finished: true, export: { path: '/x.json', format: 'json', folder: false, bytes: 9, sources: 10, millis: 4 } })];
    const status = vi.fn(async () => states.shift()!);
    const ondone = vi.fn();
    const f = new JobFollower({ status, cancel: async () => {}, ondone });
    await f.start(async () => running());
    expect(f.running).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(f.job?.done).toBe(3);
    await vi.advanceTimersByTimeAsync(400);
    expect(f.running).toBe(false);
    expect(f.succeeded).toBe(true);
    expect(f.job?.export?.path).toBe('/x.json');
    expect(ondone).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1000);
    expect(status).toHaveBeenCalledTimes(3);
  });

  it('keeps why a job could not start, with its code', async () => {
    const f = new JobFollower({ status: async () => running(), cancel: async () => {} });
    await expect(f.start(async () => Promise.reject(new ApiError('x.json already exists: choose another name', 'conflict')))).rejects.toThrow();
    expect(f.error).toBe('x.json already exists: choose another name');
    expect(f.code).toBe('conflict');
    expect(f.job).toBeNull();
  });

  it('ends cancelled when Go says so', async () => {
    const cancel = vi.fn(async () => {});
    const f = new JobFollower({ status: async () => running({ finished: true, error: 'the export was cancelled', code: 'cancelled' }), cancel });
    await f.start(async () => running());
    await f.cancel();
    expect(cancel).toHaveBeenCalledWith('export-1');
    expect(f.cancelling).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(f.cancelling).toBe(false);
    expect(f.code).toBe('cancelled');
    expect(f.succeeded).toBe(false);
  });

  it('rides out a few failed status calls, and gives up on a job Go forgot', async () => {
    let calls = 0;
    const f = new JobFollower({
      status: async () => {
        calls++;
        if (calls <= 2) throw new ApiError('Sourcebook is not answering.', 'network');
        throw new ApiError('there is no job "export-1"', 'notfound');
      },
      cancel: async () => {},
    });
    await f.start(async () => running());
    await vi.advanceTimersByTimeAsync(400);
    expect(f.running).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(f.running).toBe(false);
    expect(f.error).toBe('there is no job "export-1"');
  });

  it('forgets a finished job on reset, but not a running one', async () => {
    const f = new JobFollower({ status: async () => running({ finished: true }), cancel: async () => {} });
    await f.start(async () => running());
    f.reset();
    expect(f.job).not.toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    f.reset();
    expect(f.job).toBeNull();
  });
});
