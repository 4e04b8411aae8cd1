import { describe, expect, it, vi } from 'vitest';
import { isMenuAction, onMenu } from './menu';

describe('onMenu', () => {
  it('does nothing without the Wails runtime', () => {
    const handler = vi.fn();
    const off = onMenu(handler, {});
    expect(typeof off).toBe('function');
    off();
    expect(onMenu(handler, undefined)).toBeTypeOf('function');
    expect(onMenu(handler, { runtime: {} })).toBeTypeOf('function');
    expect(handler).not.toHaveBeenCalled();
  });

  it('listens to the "menu" event, passes known actions on and stops when asked', () => {
    const listeners = new Map<string, ((...d: unknown[]) => void)[]>();
    const stop = vi.fn();
    const runtime = {
      EventsOn: (name: string, cb: (...d: unknown[]) => void) => {
        listeners.set(name, [...(listeners.get(name) ?? []), cb]);
        return stop;
      },
    };
    const handler = vi.fn();
    const off = onMenu(handler, { runtime });
    const emit = (data: unknown) => listeners.get('menu')?.forEach((cb) => cb(data));
    emit('export');
    emit('backups');
    emit('print'); // not ours
    emit(42);
    expect(handler.mock.calls).toEqual([['export'], ['backups']]);
    off();
    expect(stop).toHaveBeenCalledOnce();
  });

  it('copes with a runtime whose EventsOn returns nothing', () => {
    const off = onMenu(() => {}, { runtime: { EventsOn: () => undefined } });
    expect(() => off()).not.toThrow();
  });
});

describe('isMenuAction', () => {
  it('knows the four actions', () => {
    for (const a of ['import', 'export', 'merge', 'backups']) expect(isMenuAction(a)).toBe(true);
    for (const a of ['', 'Export', 'quit', null, undefined, 1]) expect(isMenuAction(a)).toBe(false);
  });
});
