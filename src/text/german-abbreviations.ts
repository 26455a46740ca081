import { abbreviationTable, wordSet } from './abbreviation-kind.js';

/** German abbreviations that `Intl.Segmenter` wrongly treats as sentence ends. */
export const germanAbbreviations = abbreviationTable({
  never: `z.B. d.h. i.d.R. u.U. bzw. ca. vgl. sog. Dr. Prof. Hr. Fr. Dipl.-Ing. Dipl.-Kfm. Dipl.
    Mag. Nr. geb. gest. verh. gem. ehem. bspw. zzgl. inkl. exkl. Hrsg. Fa.`,
  starter: `u.a. a.D. v.Chr. n.Chr. Jh. Jhd. Jhdt. Mio. Mrd. Tsd. Mill. Std. Min. Sek. ggf. evtl.
    St. Str. Ing. Bsp. Pkt. Hbf. Co. Inc. Ltd. Mo. Di. Mi. Do. Sa. So. Jan. Feb. Mär. Apr.
    Jun. Jul. Aug. Sep. Sept. Okt. Nov. Dez.`,
  capital: `usw. etc. u.ä. o.ä. o.Ä. u.s.w. u.v.m. s.o. s.u. ff.`,
  number: `Art. Abs. Bd. Kap. Abb. Tab. Ziff. Tel.`,
});

/** Month names and their abbreviations without the period, as they follow an ordinal. */
export const germanMonths: ReadonlySet<string> = wordSet(
  `Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November
   Dezember Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez`,
);

/**
 * Words that follow a four-digit ordinal ("zum 1000. Mal"); otherwise four digits and a
 * period are taken as a year that ends the sentence.
 */
export const germanLongOrdinalNouns: ReadonlySet<string> = wordSet(
  `Mal Geburtstag Jahrestag Todestag Jubiläum Spiel Folge Ausgabe`,
);

/**
 * Capitalised words that usually open a German sentence and rarely follow an ordinal or an
 * abbreviation inside one: "am 4. Mai" continues, "wurde 90. Danach" ends.
 */
export const germanSentenceStarters: ReadonlySet<string> = wordSet(
  `Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Wir Ich Du Ihr Man
   Dies Diese Dieser Dieses Diesen Jene Jener Dort Da Dabei Dafür Dagegen Damit Danach Dann
   Darauf Daraufhin Daher Darum Deshalb Deswegen Denn Doch Aber Und Oder Sondern Auch
   Außerdem Zudem Zugleich Allerdings Trotzdem Dennoch Jedoch Inzwischen Mittlerweile
   Später Zuvor Vorher Nachher Heute Gestern Nun Jetzt Noch Schon Bereits Immer Nie Hier So
   Wie Was Wer Wo Wann Warum Weshalb Welche Welcher Welches Als Wenn Ob Weil Während
   Nachdem Bevor Obwohl Seit Seitdem Am Im In Ins An Auf Aus Bei Beim Mit Nach Von Vom Zu
   Zum Zur Für Gegen Ohne Um Unter Über Vor Hinter Neben Zwischen Durch Alle Viele Einige
   Mehrere Manche Jeder Jede Jedes Kein Keine Nicht Nur Insgesamt Laut Zunächst Zuerst
   Schließlich Letztlich Ebenfalls Somit Also Ja Nein Mein Meine Sein Seine Ihre Unser
   Unsere Wegen Trotz Dazu Hierzu Zwar Sowohl Weder Entweder Erst Dabei Dadurch`,
);
