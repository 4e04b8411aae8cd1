import { describe, expect, it } from 'vitest';
import { entriesOf, fromDrop, fromFileList, hasFolders, importable, keepInFolder, skippedFolder, walkEntries, type EntryLike } from './folders';

function file(name: string, rel = '', body = 'x'): File {
  const f = new File([body], name.split('/').pop()!, { type: 'text/plain' });
  if (rel) Object.defineProperty(f, 'webkitRelativePath', { value: rel });
  return f;
}

// A fake of the File and Directory Entries API, handing folder entries out
// two at a time (as Chromium does, by hundreds) to test the reading loop.
function fileEntry(name: string, fail = false): EntryLike {
  return {
    name,
    isFile: true,
    isDirectory: false,
    file: (ok: (f: File) => void, err: (e: unknown) => void) => (fail ? err(new Error('gone')) : ok(file(name))),
  } as EntryLike;
}

function dirEntry(name: string, children: EntryLike[]): EntryLike {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (e: EntryLike[]) => void) => {
          const chunk = children.slice(at, at + 2);
          at += chunk.length;
          setTimeout(() => ok(chunk), 0);
        },
      };
    },
  } as EntryLike;
}

describe('rules', () => {
  it('knows the extensions Sourcebook imports, in any case', () => {
    for (const n of ['a.html', 'b.HTM', 'c.xhtml', 'd.mhtml', 'e.mht', 'f.txt', 'g.text', 'h.md', 'i.Markdown', 'j.shtml']) {
      expect(importable(n), n).toBe(true);
    }
    for (const n of ['a.pdf', 'b.png', 'c.css', 'README', '.html', 'x.html.bak']) expect(importable(n), n).toBe(false);
  });

  it('skips hidden folders and the folders saved pages keep their images in', () => {
    for (const n of ['.git', 'Article_files', 'Seite-Dateien', 'node_modules', '__MACOSX']) expect(skippedFolder(n), n).toBe(true);
    for (const n of ['files', 'news', '2024_archive']) expect(skippedFolder(n), n).toBe(false);
  });

  it('judges a path inside a chosen folder', () => {
    expect(keepInFolder('saved/page.html')).toBe(true);
    expect(keepInFolder('saved/2024/april/page.md')).toBe(true);
    expect(keepInFolder('saved/page_files/inner.html')).toBe(false);
    expect(keepInFolder('saved/.cache/page.html')).toBe(false);
    expect(keepInFolder('saved/.DS_Store')).toBe(false);
    expect(keepInFolder('saved/.hidden.html')).toBe(false);
    expect(keepInFolder('saved/photo.jpg')).toBe(false);
    // The chosen folder's own name does not count.
    expect(keepInFolder('.notes/page.txt')).toBe(true);
    expect(keepInFolder('Article_files/x.html')).toBe(true);
  });
});

describe('fromFileList', () => {
  it('keeps files chosen one by one, whatever their name, sorted naturally', () => {
    const sel = fromFileList([file('page10.html'), file('scan.pdf'), file('page2.html')]);
    expect(sel.files.map((f) => f.path)).toEqual(['page2.html', 'page10.html', 'scan.pdf']);
    expect(sel.skipped).toBe(0);
  });

  it('applies the folder rules to a chosen folder', () => {
    const sel = fromFileList([
      file('a.html', 'saved/a.html'),
      file('img.png', 'saved/a_files/img.png'),
      file('inner.html', 'saved/a_files/inner.html'),
      file('.DS_Store', 'saved/.DS_Store'),
      file('b.md', 'saved/notes/b.md'),
      file('c.css', 'saved/c.css'),
    ]);
    expect(sel.files.map((f) => f.path)).toEqual(['saved/a.html', 'saved/notes/b.md']);
    expect(sel.skipped).toBe(4);
  });
});

describe('walkEntries', () => {
  it('searches dropped folders recursively by the rules and keeps dropped files', async () => {
    const tree = [
      dirEntry('saved', [
        fileEntry('one.html'),
        fileEntry('two.mhtml'),
        dirEntry('one_files', [fileEntry('x.html'), fileEntry('y.js')]),
        dirEntry('.git', [fileEntry('HEAD.txt')]),
        dirEntry('more', [fileEntry('three.txt'), fileEntry('photo.jpg'), fileEntry('.hidden.md'), dirEntry('deeper', [fileEntry('four.md')])]),
        fileEntry('style.css'),
      ]),
      fileEntry('loose.pdf'),
    ];
    expect(hasFolders(tree)).toBe(true);
    const sel = await walkEntries(tree);
    expect(sel.files.map((f) => f.path)).toEqual([
      'loose.pdf',
      'saved/more/deeper/four.md',
      'saved/more/three.txt',
      'saved/one.html',
      'saved/two.mhtml',
    ]);
    expect(sel.files[0]!.file).toBeInstanceOf(File);
    // one_files, .git, photo.jpg, .hidden.md, style.css
    expect(sel.skipped).toBe(5);
  });

  it('counts a file that cannot be opened as skipped', async () => {
    const sel = await walkEntries([dirEntry('d', [fileEntry('ok.txt'), fileEntry('gone.txt', true)])]);
    expect(sel.files.map((f) => f.path)).toEqual(['d/ok.txt']);
    expect(sel.skipped).toBe(1);
  });

  it('reads a folder of many entries to the end', async () => {
    const many = Array.from({ length: 25 }, (_, i) => fileEntry(`p${i}.html`));
    const sel = await walkEntries([dirEntry('big', many)]);
    expect(sel.files).toHaveLength(25);
    expect(sel.files[24]!.path).toBe('big/p24.html');
  });
});

describe('drops', () => {
  it('takes entries from a DataTransfer', () => {
    const e = fileEntry('a.html');
    const dt = { items: [{ kind: 'file', webkitGetAsEntry: () => e }, { kind: 'string', webkitGetAsEntry: () => null }] } as unknown as DataTransfer;
    expect(entriesOf(dt)).toEqual([e]);
    expect(entriesOf(null)).toBeNull();
    expect(entriesOf({ items: [{ kind: 'file' }] } as unknown as DataTransfer)).toBeNull();
  });

  it('falls back on the file list without entries', async () => {
    const sel = await fromDrop(null, [file('b.txt'), file('a.txt')]);
    expect(sel.files.map((f) => f.path)).toEqual(['a.txt', 'b.txt']);
  });
});
