/**
 * A made-up interview page carrying the boilerplate curators found kept: a print notice above
 * the text (where a dek would be), a share widget with its cancel button, a photo with its
 * credit and an enlarge hint, a related-article teaser in the middle of the interview, an
 * author box, subscription promotion at the end. Questions are set in bold.
 */
export const INTERVIEW_PAGE = `<!doctype html>
<html lang="de"><head>
<meta charset="utf-8">
<title>Beispielheimer Bote</title>
<meta property="og:title" content="Beispielheimer Bote">
<meta property="og:site_name" content="Beispielheimer Bote">
<meta name="description" content="Die Leiterin der Stadtbibliothek spricht über leere Regale, lange Warteschlangen und die Zukunft des Lesens.">
<meta name="date" content="2025-06-20T08:00:00+02:00">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"&#8222;Wir brauchen mehr Platz&#8220; &#8211; Bibliothekschefin im Gespräch","author":[{"@type":"Person","name":"Erika Beispiel"},{"@type":"Person","name":"Jonas Muster"}]}</script>
</head><body>
<div class="print-note">Dieser Artikel wurde ausgedruckt unter der Adresse: https://bote.example/kultur/bibliothek-interview</div>
<article>
<h1>„Wir brauchen mehr Platz“ – Bibliothekschefin im Gespräch</h1>
<div class="meta"><span class="date">Veröffentlicht am 17. Juni 2025</span></div>
<div class="share-box">Artikel teilen Facebook WhatsApp E-Mail Abbrechen</div>
<figure><img src="bild.jpg" alt=""><figcaption>Die Bibliothek am Marktplatz. Foto: Max Beispiel</figcaption></figure>
<p>Bild vergrößern</p>
<p>Die Stadtbibliothek von Beispielheim zählt so viele Besucher wie nie zuvor, doch die Räume am Marktplatz sind zu klein geworden. Ein Gespräch mit der Leiterin Clara Muster über volle Lesesäle und die Pläne für einen Neubau.</p>
<p><strong>Frau Muster, wie voll ist es bei Ihnen an einem gewöhnlichen Samstag?</strong></p>
<p>An manchen Tagen stehen die Leute schon vor der Öffnung Schlange. Wir hatten im vergangenen Jahr mehr als 180.000 Besuche, das sind ein Drittel mehr als vor fünf Jahren.</p>
<p><strong>Woran liegt das?</strong></p>
<p>Viele kommen nicht mehr nur zum Ausleihen. Sie arbeiten hier, lernen für Prüfungen oder treffen sich einfach, weil es sonst kaum ruhige Orte in der Innenstadt gibt.</p>
<p>Lesen Sie auch</p>
<p><a href="/kultur/museum">Museum bekommt neuen Anbau</a></p>
<p><strong>Was würde ein Neubau ändern?</strong></p>
<p>Wir könnten die Fläche verdoppeln und endlich Gruppenräume anbieten. Der Stadtrat will im Herbst über die Pläne entscheiden, die Kosten liegen bei etwa 14 Millionen Euro.</p>
<p>Erika Beispiel ist Redakteurin im Ressort Kultur und schreibt seit 2019 für den Beispielheimer Boten über Bildung und Bibliotheken.</p>
</article>
<div class="paywall-teaser"><p>Sie wollen weiterlesen? Jetzt abonnieren und alle Artikel lesen: 4 Wochen gratis, danach monatlich kündbar.</p></div>
</body></html>`;

/** The same page copied as text, with the same kinds of boilerplate. */
export const INTERVIEW_TEXT = [
  'Beispielheimer Bote',
  '',
  'Dieser Artikel wurde ausgedruckt unter der Adresse: https://bote.example/kultur/bibliothek-interview',
  '',
  '„Wir brauchen mehr Platz“ – Bibliothekschefin im Gespräch',
  '',
  'Veröffentlicht am 17. Juni 2025',
  '',
  'Artikel teilen',
  'Abbrechen',
  '',
  'Die Bibliothek am Marktplatz. Foto: Max Beispiel',
  'Bild vergrößern',
  '',
  'Die Stadtbibliothek von Beispielheim zählt so viele Besucher wie nie zuvor, doch die Räume am Marktplatz sind zu klein geworden. Ein Gespräch mit der Leiterin Clara Muster über volle Lesesäle und die Pläne für einen Neubau.',
  '',
  'Frau Muster, wie voll ist es bei Ihnen an einem gewöhnlichen Samstag?',
  '',
  'An manchen Tagen stehen die Leute schon vor der Öffnung Schlange. Wir hatten im vergangenen Jahr mehr als 180.000 Besuche, das sind ein Drittel mehr als vor fünf Jahren.',
  '',
  'Woran liegt das?',
  '',
  'Viele kommen nicht mehr nur zum Ausleihen. Sie arbeiten hier, lernen für Prüfungen oder treffen sich einfach, weil es sonst kaum ruhige Orte in der Innenstadt gibt.',
  '',
  'Lesen Sie auch',
  '',
  'Museum bekommt neuen Anbau',
  '',
  'Was würde ein Neubau ändern?',
  '',
  'Wir könnten die Fläche verdoppeln und endlich Gruppenräume anbieten. Der Stadtrat will im Herbst über die Pläne entscheiden, die Kosten liegen bei etwa 14 Millionen Euro.',
  '',
  'Erika Beispiel ist Redakteurin im Ressort Kultur und schreibt seit 2019 für den Beispielheimer Boten über Bildung und Bibliotheken.',
  '',
  'Sie wollen weiterlesen? Jetzt abonnieren und alle Artikel lesen: 4 Wochen gratis, danach monatlich kündbar.',
  '',
].join('\n');
