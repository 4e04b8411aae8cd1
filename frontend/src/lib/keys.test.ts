import { describe, expect, it } from 'vitest';
import { commandFor, isMac, isTyping, keyOf, nextIndex, shortcut, shortcuts, tip, type Command, type KeyLike } from './keys';

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
    expect(commandFor(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(commandFor(key('n', { ctrlKey: true }), false)).toBeNull();
    expect(commandFor(key('k', { ctrlKey: true, isComposing: true }), false)).toBeNull();
  });
});

describe('the notebook commands', () => {
  it('opens the palette with Ctrl/⌘+Shift+P and Ctrl/⌘+P, typing or not', () => {
    for (const typing of [false, true]) {
      expect(commandFor(key('P', { ctrlKey: true, shiftKey: true }), typing)).toBe('palette');
      expect(commandFor(key('P', { metaKey: true, shiftKey: true }), typing)).toBe('palette');
      expect(commandFor(key('p', { ctrlKey: true }), typing)).toBe('palette');
    }
  });

  it('opens Export with Ctrl/⌘+Shift+E, typing or not; E alone still edits', () => {
    for (const typing of [false, true]) {
      expect(commandFor(key('E', { ctrlKey: true, shiftKey: true }), typing)).toBe('export');
      expect(commandFor(key('E', { metaKey: true, shiftKey: true }), typing)).toBe('export');
    }
    expect(commandFor(key('e', { ctrlKey: true }), false)).toBeNull();
    expect(commandFor(key('e'), false)).toBe('edit');
    expect(shortcut(shortcuts.export, false)).toBe('Ctrl+Shift+E');
  });

  it('undoes with Ctrl/⌘+Z, but not in a text field, which has its own undo', () => {
    expect(commandFor(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(commandFor(key('z', { metaKey: true }), false)).toBe('undo');
    expect(commandFor(key('z', { ctrlKey: true }), true)).toBeNull();
  });

  it('makes a new note with N when not typing', () => {
    expect(commandFor(key('n'), false)).toBe('newNote');
    expect(commandFor(key('N'), false)).toBe('newNote');
    expect(commandFor(key('n'), true)).toBeNull();
    expect(commandFor(key('N', { shiftKey: true }), false)).toBeNull();
  });

  it('answers to every shortcut it shows, and each key does one thing', () => {
    const seen = new Map<string, Command>();
    for (const [cmd, keys] of Object.entries(shortcuts) as [Command, string][]) {
      for (const mac of [false, true]) expect(commandFor(keyOf(keys, mac), false), `${keys} on ${mac ? 'a Mac' : 'Linux'}`).toBe(cmd);
      const label = shortcut(keys, false);
      expect(seen.get(label), `${label} is shown for two commands`).toBeUndefined();
      seen.set(label, cmd);
    }
  });

  it('leaves the compare view its own keys', () => {
    // S (together), J/K and the arrows move there; Escape goes back; N, Z, P stay free for it to ignore.
    expect(commandFor(key('s'), false)).toBeNull();
    expect(commandFor(key('ArrowDown'), false)).toBeNull();
    expect(commandFor(key('Escape'), false)).toBeNull();
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
    expect(shortcut('mod+shift+P', false)).toBe('Ctrl+Shift+P');
    expect(shortcut('mod+shift+P', true)).toBe('⇧⌘P');
    expect(shortcut('mod+\\', false)).toBe('Ctrl+\\');
    expect(shortcut('N', false)).toBe('N');
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
