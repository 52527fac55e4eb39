import { toDisplayText } from '@/lib/display-text';

interface Props {
  text: string;
  /** [start, end) offsets into text; sorted and not overlapping. */
  marks: readonly (readonly [number, number])[];
}

/** Clause text as a reader sees it (full-width punctuation), with the given ranges in <mark>. */
export function MarkedText({ text, marks }: Props) {
  // toDisplayText maps one character to one, so offsets into the stored text hold.
  const shown = toDisplayText(text);
  const parts = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end > shown.length) continue;
    if (start > at) parts.push(shown.slice(at, start));
    parts.push(<mark key={start}>{shown.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(shown.slice(at));
  return <>{parts}</>;
}
