import { describe, expect, it } from 'vitest';
import { applyTheme, loadTheme, nextTheme, saveTheme } from './theme';

describe('theme', () => {
  it('remembers light and dark, and forgets system', () => {
    saveTheme('dark');
    expect(localStorage.getItem('sourcebook.theme')).toBe('dark');
    expect(loadTheme()).toBe('dark');
    saveTheme('system');
    expect(localStorage.getItem('sourcebook.theme')).toBeNull();
    expect(loadTheme()).toBe('system');
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem('sourcebook.theme', 'sepia');
    expect(loadTheme()).toBe('system');
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadTheme(broken)).toBe('system');
  });

  it('sets data-theme on the root element', () => {
    const root = document.createElement('html');
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('system', root);
    expect(root.dataset.theme).toBeUndefined();
  });

  it('cycles system, light, dark', () => {
    expect(nextTheme('system')).toBe('light');
    expect(nextTheme('light')).toBe('dark');
    expect(nextTheme('dark')).toBe('system');
  });
});
