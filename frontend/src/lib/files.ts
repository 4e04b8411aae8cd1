// Turning files the user chose or dropped into FileData for importFiles.

import type { FileData } from './types';

/** The largest file Sourcebook imports (the server enforces it too). */
export const maxFileBytes = 50 * 1024 * 1024;

/** The file name extensions Sourcebook imports (as ingest.Extensions in Go). */
export const importExtensions = ['.html', '.htm', '.xhtml', '.shtml', '.mhtml', '.mht', '.txt', '.text', '.md', '.markdown'];

/** What the Files tab's file picker offers; other files may still be dropped and tried. */
export const acceptedTypes = [...importExtensions, 'text/html', 'application/xhtml+xml', 'multipart/related', 'text/plain', 'text/markdown'].join(',');

/** maxFileLabel is the size limit in words: "50 MB". */
export const maxFileLabel = `${Math.round(maxFileBytes / (1024 * 1024))} MB`;

/** formatBytes gives a short human size: "812 bytes", "14 KB", "31.5 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  const mb = n / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** sizeProblem returns why a file cannot be imported because of its size, or "". */
export function sizeProblem(file: { name: string; size: number }): string {
  if (file.size > maxFileBytes) {
    return `“${file.name}” is larger than ${maxFileLabel}, the most Sourcebook imports from one file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  return '';
}

// A multiple of 3, so each chunk encodes to base64 without padding and the
// pieces can simply be joined; small enough for String.fromCharCode.apply.
const chunkBytes = 3 * 8192;

/** bytesToBase64 encodes bytes in chunks, so multi-megabyte files do not overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += chunkBytes) {
    const chunk = bytes.subarray(i, i + chunkBytes);
    parts.push(btoa(String.fromCharCode.apply(null, chunk as unknown as number[])));
  }
  return parts.join('');
}

/** readFileData reads a File into FileData (name + base64 bytes). */
export async function readFileData(file: Blob & { name: string }): Promise<FileData> {
  const buf = await file.arrayBuffer();
  return { name: file.name, data: bytesToBase64(new Uint8Array(buf)) };
}
