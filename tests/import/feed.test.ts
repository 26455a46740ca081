import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/document.js';
import { parseFeedText } from '../../src/import/feed.js';
import { articleIdFor } from '../../src/import/slug.js';
import { ATOM03, ATOM1, RSS1, RSS2 } from './fixtures.js';

const feed = async (xml: string) => {
  const doc = await importDocument(Buffer.from(xml));
  expect(doc.kind).toBe('feed');
  return doc.articles;
};

describe('feeds', () => {
  it('RSS 2.0: one article per item, full content, HTML stripped, byline and "mehr" link gone', async () => {
    const [first, second] = await feed(RSS2);
    expect(first).toMatchObject({
      title: 'Neue Brücke für Beispielheim',
      source: 'Beispielheimer Bote',
      published: '2025-01-15T09:30:00+01:00',
      url: 'https://bote.example/region/neue-bruecke',
      author: 'Erika Beispiel',
      paragraphs: ['Die Stadt Beispielheim baut eine neue Brücke über den Fluss. Sie kostet 12,5 Millionen Euro.', 'Die Bauarbeiten beginnen im Frühjahr.'],
    });
    expect(second?.title).toBe('Über Straßenfest & Musik');
    expect(second?.paragraphs).toEqual(['Am Wochenende feiert die Altstadt ihr großes Straßenfest mit Musik.']);
    expect(second?.published).toBe('2025-07-12T18:00:00+02:00');
    expect(articleIdFor(second?.title ?? '', second?.published)).toBe('2025-07-12-ueber-strassenfest-musik');
  });

  it('RSS 1.0 (RDF): the description when there is no content', async () => {
    const [item] = await feed(RSS1);
    expect(item).toMatchObject({ title: 'Rathaus öffnet länger', published: '2025-02-03T08:00:00+01:00', url: 'https://bote.example/a' });
    expect(item?.paragraphs).toEqual(['Das Rathaus öffnet ab März donnerstags bis 20 Uhr. Die Stadt reagiert damit auf Wünsche der Bürger.']);
  });

  it('Atom 1.0: content over summary, author from the entry', async () => {
    const [entry] = await feed(ATOM1);
    expect(entry).toMatchObject({ title: 'Schwimmbad wird saniert', author: 'Ben Beispiel', published: '2025-03-01T10:00:00+01:00' });
    expect(entry?.paragraphs).toEqual(['Das Hallenbad von Beispielheim schließt im Sommer für acht Monate.', 'Die Sanierung kostet 3 Millionen Euro.']);
  });

  it('Atom 0.3: issued date and plain summary', async () => {
    const [entry] = await feed(ATOM03);
    expect(entry?.title).toBe('Marktplatz wird autofrei');
    expect(entry?.published?.slice(0, 10)).toBe('2004-06-01');
    expect(entry?.paragraphs.join(' ')).toContain('Ab Juli dürfen auf dem Marktplatz keine Autos mehr fahren.');
    expect(entry?.url).toBe('https://bote.example/markt');
  });

  it('a feed with no usable items is an error', async () => {
    const empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Leer</title></channel></rss>';
    await expect(importDocument(Buffer.from(empty))).rejects.toMatchObject({ code: 'noItems' });
  });
});

describe('feed items for refresh', () => {
  it('know each item by its guid, else its link, else a hash of its content', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Bote</title><link>https://bote.example/</link>
<item><title>Eins</title><guid>g-1</guid><link>/eins</link><description>Text eins.</description></item>
<item><title>Zwei</title><link>zwei.html</link><description>Text zwei.</description></item>
<item><title>Drei</title><description>Text drei.</description></item></channel></rss>`;
    const { items } = await parseFeedText(xml, { baseUrl: 'https://bote.example/rss/feed.xml' });
    expect(items.map((i) => i.key)).toEqual(['g-1', 'https://bote.example/rss/zwei.html', expect.stringMatching(/^sha256:[0-9a-f]{32}$/)]);
    expect(items[0]?.link).toBe('https://bote.example/eins');
    // The same content gives the same hash; another title another one.
    const again = await parseFeedText(xml.replace('Drei', 'Drei!'));
    expect(again.items[2]?.key).not.toBe(items[2]?.key);
    expect(again.items[0]?.fingerprint).toBe(items[0]?.fingerprint);
  });

  it('decode entities a publisher escaped twice, and read German time zones', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Bote</title>
<item><title>M&amp;uuml;nchen &amp;amp; Umland</title><guid>m</guid><pubDate>Tue, 01 Jul 2025 08:00:00 CEST</pubDate>
<description>Preis: 5 &amp;euro; pro Kopf. Die Stadt erhebt eine neue Abgabe.</description></item></channel></rss>`;
    const [item] = (await parseFeedText(xml)).items;
    expect(item?.title).toBe('München & Umland');
    expect(item?.published).toBe('2025-07-01T08:00:00+02:00');
    expect(item?.paragraphs.join(' ')).toContain('5 € pro Kopf');
  });

  it('read Atom 0.3 content in escaped mode', async () => {
    const xml = `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Alt</title>
<entry><title>Alt und gut</title><id>tag:alt,2004:1</id><link rel="alternate" type="text/html" href="http://alt.example/1"/>
<issued>2004-06-01T12:00:00+02:00</issued><content type="text/html" mode="escaped">&lt;p&gt;Erster Absatz des alten Formats.&lt;/p&gt;&lt;p&gt;Zweiter Absatz mit mehr Worten darin.&lt;/p&gt;</content></entry></feed>`;
    const [item] = (await parseFeedText(xml)).items;
    expect(item).toMatchObject({ key: 'tag:alt,2004:1', link: 'http://alt.example/1', published: '2004-06-01T12:00:00+02:00' });
    expect(item?.paragraphs[0]).toBe('Erster Absatz des alten Formats.');
  });
  it('read RSS 0.91 and 0.92: no guid, so each item is known by its link; entities in titles decoded', async () => {
    for (const version of ['0.91', '0.92']) {
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="${version}"><channel><title>Alter Bote</title><link>https://alt.example/</link><description>Nachrichten</description><language>de</language>
<item><title>Stra&#223;enfest &amp;amp; Markt</title><link>/region/fest.html</link><description>&lt;p&gt;Am Wochenende feiert die Altstadt ihr Stra&amp;szlig;enfest.&lt;/p&gt;</description></item>
<item><title>Zweite Meldung</title><link>https://alt.example/region/zwei.html</link><description><![CDATA[Die <b>Br&uuml;cke</b> ist fertig.]]></description></item>
</channel></rss>`;
      const parsed = await parseFeedText(xml, { baseUrl: 'https://alt.example/rss.xml' });
      expect(parsed.title).toBe('Alter Bote');
      expect(parsed.items.map((i) => i.key)).toEqual(['https://alt.example/region/fest.html', 'https://alt.example/region/zwei.html']);
      expect(parsed.items[0]?.title).toBe('Straßenfest & Markt');
      expect(parsed.items[0]?.paragraphs).toEqual(['Am Wochenende feiert die Altstadt ihr Straßenfest.']);
      expect(parsed.items[1]?.paragraphs).toEqual(['Die Brücke ist fertig.']);
    }
  });
});
