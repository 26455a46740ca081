/** Made-up pages, feeds and texts for the importer's tests (no real article text). */

/** A page copied as text from a made-up news site: menus, teasers, comments around the article. */
export const RAW_PAGE = [
  'Neue Brücke für Beispielheim | Beispielheimer Bote',
  '',
  'Menü',
  '',
  'Politik',
  '',
  'Wirtschaft',
  '',
  'Sport',
  '',
  'Startseite > Region > Beispielheim',
  '',
  'Neue Brücke für Beispielheim',
  '',
  'Die Stadt investiert kräftig in den Verkehr. Anwohner hoffen auf weniger Stau.',
  '',
  'Lesezeit: 3 Min.',
  '',
  'Von Erika Beispiel',
  '',
  'Stand: 28.04.2020 17:33 Uhr',
  '',
  'Teilen',
  '',
  // A soft hyphen inside a word, an NFD umlaut (u + combining diaeresis) and an emoji.
  'Die Stadt Beispielheim baut eine neue Brücke über den Fluss. Die Bau\u00ADarbeiten sollen im Fr\u0075\u0308hjahr beginnen und zwei Jahre dauern. Der Stadtrat hat das Projekt am Montag mit großer Mehrheit beschlossen, nachdem jahrelang über die Kosten gestritten worden war.',
  '',
  'Die Kosten liegen bei 12,5 Millionen Euro, wie ein Sprecher der Stadtwerke Beispielheim GmbH sagte. Etwa 40 Prozent davon trägt das Land. "Wir sind froh, dass es endlich losgeht", sagte Bürgermeisterin Anna Muster. 🎉',
  '',
  'Lesen Sie auch',
  '',
  'Streit um neue Umgehungsstraße',
  '',
  'Gegner der Brücke hatten zuletzt mehr als 2000 Unterschriften gesammelt. Die Initiative will nun prüfen, ob sie gegen den Beschluss klagt. Ihre Sprecherin kündigte eine Versammlung für den 3. März 2025 an, bei der über das weitere Vorgehen entschieden werden soll.',
  '',
  'Abonnieren Sie unseren Newsletter und verpassen Sie keine Nachrichten mehr aus Ihrer Region!',
  '',
  'Jetzt für 1 € testen',
  '',
  'Mehr zum Thema',
  '',
  'Radweg wird teurer als geplant',
  '',
  'Kommentare (2)',
  '',
  'Leser123 sagt:',
  '',
  'Endlich! Darauf warten wir seit Jahren, und jetzt wird die neue Brücke hoffentlich schnell und ohne weitere Verzögerungen gebaut.',
  '',
  'Wir verwenden Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten. Mit der Nutzung stimmen Sie zu.',
  '',
  '© 2025 Beispielheimer Bote GmbH',
  '',
].join('\n');

/** The paragraphs RAW_PAGE must yield, as cleaned text. */
export const RAW_PAGE_BODY = [
  'Die Stadt Beispielheim baut eine neue Brücke über den Fluss. Die Bauarbeiten sollen im Frühjahr beginnen und zwei Jahre dauern. Der Stadtrat hat das Projekt am Montag mit großer Mehrheit beschlossen, nachdem jahrelang über die Kosten gestritten worden war.',
  'Die Kosten liegen bei 12,5 Millionen Euro, wie ein Sprecher der Stadtwerke Beispielheim GmbH sagte. Etwa 40 Prozent davon trägt das Land. "Wir sind froh, dass es endlich losgeht", sagte Bürgermeisterin Anna Muster. 🎉',
  'Gegner der Brücke hatten zuletzt mehr als 2000 Unterschriften gesammelt. Die Initiative will nun prüfen, ob sie gegen den Beschluss klagt. Ihre Sprecherin kündigte eine Versammlung für den 3. März 2025 an, bei der über das weitere Vorgehen entschieden werden soll.',
];

