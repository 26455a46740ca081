import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PacedStdin, splitKeys } from '../../src/ui/paced-stdin.js';

describe('splitKeys', () => {
  it('splits a read into characters, keeping escape sequences whole', () => {
    expect(splitKeys('jj')).toEqual(['j', 'j']);
    expect(splitKeys('/Süd')).toEqual(['/', 'S', 'ü', 'd']);
    expect(splitKeys('\u001B[A\u001B[B')).toEqual(['\u001B[A', '\u001B[B']);
    expect(splitKeys('\u001B[5~j\u001B[[A')).toEqual(['\u001B[5~', 'j', '\u001B[[A']);
    expect(splitKeys('\u001BOH\u001Bj')).toEqual(['\u001BOH', '\u001Bj']);
    expect(splitKeys('\u001B\u001B[A')).toEqual(['\u001B\u001B[A']);
    expect(splitKeys('\u001B')).toEqual(['\u001B']);
    expect(splitKeys('a😀\r')).toEqual(['a', '😀', '\r']);
  });
});

describe('PacedStdin', () => {
  it('hands on one key per read, in order, and only while referenced', async () => {
    const source = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
    Object.assign(source, { ref: () => source, unref: () => source });
    const paced = new PacedStdin(source);
    paced.setEncoding('utf8');
    const reads: string[] = [];
    paced.on('readable', () => {
      let chunk: string | null;
      while ((chunk = paced.read() as string | null) !== null) reads.push(chunk);
    });
    source.write('/Ama');
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toEqual([]);
    paced.ref();
    source.write('\u001B[Bq');
    await new Promise((r) => setTimeout(r, 100));
    expect(reads).toEqual(['/', 'A', 'm', 'a', '\u001B[B', 'q']);
    paced.unref();
    source.write('x');
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toHaveLength(6);
  });
});
