/** Builds small libraries of made-up articles in temporary folders for tests. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export interface ArticleFixture {
  de?: string;
  en?: string;
  facts?: string;
}

const made: string[] = [];

afterEach(() => {
  while (made.length > 0) rmSync(made.pop() as string, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'newsbridge-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes `articles` (id → files) into a new library folder and returns its path. */
export function makeLibrary(articles: Record<string, ArticleFixture>, dir = tempDir()): string {
  for (const [id, files] of Object.entries(articles)) {
    const folder = path.join(dir, id);
    mkdirSync(folder, { recursive: true });
    if (files.de !== undefined) writeFileSync(path.join(folder, 'article.de.md'), files.de);
    if (files.en !== undefined) writeFileSync(path.join(folder, 'article.en.md'), files.en);
    if (files.facts !== undefined) writeFileSync(path.join(folder, 'facts.yaml'), files.facts);
  }
  return dir;
}

/** A small valid German article file. */
export function germanFile(opts: { title?: string; published?: string; paragraphs?: string[]; extra?: string } = {}): string {
  const paragraphs = opts.paragraphs ?? [
    'Die Stadt Beispielheim baut eine neue Brücke. Sie kostet 12 Millionen Euro.',
    'Der Bau beginnt am 3. März 2025. Er soll zwei Jahre dauern.',
  ];
  return [
    '---',
    `title: ${opts.title ?? 'Neue Brücke für Beispielheim'}`,
    'dek: Die Stadt investiert in den Verkehr.',
    'source: Beispielheimer Bote',
    `published: ${opts.published ?? '2025-01-15T09:30:00+01:00'}`,
    ...(opts.extra ? [opts.extra] : []),
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

/** A small valid English file matching germanFile(). */
export function englishFile(opts: { status?: string; paragraphs?: string[]; extra?: string } = {}): string {
  const paragraphs = opts.paragraphs ?? [
    'The town of Beispielheim is building a new bridge. It costs 12 million euros.',
    'Construction starts on 3 March 2025. It is expected to take two years.',
  ];
  return [
    '---',
    'title: New bridge for Beispielheim',
    'dek: The town invests in transport.',
    `status: ${opts.status ?? 'reviewed'}`,
    ...(opts.status === undefined || opts.status === 'reviewed' ? ['reviewed: 2025-01-20'] : []),
    ...(opts.extra ? [opts.extra] : []),
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

/** A small valid facts.yaml for germanFile(). */
export function factsFile(): string {
  return [
    'facts:',
    '  - id: bridge-cost',
    '    kind: money',
    '    label: { de: Kosten, en: Cost }',
    '    value: { de: 12 Millionen Euro, en: 12 million euros }',
    '    paragraph: 1',
    '    sentence: 2',
    '    evidence: 12 Millionen Euro',
    'glossary:',
    '  - de: Brücke',
    '    en: bridge',
    '    note: die Brücke, plural die Brücken',
    '',
  ].join('\n');
}
