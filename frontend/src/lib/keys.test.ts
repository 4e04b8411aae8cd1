import { describe, expect, it } from 'vitest';
import { commandFor, isMac, isTyping, nextIndex, shortcut, tip, type KeyLike } from './keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('commandFor', () => {
  it('knows the modifier shortcuts, typing or not', () => {
    for (const typing of [false, true]) {
      expect(commandFor(key('k', { ctrlKey: true }), typing)).toBe('search');
      expect(commandFor(key('k', { metaKey: true }), typing)).toBe('search');
      expect(commandFor(key('I', { ctrlKey: true }), typing)).toBe('import');
      expect(commandFor(key('\\', { ctrlKey: true }), typing)).toBe('toggleSidebar');
    }
  });

  it('knows the single keys when not typing', () => {
    expect(commandFor(key('/'), false)).toBe('search');
    expect(commandFor(key('j'), false)).toBe('next');
    expect(commandFor(key('k'), false)).toBe('prev');
    expect(commandFor(key('J'), false)).toBe('next');
    expect(commandFor(key('e'), false)).toBe('edit');
    expect(commandFor(key('r'), false)).toBe('removed');
    expect(commandFor(key('q'), false)).toBe('quote');
    expect(commandFor(key('h'), false)).toBe('highlight');
    expect(commandFor(key('i'), false)).toBe('inspector');
    expect(commandFor(key('c'), false)).toBe('confirm');
    expect(commandFor(key('x'), false)).toBe('reject');
    expect(commandFor(key('q'), true)).toBeNull();
  });

  it('leaves single keys to text fields', () => {
    expect(commandFor(key('/'), true)).toBeNull();
    expect(commandFor(key('j'), true)).toBeNull();
    expect(commandFor(key('e'), true)).toBeNull();
    expect(commandFor(key('r'), true)).toBeNull();
  });

  it('ignores other combinations', () => {
    expect(commandFor(key('j', { shiftKey: true }), false)).toBeNull();
    expect(commandFor(key('j', { altKey: true }), false)).toBeNull();
    expect(commandFor(key('r', { ctrlKey: true }), false)).toBeNull();
    expect(commandFor(key('E', { shiftKey: true }), false)).toBeNull();
    expect(commandFor(key('k', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(commandFor(key('z'), false)).toBeNull();
    expect(commandFor(key('k', { ctrlKey: true, isComposing: true }), false)).toBeNull();
  });
});

describe('isTyping', () => {
  it('is true for text fields only', () => {
    const text = document.createElement('input');
    const check = document.createElement('input');
    check.type = 'checkbox';
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    expect(isTyping(text)).toBe(true);
    expect(isTyping(document.createElement('textarea'))).toBe(true);
    expect(isTyping(document.createElement('select'))).toBe(true);
    expect(isTyping(check)).toBe(false);
    expect(isTyping(document.createElement('button'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe('shortcut labels', () => {
  it('uses Ctrl or ⌘', () => {
    expect(shortcut('mod+k', false)).toBe('Ctrl+K');
    expect(shortcut('mod+k', true)).toBe('⌘K');
    expect(shortcut('mod+Enter', false)).toBe('Ctrl+Enter');
    expect(isMac('MacIntel')).toBe(true);
    expect(isMac('Linux x86_64')).toBe(false);
  });

  it('adds the keys to a tooltip', () => {
    expect(tip('Search', 'mod+k')).toMatch(/^Search \((Ctrl\+K|⌘K)\)$/);
    expect(tip('Delete')).toBe('Delete');
  });
});

describe('nextIndex', () => {
  it('moves within bounds', () => {
    expect(nextIndex(0, 1, 3)).toBe(1);
    expect(nextIndex(2, 1, 3)).toBe(2);
    expect(nextIndex(0, -1, 3)).toBe(0);
    expect(nextIndex(-1, 1, 3)).toBe(0);
    expect(nextIndex(-1, -1, 3)).toBe(2);
    expect(nextIndex(0, 1, 0)).toBe(-1);
  });
});
