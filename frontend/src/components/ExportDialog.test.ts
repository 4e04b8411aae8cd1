import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import type { ExportRequest, Job } from '../lib/types';

// The boundary: api.ts answers as Go would, from memory.
const calls = vi.hoisted(() => ({ started: [] as ExportRequest[], shown: [] as string[], chosen: '' }));

vi.mock('../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/api')>();
  const formats = [
    { id: 'sqlite', label: 'Sourcebook notebook (SQLite)', ext: '.db', folder: false },
    { id: 'json', label: 'JSON (everything)', ext: '.json', folder: false },
    { id: 'markdown', label: 'Markdown folder (Obsidian vault)', ext: '', folder: true },
    { id: 'html', label: 'Comparison report (HTML)', ext: '.html', folder: false },
  ];
  const suffix: Record<string, string> = { markdown: ' vault', html: ' comparison' };
  return {
    ...real,
    exportFormats: vi.fn(async () => formats),
    exportFolder: vi.fn(async () => '/home/ana/Sourcebook exports'),
    suggestExportPath: vi.fn(async (format: string, storyId: number) => {
      const f = formats.find((x) => x.id === format)!;
      return `/home/ana/Sourcebook exports/${storyId ? 'Story' : 'Sourcebook'} 2025-11-23${suffix[format] ?? ''}${f.ext}`;
    }),
    chooseExportPath: vi.fn(async () => calls.chosen),
    startExport: vi.fn(async (req: ExportRequest) => {
      calls.started.push(req);
      if (req.path.endsWith('taken.json')) throw new real.ApiError('taken.json already exists: choose another name', 'conflict');
      return real.job({ id: 'export-1', kind: 'export', unit: 'sources', finished: false });
    }),
    showInFolder: vi.fn(async (p: string) => void calls.shown.push(p)),
  };
});

const { default: ExportDialog } = await import('./ExportDialog.svelte');
const { JobFollower } = await import('../lib/jobs.svelte');
const api = await import('../lib/api');

let app: ReturnType<typeof mount> | undefined;

beforeEach(() => {
  calls.started = [];
  calls.shown = [];
  calls.chosen = '';
  localStorage.clear();
});

afterEach(() => {
  if (app) unmount(app);
  app = undefined;
  document.body.innerHTML = '';
});

const finished = (path: string, folder = false): Job =>
  api.job({ id: 'export-1', kind: 'export', finished: true, export: { path, format: folder ? 'markdown' : 'json', folder, bytes: 2048, sources: 2, millis: 120 } });

function render(browser: boolean, status: (id: string) => Promise<Job>) {
  const job = new JobFollower({ status, cancel: async () => {}, interval: 5 });
  app = mount(ExportDialog, { target: document.body, props: { job, browser, onclose: () => {} } });
  flushSync();
  return document.body;
}

const $ = <T extends Element = HTMLElement>(id: string) => document.querySelector<T & HTMLElement>(`[data-testid="${id}"]`);

async function settle() {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 10));
    flushSync();
  }
}

describe('ExportDialog in the window', () => {
  it('suggests a path, takes the one chosen in the native dialog, and replaces only what that dialog confirmed', async () => {
    const body = render(false, async () => finished('/data/out/Mine.json'));
    await settle();
    expect($('export-path')!.textContent).toBe('/home/ana/Sourcebook exports/Sourcebook 2025-11-23.db');
    ($<HTMLInputElement>('export-format-json')!).click();
    await settle();
    expect($('export-path')!.textContent).toBe('/home/ana/Sourcebook exports/Sourcebook 2025-11-23.json');

    calls.chosen = '/data/out/Mine.json';
    $('export-choose')!.click();
    await settle();
    expect($('export-path')!.textContent).toBe('/data/out/Mine.json');

    // A folder format keeps the folder chosen, with its own name, and never replaces.
    ($<HTMLInputElement>('export-format-markdown')!).click();
    await settle();
    expect($('export-path')!.textContent).toBe('/data/out/Sourcebook 2025-11-23 vault');
    ($<HTMLInputElement>('export-format-json')!).click();
    await settle();
    expect($('export-path')!.textContent).toBe('/data/out/Sourcebook 2025-11-23.json');
    $('export-choose')!.click();
    await settle();

    $('export-submit')!.click();
    await settle();
    expect(calls.started).toEqual([{ format: 'json', storyId: 0, path: '/data/out/Mine.json', replace: true }]);
    expect(body.querySelector('[data-testid="export-done"]')).not.toBeNull();
    expect(($<HTMLInputElement>('export-result-path')!).value).toBe('/data/out/Mine.json');
    $('export-show')!.click();
    await settle();
    expect(calls.shown).toEqual(['/data/out/Mine.json']);
    expect($('export-copy')).toBeNull();
  });

  it('never asks to replace a suggested path', async () => {
    render(false, async () => finished('/x'));
    await settle();
    $('export-submit')!.click();
    await settle();
    expect(calls.started[0]).toMatchObject({ format: 'sqlite', replace: false, path: '/home/ana/Sourcebook exports/Sourcebook 2025-11-23.db' });
  });
});

describe('ExportDialog in the browser', () => {
  it('names a file in the exports folder and shows why an export was refused', async () => {
    render(true, async () => finished('/x'));
    await settle();
    const name = $<HTMLInputElement>('export-name')!;
    expect(name.value).toBe('Sourcebook 2025-11-23.db');
    expect($('export-folder')!.textContent).toBe('/home/ana/Sourcebook exports');
    expect($('export-choose')).toBeNull();
    ($<HTMLInputElement>('export-format-json')!).click();
    await settle();
    name.value = 'taken.json';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    $('export-submit')!.click();
    await settle();
    expect(calls.started.at(-1)).toEqual({ format: 'json', storyId: 0, path: 'taken.json', replace: false });
    expect($('export-error')!.textContent).toContain('taken.json already exists: choose another name');
  });

  it('holds the comparison report back until a story is chosen', async () => {
    render(true, async () => finished('/x'));
    await settle();
    ($<HTMLInputElement>('export-format-html')!).click();
    await settle();
    expect(($<HTMLButtonElement>('export-submit')!).disabled).toBe(true);
    expect($('export-needs-story')!.textContent).toContain('choose the story');
  });
});
