// Files and folders the user chose or dropped, turned into the list of files
// to import: folders are searched recursively, skipping hidden files, the
// "_files" folders browsers save beside a page, and files Sourcebook does not
// import (the same rules as ImportPaths in Go).
//
// File objects are only handles: nothing is read here. The import reads each
// file when its batch is sent.

import { importExtensions } from './files';

/** Picked is one file to import, with the path shown to the user and sent to Go. */
export interface Picked {
  file: File;
  /** "report.html", or "folder/sub/report.html" for a file found in a folder. */
  path: string;
}

/** Selection is what a choice or a drop gave: the files to import and how many were left out. */
export interface Selection {
  files: Picked[];
  /** Files inside folders that were skipped (hidden, a page's _files, other kinds). */
  skipped: number;
}

/** importable reports whether a file name has an extension Sourcebook imports. */
export function importable(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && importExtensions.includes(name.slice(dot).toLowerCase());
}

/** hiddenName reports whether a file or folder is hidden (starts with a dot). */
export function hiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** skippedFolder reports whether a folder's contents are never imported. */
export function skippedFolder(name: string): boolean {
  return hiddenName(name) || name.endsWith('_files') || name.endsWith('-Dateien') || name === 'node_modules' || name === '__MACOSX';
}

/**
 * keepInFolder decides whether a file found inside a folder is imported,
 * from its path relative to the folder chosen or dropped ("a/b/c.html").
 */
export function keepInFolder(path: string): boolean {
  const parts = path.split('/').filter(Boolean);
  const name = parts.pop() ?? '';
  // parts[0] is the folder the user chose: its own name never disqualifies it.
  if (parts.slice(1).some(skippedFolder)) return false;
  return !hiddenName(name) && importable(name);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** byPath sorts files by path, numbers in their natural order ("2.html" before "10.html"). */
export function byPath(a: Picked, b: Picked): number {
  return collator.compare(a.path, b.path);
}

/**
 * fromFileList reads an <input type=file> selection. Files chosen one by one
 * are all kept (Sourcebook recognises web pages whatever their name);
 * files of a chosen folder (they carry webkitRelativePath) follow the folder
 * rules.
 */
export function fromFileList(list: Iterable<File>): Selection {
  const files: Picked[] = [];
  let skipped = 0;
  for (const file of list) {
    const rel = file.webkitRelativePath || '';
    if (rel) {
      if (keepInFolder(rel)) files.push({ file, path: rel });
      else skipped++;
    } else {
      files.push({ file, path: file.name });
    }
  }
  files.sort(byPath);
  return { files, skipped };
}

/** The parts of the File and Directory Entries API that walking needs. */
export interface EntryLike {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}
interface FileEntryLike extends EntryLike {
  file(ok: (f: File) => void, fail?: (e: unknown) => void): void;
}
interface DirEntryLike extends EntryLike {
  createReader(): { readEntries(ok: (entries: EntryLike[]) => void, fail?: (e: unknown) => void): void };
}

function fileOf(entry: FileEntryLike): Promise<File | null> {
  return new Promise((resolve) => entry.file(resolve, () => resolve(null)));
}

/** readAll reads a folder's entries; browsers hand them out in pieces (100 at a time in Chromium). */
async function readAll(dir: DirEntryLike): Promise<EntryLike[]> {
  const reader = dir.createReader();
  const out: EntryLike[] = [];
  for (;;) {
    const chunk = await new Promise<EntryLike[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (chunk.length === 0) return out;
    out.push(...chunk);
  }
}

/**
 * walkEntries lists the files to import from dropped entries: dropped files
 * are kept as they are, dropped folders are searched recursively by the
 * folder rules. Unreadable entries are counted as skipped.
 */
export async function walkEntries(entries: readonly EntryLike[]): Promise<Selection> {
  const files: Picked[] = [];
  let skipped = 0;

  async function walk(entry: EntryLike, prefix: string, top: boolean): Promise<void> {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory) {
      if (!top && skippedFolder(entry.name)) {
        skipped++;
        return;
      }
      for (const child of await readAll(entry as DirEntryLike)) await walk(child, path, false);
      return;
    }
    if (!entry.isFile) return;
    if (!top && (hiddenName(entry.name) || !importable(entry.name))) {
      skipped++;
      return;
    }
    const file = await fileOf(entry as FileEntryLike);
    if (file) files.push({ file, path });
    else skipped++;
  }

  for (const e of entries) await walk(e, '', true);
  files.sort(byPath);
  return { files, skipped };
}

/** hasFolders reports whether any dropped entry is a folder. */
export function hasFolders(entries: readonly EntryLike[]): boolean {
  return entries.some((e) => e.isDirectory);
}

/**
 * entriesOf takes the entries out of a drop. It must run inside the drop
 * event handler: the browser empties the DataTransfer once it returns. It
 * gives null where the browser has no entries API; then use `files`.
 */
export function entriesOf(dt: DataTransfer | null): EntryLike[] | null {
  const items = dt?.items;
  if (!items || items.length === 0) return null;
  const out: EntryLike[] = [];
  for (const item of Array.from(items)) {
    if (item.kind !== 'file') continue;
    const get = (item as DataTransferItem & { webkitGetAsEntry?: () => EntryLike | null }).webkitGetAsEntry;
    if (typeof get !== 'function') return null;
    const entry = get.call(item);
    if (entry) out.push(entry);
  }
  return out;
}

/**
 * fromDrop turns a drop into files: entries (taken with entriesOf during the
 * event) when there are any, else the plain file list.
 */
export async function fromDrop(entries: EntryLike[] | null, files: File[]): Promise<Selection> {
  if (entries && entries.length > 0) return walkEntries(entries);
  return fromFileList(files);
}