/** A raw text like a copied article: title, date line, dek, "Source date" line, body, promotion. */
export function seedLike(dateLine: string, sourceLine = 'Beispielheimer Bote 4. Apr. 2024, 18:00'): string {
  return [
    'Beispielheim streicht Stellen im Rathaus!',
    '',
    dateLine,
    '',
    'Die Verwaltung wird kleiner: Ein harter Schlag für die Beschäftigten.',
    '',
    sourceLine,
    '',
    'Die Stadt Beispielheim will in ihrer Verwaltung rund 120 Stellen abbauen. Ziel sei es, die Kosten zu senken und die Abläufe zu vereinfachen. Betroffen sind vor allem Bereiche, in denen Aufgaben künftig digital erledigt werden können.',
    '',
    'Ein Sprecher der Stadt sagte, Kündigungen seien nicht geplant. Die Stellen sollen wegfallen, wenn Beschäftigte in den Ruhestand gehen. Der Personalrat kündigte dennoch Widerstand an und forderte Gespräche über die Zukunft der Beschäftigten.',
    '',
    'Die besten Angebote für unsere Leser',
    'digital · überall · jederzeit · werbefrei',
    '',
    'Für 2 € sichern',
    '',
    'Favoriten unserer Leser',
    '',
  ].join('\n');
}

/** A made-up article page with meta tags, JSON-LD, a teaser card and a comment thread. */
export function htmlPage(options: { charset?: string; body?: string } = {}): string {
  const charset = options.charset ?? 'utf-8';
  return `<!doctype html>
<html lang="de"><head>
<meta charset="${charset}">
<title>Neue Brücke für Beispielheim | Beispielheimer Bote</title>
<meta property="og:title" content="Neue Brücke für Beispielheim">
<meta property="og:site_name" content="Beispielheimer Bote">
<meta property="og:url" content="https://bote.example/region/neue-bruecke">
<meta property="article:published_time" content="2025-01-15T09:30:00+01:00">
<meta name="author" content="Erika Beispiel">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Neue Brücke für Beispielheim","datePublished":"2025-01-15T09:30:00+01:00","author":{"@type":"Person","name":"Erika Beispiel"},"publisher":{"@type":"Organization","name":"Beispielheimer Bote"}}</script>
</head><body>
<nav class="main-nav"><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">Wir verwenden Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten. Mit der Nutzung stimmen Sie zu.</div>
<main><article>
<h1>Neue Brücke für Beispielheim</h1>
<p class="teaser-text">Die Stadt investiert kräftig in den Verkehr. Anwohner hoffen auf weniger Stau.</p>
<p class="byline">Von Erika Beispiel</p>
<time datetime="2025-01-15T09:30:00+01:00">15.01.2025, 09:30 Uhr</time>
${options.body ?? `<p>Die Stadt Beispielheim baut eine neue Brücke über den Fluss. Die Bauarbeiten sollen im Frühjahr beginnen und zwei Jahre dauern. Der Stadtrat hat das Projekt am Montag mit großer Mehrheit beschlossen.</p>
<figure><img src="b.jpg" alt=""><figcaption>So soll die Brücke aussehen. (Foto: Stadt Beispielheim)</figcaption></figure>
<p>Die Kosten liegen bei 12,5 Millionen Euro, wie ein Sprecher der Stadtwerke Beispielheim GmbH sagte. Etwa 40 Prozent davon trägt das Land. Bürgermeisterin Anna Muster sprach von einem guten Tag für die Stadt.</p>
<a class="card" href="/region/radweg"><h3>Radweg wird teurer als geplant</h3><p>Auch beim Radweg steigen die Kosten deutlich, berichtet die Verwaltung.</p></a>
<h2>Widerstand der Anwohner</h2>
<p>Gegner der Brücke hatten zuletzt mehr als 2000 Unterschriften gesammelt. Die Initiative will nun prüfen, ob sie gegen den Beschluss klagt und ob sich weitere Anwohner anschließen.</p>`}
<div class="share-buttons"><a href="#">Teilen</a><a href="#">Drucken</a></div>
</article>
<section id="comments" class="comments"><h2>Kommentare</h2>
<div class="comment"><p class="author">Leser123 sagt:</p><p>Endlich! Darauf warten wir seit Jahren, und jetzt wird die neue Brücke hoffentlich schnell und ohne weitere Verzögerungen gebaut. Ich freue mich sehr darüber.</p></div>
</section></main>
<footer><p>© 2025 Beispielheimer Bote GmbH</p></footer>
</body></html>`;
}

