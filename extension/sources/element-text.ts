// The text of a piece of markup as its reader sees it, one paragraph a line:
// each block element (p, div, li, h1 …) and each <br> ends a paragraph,
// white space inside one is collapsed as a browser draws it, scripts, styles
// and form controls are left out. It reads the markup (textContent, not
// innerText), so it works on a document without layout: a clone of the page
// that Readability has pruned, or a DOMParser document of a saved .html file.
// The walk is iterative: a hostile page nests elements deeper than the stack.

import { cleanText, collapseSpaces } from '@/lib/document/clean-text';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
const SKIPPED = new Set([
  'audio', 'button', 'canvas', 'embed', 'head', 'iframe', 'input', 'math', 'noscript', 'object', 'script', 'select',
  'style', 'svg', 'template', 'textarea', 'video',
]);
/** Table cells: their texts stay on the row's line, a space apart. */
const CELLS = new Set(['td', 'th']);

/** A step of the walk: a node to read, or the end of a block element whose children were read. */
type Step = Node | { leave: 'block' | 'cell' };

export function elementText(root: Node): string {
  const paragraphs: string[] = [];
  let inline = '';
  const endParagraph = () => {
    const text = collapseSpaces(inline).trim();
    if (text) paragraphs.push(text);
    inline = '';
  };

  const steps: Step[] = [root];
  while (steps.length) {
    const step = steps.pop()!;
    if ('leave' in step) {
      if (step.leave === 'block') endParagraph();
      else inline += ' ';
      continue;
    }
    if (step.nodeType === Node.TEXT_NODE || step.nodeType === Node.CDATA_SECTION_NODE) {
      inline += (step as CharacterData).data;
      continue;
    }
    if (step.nodeType !== Node.ELEMENT_NODE && step !== root) continue;
    const name = step.nodeType === Node.ELEMENT_NODE ? (step as Element).localName.toLowerCase() : '';
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      endParagraph();
      continue;
    }
    if (name === 'pre') {
      // Preformatted text keeps its lines (a table of figures laid out with spaces).
      endParagraph();
      paragraphs.push(...(step.textContent ?? '').split('\n').map((line) => line.trimEnd()).filter(Boolean));
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) endParagraph();
    if (CELLS.has(name)) inline += ' ';
    if (block) steps.push({ leave: 'block' });
    else if (CELLS.has(name)) steps.push({ leave: 'cell' });
    for (let child = step.lastChild; child; child = child.previousSibling) steps.push(child);
  }
  endParagraph();
  return cleanText(paragraphs.join('\n\n'));
}
