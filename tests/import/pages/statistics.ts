/** A made-up statistics page with a table, a list and its introduction, subheadings, a quotation and links. */
export const STATISTICS_PAGE = `<!doctype html>
<html lang="de"><head>
<meta charset="utf-8">
<title>Beispielheim wächst weiter | Beispielheimer Bote</title>
<meta property="og:title" content="Beispielheim wächst weiter">
<meta property="og:site_name" content="Beispielheimer Bote">
<meta property="og:description" content="Die Stadt hat so viele Einwohner wie nie. Das Statistikamt legt neue Zahlen vor.">
<meta property="og:url" content="https://bote.example/region/beispielheim-waechst">
<meta property="article:published_time" content="2025-03-12T10:15:00+01:00">
</head><body>
<nav><ul><li><a href="/">Start</a></li><li><a href="/region">Region</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Beispielheim wächst weiter</h1>
<p class="byline">Von Erika Beispiel</p>
<p>Die Stadt Beispielheim hat im vergangenen Jahr so viele Einwohner gezählt wie noch nie. Das geht aus den neuen Zahlen des <a href="/statistik/bericht-2024">Statistikamts</a> hervor, die am Mittwoch im Rathaus vorgestellt wurden.</p>
<p>Die wichtigsten Ergebnisse des Berichts im Überblick:</p>
<ul>
<li>Die Zahl der Einwohner stieg um 2,1 Prozent.</li>
<li>Zugezogen sind vor allem junge Familien.</li>
<li>Die Zahl der Geburten blieb stabil.</li>
</ul>
<h2>Die Zahlen im Einzelnen</h2>
<p>Seit dem Jahr 2021 ist die Einwohnerzahl jedes Jahr gestiegen. Die folgende Tabelle zeigt die Entwicklung, wie das Amt sie in seinem Bericht aufführt:</p>
<table>
<thead><tr><th>Jahr</th><th>Einwohner</th><th>Veränderung</th></tr></thead>
<tbody>
<tr><td>2022</td><td>48.210</td><td>+1,2 %</td></tr>
<tr><td>2023</td><td>49.050</td><td>+1,7 %</td></tr>
<tr><td>2024</td><td>50.080</td><td>+2,1 %</td></tr>
</tbody>
</table>
<h2>Was die Stadt daraus macht</h2>
<blockquote><p>Wir müssen jetzt Wohnungen und Kitaplätze schaffen, sonst kommen wir nicht hinterher.</p></blockquote>
<p>Das sagte Bürgermeisterin Anna Muster bei der Vorstellung der Zahlen. Die Stadt will bis zum Jahr 2027 rund 600 neue Wohnungen bauen lassen, wie aus dem <a href="https://bote.example/region/wohnungsplan">Wohnungsplan</a> hervorgeht.</p>
</article>
<footer><p>© 2025 Beispielheimer Bote</p></footer>
</body></html>`;

/** The same kind of page copied as text: the table as tab-separated rows, the list with bullets. */
export const STATISTICS_TEXT = [
  'Beispielheim wächst weiter | Beispielheimer Bote',
  '',
  'Start',
  'Region',
  'Sport',
  '',
  'Beispielheim wächst weiter',
  '',
  'Von Erika Beispiel',
  '',
  '12.03.2025, 10:15 Uhr',
  '',
  'Die Stadt Beispielheim hat im vergangenen Jahr so viele Einwohner gezählt wie noch nie. Das geht aus den neuen Zahlen des Statistikamts hervor, die am Mittwoch im Rathaus vorgestellt wurden.',
  '',
  'Die wichtigsten Ergebnisse des Berichts im Überblick:',
  '',
  '• Die Zahl der Einwohner stieg um 2,1 Prozent.',
  '• Zugezogen sind vor allem junge Familien.',
  '• Die Zahl der Geburten blieb stabil.',
  '',
  'Die Zahlen im Einzelnen',
  '',
  'Seit dem Jahr 2021 ist die Einwohnerzahl jedes Jahr gestiegen. Die folgende Tabelle zeigt die Entwicklung, wie das Amt sie in seinem Bericht aufführt:',
  '',
  'Jahr\tEinwohner\tVeränderung',
  '2022\t48.210\t+1,2 %',
  '2023\t49.050\t+1,7 %',
  '2024\t50.080\t+2,1 %',
  '',
  'Was die Stadt daraus macht',
  '',
  'Das sagte Bürgermeisterin Anna Muster bei der Vorstellung der Zahlen. Die Stadt will bis zum Jahr 2027 rund 600 neue Wohnungen bauen lassen, wie aus dem Wohnungsplan hervorgeht.',
  '',
  '© 2025 Beispielheimer Bote',
  '',
].join('\n');
