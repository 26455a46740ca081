/** Feeds and pages the tests serve: made up by the project (no real news text). */

export interface FixtureItem {
  guid?: string;
  title: string;
  /** Path of the item's page on the test server (relative links are part of what is tested). */
  link?: string;
  text: string;
  date?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed; its item texts in CDATA, links relative to the feed. */
export function rss2(title: string, items: readonly FixtureItem[]): string {
  const body = items
    .map(
      (item) => `<item>
<title>${escape(item.title)}</title>
${item.link ? `<link>${escape(item.link)}</link>` : ''}
${item.guid ? `<guid isPermaLink="false">${escape(item.guid)}</guid>` : ''}
<pubDate>${item.date ?? 'Wed, 15 Jan 2025 09:30:00 +0100'}</pubDate>
<description><![CDATA[<p>${item.text}</p>]]></description>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>${escape(title)}</title>
<link>https://bote.example/</link>
<description>Nachrichten aus Beispielheim</description>
${body}
</channel></rss>`;
}

/** An RSS 1.0 (RDF) feed with escaped (not CDATA) HTML in its descriptions. */
export function rdf(title: string, items: readonly FixtureItem[]): string {
  const body = items
    .map(
      (item) => `<item rdf:about="${escape(item.link ?? item.guid ?? item.title)}">
<title>${escape(item.title)}</title>
<link>${escape(item.link ?? '')}</link>
<description>${escape(`<p>${item.text}</p>`)}</description>
<dc:date>${item.date ?? '2025-02-03T08:00:00+01:00'}</dc:date>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://bote.example/"><title>${escape(title)}</title><link>https://bote.example/</link><description>RDF</description></channel>
${body}
</rdf:RDF>`;
}

/** An Atom 1.0 feed. */
export function atom1(title: string, items: readonly FixtureItem[]): string {
  const body = items
    .map(
      (item) => `<entry>
<title type="html">${escape(item.title)}</title>
<id>${escape(item.guid ?? `urn:x:${item.title}`)}</id>
${item.link ? `<link rel="alternate" type="text/html" href="${escape(item.link)}"/>` : ''}
<published>${item.date ?? '2025-03-01T10:00:00+01:00'}</published>
<updated>${item.date ?? '2025-03-01T10:00:00+01:00'}</updated>
<content type="html">${escape(`<p>${item.text}</p>`)}</content>
</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escape(title)}</title><id>urn:x:feed</id><updated>2025-03-01T10:00:00+01:00</updated>
${body}
</feed>`;
}

/** An Atom 0.3 feed (issued/modified dates, escaped content mode). */
export function atom03(title: string, items: readonly FixtureItem[]): string {
  const body = items
    .map(
      (item) => `<entry>
<title>${escape(item.title)}</title>
${item.link ? `<link rel="alternate" type="text/html" href="${escape(item.link)}"/>` : ''}
<id>${escape(item.guid ?? `tag:bote.example,2004:${item.title}`)}</id>
<issued>${item.date ?? '2004-06-01T12:00:00+02:00'}</issued>
<modified>${item.date ?? '2004-06-01T12:00:00+02:00'}</modified>
<content type="text/html" mode="escaped">${escape(`<p>${item.text}</p>`)}</content>
</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>${escape(title)}</title><modified>2004-06-01T12:00:00Z</modified>
${body}
</feed>`;
}

/** An article page with a headline and a few paragraphs of running German prose. */
export function articlePage(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escape(title)} | Beispielheimer Bote</title>
<meta property="og:title" content="${escape(title)}"><meta property="og:site_name" content="Beispielheimer Bote"></head>
<body><nav><a href="/">Startseite</a></nav><main><article><h1>${escape(title)}</h1>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article></main><footer>© Beispielheimer Bote</footer></body></html>`;
}

/** A page that names its feed in a <link rel="alternate">. */
export function pageLinkingFeed(feedPath: string): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Beispielheimer Bote</title>
<link rel="alternate" type="application/rss+xml" title="RSS" href="${feedPath}"></head>
<body><p>Willkommen beim Beispielheimer Boten.</p></body></html>`;
}

/** Paragraphs of made-up German prose for item `n`, long enough for the HTML importer. */
export function prose(n: number): string[] {
  return [
    `Die Stadt Beispielheim hat am Montag den Bericht Nummer ${n} vorgestellt. Darin beschreibt die Verwaltung, wie sich die Zahl der Besucher im Rathaus im vergangenen Jahr entwickelt hat und welche Angebote künftig digital bereitstehen sollen.`,
    `Nach Angaben der Stadt nutzten im Jahr ${2000 + (n % 25)} rund ${1000 + n} Menschen die neuen Sprechstunden am Abend. Die Bürgermeisterin sprach von einem guten Zeichen für die Verwaltung und kündigte an, das Angebot im Herbst auszuweiten.`,
    `Kritik kam von der Opposition im Stadtrat. Sie bemängelte, dass die Kosten von ${n + 10} Millionen Euro zu hoch seien und die Pläne zu spät vorgelegt worden seien. Eine Entscheidung soll in der nächsten Sitzung fallen.`,
  ];
}

/** A short teaser for item `n`, as feeds carry. */
export function teaser(n: number): string {
  return `Beispielheim stellt Bericht Nummer ${n} über die Sprechstunden im Rathaus vor.`;
}