export const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Beispielheimer Bote - Nachrichten aus der Region</title>
<link>https://bote.example/</link>
<description>Neues aus Beispielheim</description>
<item>
<title>Neue Brücke für Beispielheim</title>
<link>https://bote.example/region/neue-bruecke</link>
<description>Die Stadt baut eine neue Brücke.</description>
<pubDate>Wed, 15 Jan 2025 09:30:00 +0100</pubDate>
<guid>b-1</guid>
<content:encoded><![CDATA[<p><img src="x.jpg" alt="Brücke"/> Die Stadt Beispielheim baut eine neue Brücke über den Fluss. Sie kostet <b>12,5 Millionen Euro</b>.</p><p>Die Bauarbeiten beginnen im Frühjahr. <em>Von Erika Beispiel.</em>[<a href="https://bote.example/region/neue-bruecke">mehr</a>]</p>]]></content:encoded>
</item>
<item>
<title>Über&#160;Straßenfest &amp; Musik</title>
<link>https://bote.example/kultur/fest</link>
<description><![CDATA[<p>Am Wochenende feiert die Altstadt ihr großes Straßenfest mit Musik.</p>]]></description>
<pubDate>Sat, 12 Jul 2025 18:00:00 +0200</pubDate>
</item>
</channel>
</rss>`;

export const RSS1 = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://bote.example/">
<title>Beispielheimer Bote</title>
<link>https://bote.example/</link>
<description>Neues aus Beispielheim</description>
<items><rdf:Seq><rdf:li rdf:resource="https://bote.example/a"/></rdf:Seq></items>
</channel>
<item rdf:about="https://bote.example/a">
<title>Rathaus öffnet länger</title>
<link>https://bote.example/a</link>
<description>Das Rathaus öffnet ab März donnerstags bis 20 Uhr. Die Stadt reagiert damit auf Wünsche der Bürger.</description>
<dc:date>2025-02-03T08:00:00+01:00</dc:date>
</item>
</rdf:RDF>`;

export const ATOM1 = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Beispielheimer Bote</title>
<id>https://bote.example/</id>
<updated>2025-03-01T10:00:00+01:00</updated>
<entry>
<title type="text">Schwimmbad wird saniert</title>
<id>https://bote.example/bad</id>
<link rel="alternate" href="https://bote.example/bad"/>
<published>2025-03-01T10:00:00+01:00</published>
<updated>2025-03-01T10:00:00+01:00</updated>
<author><name>Ben Beispiel</name></author>
<summary type="html">Kurz: Das Bad schließt.</summary>
<content type="html"><![CDATA[<p>Das Hallenbad von Beispielheim schließt im Sommer für acht Monate.</p><p>Die Sanierung kostet 3 Millionen Euro.</p>]]></content>
</entry>
</feed>`;

export const ATOM03 = `<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
<title>Beispielheimer Bote</title>
<modified>2004-06-01T12:00:00Z</modified>
<entry>
<title>Marktplatz wird autofrei</title>
<link rel="alternate" type="text/html" href="https://bote.example/markt"/>
<id>tag:bote.example,2004:markt</id>
<issued>2004-06-01T12:00:00+02:00</issued>
<modified>2004-06-01T12:00:00Z</modified>
<summary type="text/plain">Ab Juli dürfen auf dem Marktplatz keine Autos mehr fahren. Die Händler sind geteilter Meinung.</summary>
</entry>
</feed>`;
