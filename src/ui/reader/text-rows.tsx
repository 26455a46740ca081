/** The visible slice of the article's rows: German and English columns side by side. */
import { Box, Text } from 'ink';
import React, { memo } from 'react';
import type { AlignedParagraph, Span } from '../../layout/aligned-article.js';
import { segmentLine, type Column, type ReaderRow, type RowRange, type Segment } from '../../layout/reader-rows.js';
import { displayWidth } from '../../text/display-width.js';
import type { TextStyle, Theme } from '../theme.js';
import { useUi } from '../ui-context.js';

/** Marks for one paragraph and language, computed by the screen. */
export interface ParagraphMarks {
  focus: Span | null;
  evidence: Span[];
  matches: Span[];
  hidden: Span[];
}

export type MarksFor = (paragraph: number, lang: Column) => ParagraphMarks;

export interface TextRowsProps {
  rows: readonly ReaderRow[];
  paragraphs: readonly AlignedParagraph[];
  columns: readonly { lang: Column; width: number }[];
  scrollTop: number;
  height: number;
  focusRows: RowRange;
  marksFor: MarksFor;
}

function styleOf(segment: Segment, theme: Theme): TextStyle {
  if (segment.match) return theme.match;
  if (segment.evidence && segment.focus) return theme.focusEvidence;
  if (segment.evidence) return theme.evidence;
  if (segment.focus) return theme.focus;
  return {};
}

/** Replaces every visible character with a dot of the same width (learner mode). */
function conceal(text: string): string {
  return [...text].map((ch) => (ch === ' ' ? ' ' : '·'.repeat(Math.max(1, displayWidth(ch))))).join('');
}

function Cell({ row, lang, width, paragraph, marks }: { row: ReaderRow; lang: Column; width: number; paragraph: AlignedParagraph | undefined; marks: ParagraphMarks | null }) {
  const { theme } = useUi();
  const line = row[lang];
  if (!line || !paragraph) return <Box width={width} />;
  if (lang === 'en' && row.enNote) {
    return (
      <Box width={width}>
        <Text {...theme.muted} italic>
          {line.text}
        </Text>
      </Box>
    );
  }
  const source = lang === 'de' ? paragraph.de : paragraph.en;
  const segments = marks ? segmentLine(line, source, marks) : [{ text: line.text, focus: false, evidence: false, match: false, hidden: false }];
  return (
    <Box width={width}>
      <Text wrap="truncate-end">
        {segments.map((s, i) => (
          <Text key={i} {...styleOf(s, theme)} {...(s.hidden ? theme.muted : {})}>
            {s.hidden ? conceal(s.text) : s.text}
          </Text>
        ))}
      </Text>
    </Box>
  );
}

/** One screen row: a focus marker and a cell per column. */
const Row = memo(function Row(props: { row: ReaderRow; focused: boolean; columns: TextRowsProps['columns']; paragraph: AlignedParagraph | undefined; marksFor: MarksFor }) {
  const { theme } = useUi();
  const { row, focused, columns } = props;
  return (
    <Box flexDirection="row">
      {columns.map((c, i) => (
        <Box key={c.lang} flexDirection="row">
          {i > 0 && <Text color={theme.border}>{' │ '}</Text>}
          <Text {...(focused ? { ...theme.accent, bold: true } : {})}>{focused ? `${theme.marker} ` : '  '}</Text>
          <Cell row={row} lang={c.lang} width={c.width} paragraph={props.paragraph} marks={props.marksFor(row.paragraph, c.lang)} />
        </Box>
      ))}
    </Box>
  );
});

export function TextRows(props: TextRowsProps) {
  const slice = props.rows.slice(props.scrollTop, props.scrollTop + props.height);
  return (
    <Box flexDirection="column" height={props.height}>
      {slice.map((row, i) => {
        const index = props.scrollTop + i;
        return (
          <Row
            key={index}
            row={row}
            focused={index >= props.focusRows.start && index <= props.focusRows.end}
            columns={props.columns}
            paragraph={props.paragraphs[row.paragraph]}
            marksFor={props.marksFor}
          />
        );
      })}
    </Box>
  );
}
