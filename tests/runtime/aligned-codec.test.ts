import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/content/load-library.js';
import { machineHash } from '../../src/content/machine-marks.js';
import { packArticle, unpackArticle } from '../../src/runtime/aligned-codec.js';
import { loadAligned } from '../../src/runtime/load-aligned.js';
import { makeLibrary } from '../helpers/library.js';

const de = `---
title: Blöcke
source: Probeblatt
published: 2025-03-02T10:00:00+01:00
---

Die Stadt plant drei Dinge. Sie hat 12 Millionen Euro. Und noch einen Satz.

## Was geplant ist

- eine Brücke
- ein Radweg

| Vorhaben | Kosten |
| --- | --- |
| Brücke | 9 Mio. Euro |

> Wir bauen für hundert Jahre.

[1]: https://example.org/plan "der Plan"
`;
const quote = 'We build for a hundred years.';
const en = `---
title: Blocks
status: draft
alignment:
  "1": ["2-1", "1-1"]
machine:
  "5": { provider: deepl, model: quality, date: 2026-11-30, hash: ${machineHash(quote)} }
---

The town plans three things and has 12 million euros. And one more sentence.

## What is planned

- a bridge
- a cycle path

| Project | Cost |
| --- | --- |
| Bridge | €9 million |

> ${quote}
`;

describe('packing an article for the trip from the worker', () => {
  it('unpacks to exactly what was loaded: text, units, spans, blocks, overrides, machine marks, links', async () => {
    const opened = await openLibrary(makeLibrary({ bloecke: { de, en } }));
    if (!opened.ok) throw new Error(opened.message);
    const loaded = await loadAligned(opened.root, 'bloecke');
    if (loaded?.status !== 'ok') throw new Error('not loaded');
    const packed = packArticle(loaded);
    // Through a structured clone, as postMessage sends it.
    const travelled = structuredClone(packed);
    const steps = unpackArticle(travelled);
    let result;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        result = step.value;
        break;
      }
    }
    expect(result).toEqual(loaded);
    expect(result.article.links).toHaveLength(1);
    expect(result.paragraphs[1]?.block?.kind).toBe('heading');
    expect(result.paragraphs[4]?.machine).toBe(true);
    expect(result.article.paragraphs[0]?.alignment).toEqual(['2-1', '1-1']);
  });
});
