// Light and dark themes: "system" follows prefers-color-scheme; the choice is
// remembered in localStorage and applied as <html data-theme="...">.

export type ThemeChoice = 'system' | 'light' | 'dark';

const key = 'sourcebook.theme';
const order: ThemeChoice[] = ['system', 'light', 'dark'];

/** loadTheme returns the remembered choice, "system" when none or unreadable. */
export function loadTheme(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): ThemeChoice {
  try {
    const v = storage?.getItem(key);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

/** saveTheme remembers a choice; failures (storage disabled) are ignored. */
export function saveTheme(choice: ThemeChoice, storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = safeLocalStorage()): void {
  try {
    if (choice === 'system') storage?.removeItem(key);
    else storage?.setItem(key, choice);
  } catch {
    // The choice then lasts only this session.
  }
}

/** applyTheme sets the theme on the root element. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

/** nextTheme cycles system → light → dark → system. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return order[(order.indexOf(choice) + 1) % order.length]!;
}

/** themeLabel names a choice for the toggle's tooltip. */
export function themeLabel(choice: ThemeChoice): string {
  return choice === 'system' ? 'System theme' : choice === 'light' ? 'Light theme' : 'Dark theme';
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
