import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveStatus } from './autosave';

/** A save the test finishes by hand. */
function manualSave() {
  const calls: { text: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  const save = (text: string) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ text, resolve, reject });
    });
  return { calls, save };
}

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once typing pauses, with the last text', async () => {
    const saved: string[] = [];
    const statuses: SaveStatus[] = [];
    const a = new Autosaver(async (t) => void saved.push(t), { delay: 400, onstatus: (s) => statuses.push(s) });
    a.change('H');
    await vi.advanceTimersByTimeAsync(200);
    a.change('He');
    await vi.advanceTimersByTimeAsync(200);
    a.change('Hello');
    expect(saved).toEqual([]);
    expect(a.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toEqual(['Hello']);
    expect(a.status).toBe('saved');
    expect(a.dirty).toBe(false);
    expect(statuses.at(-2)).toBe('saving');
  });

  it('flushes at once, without waiting for the pause', async () => {
    const saved: string[] = [];
    const a = new Autosaver(async (t) => void saved.push(t));
    a.change('now');
    await a.flush();
    expect(saved).toEqual(['now']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['now']); // the timer was cleared
  });

  it('keeps one save in flight and sends what changed meanwhile after it', async () => {
    const m = manualSave();
    const a = new Autosaver(m.save, { delay: 100 });
    a.change('one');
    await vi.advanceTimersByTimeAsync(100);
    expect(m.calls.map((c) => c.text)).toEqual(['one']);
    a.change('one two');
    await vi.advanceTimersByTimeAsync(100);
    expect(m.calls).toHaveLength(1); // waits for the first
    expect(a.status).toBe('pending');
    m.calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(m.calls.map((c) => c.text)).toEqual(['one', 'one two']);
    const done = a.flush();
    m.calls[1]!.resolve();
    await done;
    expect(a.status).toBe('saved');
    expect(a.dirty).toBe(false);
  });

  it('reports a failure and saves the text on the next try', async () => {
    const m = manualSave();
    let error: unknown;
    const a = new Autosaver(m.save, { onstatus: (s, e) => s === 'error' && (error = e) });
    a.change('draft');
    const first = a.flush();
    m.calls[0]!.reject(new Error('disk full'));
    await first;
    expect(a.status).toBe('error');
    expect((error as Error).message).toBe('disk full');
    expect(a.dirty).toBe(true);
    const second = a.flush();
    expect(m.calls[1]!.text).toBe('draft');
    m.calls[1]!.resolve();
    await second;
    expect(a.status).toBe('saved');
  });

  it('forgets unsaved text when cancelled', async () => {
    const saved: string[] = [];
    const a = new Autosaver(async (t) => void saved.push(t));
    a.change('gone');
    a.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    await a.flush();
    expect(saved).toEqual([]);
  });
});
