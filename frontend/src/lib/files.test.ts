import { describe, expect, it } from 'vitest';
import { bytesToBase64, formatBytes, maxFileBytes, readFileData, sizeProblem } from './files';

const nodeBase64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('bytesToBase64', () => {
  it.each([0, 1, 2, 3, 4, 24575, 24576, 24577, 49153])('matches Buffer for %i bytes', (n) => {
    const bytes = new Uint8Array(n).map((_, i) => (i * 37 + 11) % 256);
    expect(bytesToBase64(bytes)).toBe(nodeBase64(bytes));
  });

  it('encodes several megabytes without overflowing the stack', () => {
    const bytes = new Uint8Array(6 * 1024 * 1024 + 1).map((_, i) => i % 251);
    expect(bytesToBase64(bytes)).toBe(nodeBase64(bytes));
  });
});

describe('readFileData', () => {
  it('keeps the name and encodes the bytes', async () => {
    const file = new File(['héllo\n'], 'note.txt', { type: 'text/plain' });
    expect(await readFileData(file)).toEqual({ name: 'note.txt', data: Buffer.from('héllo\n').toString('base64') });
  });
});

describe('sizeProblem', () => {
  it('is 50 MB', () => {
    expect(maxFileBytes).toBe(50 * 1024 * 1024);
  });

  it('accepts a file at the limit', () => {
    expect(sizeProblem({ name: 'a.txt', size: maxFileBytes })).toBe('');
  });

  it('names a file over the limit', () => {
    expect(sizeProblem({ name: 'dump.txt', size: maxFileBytes + 1 })).toBe(
      '“dump.txt” is larger than 50 MB, the most Sourcebook imports from one file.',
    );
  });

  it('names an empty file', () => {
    expect(sizeProblem({ name: 'empty.txt', size: 0 })).toBe('“empty.txt” is empty.');
  });
});

describe('formatBytes', () => {
  it.each([
    [1, '1 byte'],
    [812, '812 bytes'],
    [14 * 1024, '14 KB'],
    [3.25 * 1024 * 1024, '3.3 MB'],
    [31 * 1024 * 1024, '31 MB'],
  ])('%i is %s', (n, want) => expect(formatBytes(n)).toBe(want));
});
