import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);

describe('the folders of src/', () => {
  const folders = readdirSync(new URL('src/', root), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it('each have a place in the layer rule', () => {
    const { forbidden } = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as { forbidden: { name: string }[] };
    const layered = forbidden.filter((r) => r.name.startsWith('layer-')).map((r) => r.name.slice('layer-'.length));
    expect([...layered, 'cli'].sort()).toEqual([...folders].sort());
  });

  it('are each described in the folder list of the README', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const block = readme.slice(readme.indexOf('## Development'));
    const listed = [...block.matchAll(/^ {2}([a-z0-9]+)\/ /gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...folders].sort());
  });
});
