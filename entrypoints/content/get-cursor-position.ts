// Maps a pointer position to a text position, after 10ten-ja-reader's
// get-cursor-position.ts, with the checks it documents:
// - caretPositionFromPoint (Firefox, Chromium 128+) pierces the open shadow
//   roots it is given; caretRangeFromPoint (older Chromium, Safari) stops at
//   the host.
// - Both return the caret position nearest the point: past the middle of a
//   glyph that is the offset after it, and beside a line's end the offset of
//   the last glyph although the pointer is over empty space. So the glyph
//   under the pointer is checked against its box, trying the one before the
//   offset first.
// - An element laid over the text (a transparent link cover, a sticky
//   overlay) takes the hit; the caller then looks under it with
//   elementsFromPoint.

export interface CursorPosition {
  node: Text;
  offset: number;
}

type CaretPositionDoc = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
};

/** Slack in pixels around a glyph's box: rounding of fractional layouts. */
const SLACK = 1;

let probe: Range | undefined;

function glyphContains(node: Text, offset: number, x: number, y: number): boolean {
  if (offset < 0 || offset >= node.data.length) return false;
  const code = node.data.charCodeAt(offset);
  // A surrogate pair is one glyph: measure both halves together.
  const end = code >= 0xd800 && code <= 0xdbff && offset + 1 < node.data.length ? offset + 2 : offset + 1;
  probe ??= document.createRange();
  probe.setStart(node, offset);
  probe.setEnd(node, end);
  for (const rect of probe.getClientRects()) {
    if (x >= rect.left - SLACK && x <= rect.right + SLACK && y >= rect.top - SLACK && y <= rect.bottom + SLACK) {
      return true;
    }
  }
  return false;
}

export function getCursorPosition(x: number, y: number, shadowRoots: ShadowRoot[]): CursorPosition | null {
  const doc = document as CaretPositionDoc;
  let node: Node | undefined;
  let offset = 0;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots });
    node = position?.offsetNode;
    offset = position?.offset ?? 0;
  } else if (typeof document.caretRangeFromPoint === 'function') {
    const range = document.caretRangeFromPoint(x, y);
    node = range?.startContainer;
    offset = range?.startOffset ?? 0;
  }
  if (!node || node.nodeType !== 3) return null;
  const text = node as Text;
  if (glyphContains(text, offset - 1, x, y)) return { node: text, offset: offset - 1 };
  if (glyphContains(text, offset, x, y)) return { node: text, offset };
  return null;
}

/** True when the point lies inside one of the range's boxes. */
export function rangeContainsPoint(range: AbstractRange, x: number, y: number): boolean {
  probe ??= document.createRange();
  try {
    probe.setStart(range.startContainer, range.startOffset);
    probe.setEnd(range.endContainer, range.endOffset);
  } catch {
    // The page shortened the text since the match was found: no longer a hit.
    return false;
  }
  for (const rect of probe.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
