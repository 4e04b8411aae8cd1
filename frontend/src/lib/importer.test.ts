import { describe, expect, it, vi } from 'vitest';
import { ImportJob, planBatches, takeBatch, type ImportDeps } from './importer.svelte';
import { ApiError } from './api';
import type { Picked } from './folders';
import type { FileData, FileResult, SourceSummary } from './types';

const MB = 1024 * 1024;

describe('batches', () => {
  const limits = { files: 3, bytes: 10 * MB };

  it('takes up to the file limit', () => {
    expect(planBatches([1, 1, 1, 1, 1, 1, 1], limits)).toEqual([
      [0, 3],
      [3, 6],
      [6, 7],
    ]);
  });

  it('closes a batch before it passes the byte limit', () => {
    expect(planBatches([4 * MB, 4 * MB, 4 * MB, 1 * MB], limits)).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('sends a file larger than the limit alone', () => {
    expect(planBatches([1 * MB, 30 * MB, 1 * MB], limits)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('handles the edges', () => {
    expect(planBatches([], limits)).toEqual([]);
    expect(takeBatch([5], 0, limits)).toBe(1);
    expect(takeBatch([5, 5], 2, limits)).toBe(2);
  });

  it('uses 8 files or 8 MB by default', () => {
    expect(takeBatch(Array(20).fill(1000), 0)).toBe(8);
    expect(takeBatch(Array(20).fill(3 * MB), 0)).toBe(2);
  });
});

const summary = (id: number, title: string): SourceSummary => ({
  id,
  uuid: `u${id}`,
  title,
  outlet: '',
  authors: [],
  published: '',
  kind: 'article',
  words: 1,
  importedAt: '',
  storyIds: [],
});

const pick = (name: string, body = `text of ${name}`): Picked => ({ file: new File([body], name), path: `folder/${name}` });

/** A fake ImportFiles: "dup" in a name is a duplicate, "bad" an error. */
function server() {
  let id = 0;
  const calls: { names: string[]; story: number }[] = [];
  const importFiles = vi.fn(async (files: FileData[], story: number): Promise<FileResult[]> => {
    calls.push({ names: files.map((f) => f.name), story });
    return files.map((f) => {
      if (f.name.includes('bad')) return { name: f.name, source: null, duplicate: false, error: `${f.name}: not a web page` };
      if (f.name.includes('dup')) return { name: f.name, source: summary(99, 'Earlier copy'), duplicate: true, error: '' };
      return { name: f.name, source: summary(++id, `Title ${f.name}`), duplicate: false, error: '' };
    });
  });
  return { importFiles, calls };
}

/** start makes a job that does not wait between batches; `done` resolves when it ends. */
function start(deps: Partial<ImportDeps> & Pick<ImportDeps, 'importFiles'>) {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  const j = new ImportJob({ pause: async () => {}, ondone: () => resolve(), ...deps });
  return { j, done };
}

describe('ImportJob', () => {
  it('imports in batches and counts imported, duplicates and errors', async () => {
    const { importFiles, calls } = server();
    const onbatch = vi.fn();
    const { j, done } = start({ importFiles, onbatch, limits: { files: 2, bytes: MB } });
    j.add([pick('a.html'), pick('dup.html'), pick('bad.html'), pick('b.html'), pick('c.html')], 7, 3);
    expect(j.running).toBe(true);
    await done;
    expect(calls.map((c) => c.names)).toEqual([['folder/a.html', 'folder/dup.html'], ['folder/bad.html', 'folder/b.html'], ['folder/c.html']]);
    expect(calls.every((c) => c.story === 7)).toBe(true);
    expect([j.total, j.done, j.imported, j.duplicates, j.failed, j.skipped, j.cancelled]).toEqual([5, 5, 3, 1, 1, 3, 0]);
    expect(j.rows.map((r) => r.status)).toEqual(['imported', 'duplicate', 'failed', 'imported', 'imported']);
    expect(j.rows[1]!.source!.title).toBe('Earlier copy');
    expect(j.rows[2]!.error).toBe('folder/bad.html: not a web page');
    expect(j.firstNew!.title).toBe('Title folder/a.html');
    expect(onbatch).toHaveBeenCalledTimes(3);
    expect(j.running).toBe(false);
    expect(j.finished).toBe(true);
  });

  it('reads each file only when its batch is sent', async () => {
    const read = vi.fn(async (f: File, name: string) => ({ name, data: btoa(await f.text()) }));
    const readsAtCall: number[] = [];
    const { importFiles: inner } = server();
    const importFiles = vi.fn(async (files: FileData[], story: number) => {
      readsAtCall.push(read.mock.calls.length);
      return inner(files, story);
    });
    const { j, done } = start({ importFiles, read, limits: { files: 3, bytes: MB } });
    j.add(Array.from({ length: 9 }, (_, i) => pick(`p${i}.txt`)), 0);
    await done;
    expect(readsAtCall).toEqual([3, 6, 9]);
  });

  it('stops after the batch in flight when cancelled, and says how many were left', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { importFiles: inner, calls } = server();
    const importFiles = vi.fn(async (files: FileData[], story: number) => {
      await gate;
      return inner(files, story);
    });
    const { j, done } = start({ importFiles, limits: { files: 2, bytes: MB } });
    j.add(Array.from({ length: 7 }, (_, i) => pick(`p${i}.html`)), 0);
    await vi.waitFor(() => expect(importFiles).toHaveBeenCalledTimes(1));
    j.cancel();
    expect(j.cancelling).toBe(true);
    release();
    await done;
    expect(calls).toHaveLength(1);
    expect([j.done, j.imported, j.cancelled]).toEqual([2, 2, 5]);
    expect(j.rows.filter((r) => r.status === 'cancelled')).toHaveLength(5);
    expect(j.cancelling).toBe(false);
  });

  it('fails too large and empty files without sending them', async () => {
    const { importFiles, calls } = server();
    const { j, done } = start({ importFiles });
    const huge = pick('huge.html');
    Object.defineProperty(huge.file, 'size', { value: 60 * MB });
    j.add([huge, pick('empty.txt', ''), pick('ok.txt')], 0);
    await done;
    expect(calls.map((c) => c.names)).toEqual([['folder/ok.txt']]);
    expect(j.rows.map((r) => r.status)).toEqual(['failed', 'failed', 'imported']);
    expect(j.rows[0]!.error).toMatch(/larger than 50 MB/);
    expect(j.rows[1]!.error).toMatch(/is empty/);
  });

  it('retries a batch the server finds too large one file at a time', async () => {
    const { importFiles: inner } = server();
    const importFiles = vi.fn(async (files: FileData[], story: number) => {
      if (files.length > 1) throw new ApiError('the request is larger than 64 MB', 'toolarge');
      if (files[0]!.name.includes('b.html')) throw new ApiError('the request is larger than 64 MB', 'toolarge');
      return inner(files, story);
    });
    const { j, done } = start({ importFiles });
    j.add([pick('a.html'), pick('b.html'), pick('c.html')], 0);
    await done;
    expect(j.rows.map((r) => r.status)).toEqual(['imported', 'failed', 'imported']);
    expect(j.rows[1]!.error).toMatch(/larger than 64 MB/);
    expect(j.done).toBe(3);
  });

  it('stops when the notebook no longer answers', async () => {
    const importFiles = vi.fn(async () => {
      throw new ApiError('Sourcebook is not answering.', 'network');
    });
    const { j, done } = start({ importFiles, limits: { files: 2, bytes: MB } });
    j.add(Array.from({ length: 6 }, (_, i) => pick(`p${i}.html`)), 0);
    await done;
    expect(importFiles).toHaveBeenCalledTimes(1);
    expect(j.stopped).toBe('Sourcebook is not answering.');
    expect([j.failed, j.cancelled]).toEqual([2, 4]);
  });

  it('takes files added while it runs, and starts afresh after reset', async () => {
    const { importFiles, calls } = server();
    let resolveDone!: () => void;
    let finished = new Promise<void>((r) => (resolveDone = r));
    const j = new ImportJob({ importFiles, pause: async () => {}, ondone: () => resolveDone(), limits: { files: 1, bytes: MB } });
    j.add([pick('a.txt')], 0);
    j.add([pick('b.txt')], 0);
    await finished;
    expect(calls.map((c) => c.names[0])).toEqual(['folder/a.txt', 'folder/b.txt']);
    j.reset();
    expect([j.total, j.done, j.imported]).toEqual([0, 0, 0]);
    finished = new Promise<void>((r) => (resolveDone = r));
    j.add([pick('c.txt')], 0);
    await finished;
    expect([j.total, j.imported]).toEqual([1, 1]);
  });

  it('sends files meant for different stories in different batches', async () => {
    const { importFiles, calls } = server();
    let resolveDone!: () => void;
    const finished = new Promise<void>((r) => (resolveDone = r));
    const j = new ImportJob({ importFiles, pause: async () => {}, ondone: () => resolveDone() });
    j.add([pick('a.txt'), pick('b.txt')], 1);
    j.add([pick('c.txt')], 2);
    await finished;
    expect(calls.map((c) => [c.story, c.names.length])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });
});
