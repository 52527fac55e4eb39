// The reader's highlight style and colour, applied as a constructed
// stylesheet adopted by the document and by each open shadow root we paint
// in. A constructed sheet needs no <style> element in the page (the DOM stays
// as the page built it) and is not blocked by a strict style-src CSP, which
// forbids inline <style>. The manifest CSS (style.css) carries the default
// look, so a page that refuses adoption still shows the terms.

import { DEFAULT_SETTINGS, type HighlightStyle } from '@/lib/default-settings';
import { HIGHLIGHT, HOVER_HIGHLIGHT, RELATED_HIGHLIGHT } from './paint';

const FALLBACK_COLOR = '#c2410c';

export function highlightCss(style: HighlightStyle, color: string): string {
  const safe = CSS.supports('color', color) ? color : FALLBACK_COLOR;
  const mark =
    style === 'tint'
      ? `background-color: color-mix(in srgb, ${safe} 18%, transparent); text-decoration: none;`
      : `text-decoration: underline 2px color-mix(in srgb, ${safe} 85%, transparent); background-color: transparent;`;
  // Related mentions: the reader's colour, lighter and dotted whatever the style, so they never pass for the report's wording.
  const related = `text-decoration: underline dotted 2px color-mix(in srgb, ${safe} 50%, transparent); background-color: transparent;`;
  return [
    `::highlight(${HIGHLIGHT}) { ${mark} }`,
    `::highlight(${RELATED_HIGHLIGHT}) { ${related} }`,
    `::highlight(${HOVER_HIGHLIGHT}) { background-color: color-mix(in srgb, ${safe} 24%, transparent); }`,
    // On dark pages the reader's colour is mixed towards white so it stays readable.
    `@media (prefers-color-scheme: dark) {`,
    style === 'tint'
      ? `  ::highlight(${HIGHLIGHT}) { background-color: color-mix(in srgb, color-mix(in srgb, ${safe} 60%, white) 28%, transparent); }`
      : `  ::highlight(${HIGHLIGHT}) { text-decoration-color: color-mix(in srgb, ${safe} 60%, white); }`,
    `  ::highlight(${RELATED_HIGHLIGHT}) { text-decoration-color: color-mix(in srgb, color-mix(in srgb, ${safe} 60%, white) 55%, transparent); }`,
    `  ::highlight(${HOVER_HIGHLIGHT}) { background-color: color-mix(in srgb, color-mix(in srgb, ${safe} 60%, white) 30%, transparent); }`,
    `}`,
  ].join('\n');
}

type Adopter = Document | ShadowRoot;

/**
 * Adopts the reader's sheet into the document only when its look differs
 * from the manifest CSS's default: any sheet adopted by a document makes
 * Chromium recompute the style of every element (a 124-322 ms task on a
 * 10 MB page, even for a sheet whose rules match nothing). Shadow roots
 * always get it, as the manifest CSS does not reach into them, and their
 * recomputation is theirs alone.
 */
export class HighlightStyleSheet {
  /** Built when first wanted: with the default look and no shadow root, a page never needs it. */
  #sheet: CSSStyleSheet | undefined;
  #look: [HighlightStyle, string] = [DEFAULT_SETTINGS.highlightStyle, DEFAULT_SETTINGS.highlightColor];
  #isDefault = true;
  /** Where the sheet is wanted; the document holds it only while the look is not the default. */
  #targets = new Set<Adopter>();
  #adopted = new Set<Adopter>();

  update(style: HighlightStyle, color: string): void {
    this.#isDefault = style === DEFAULT_SETTINGS.highlightStyle && color === DEFAULT_SETTINGS.highlightColor;
    this.#look = [style, color];
    this.#sheet?.replaceSync(highlightCss(style, color));
    for (const target of this.#targets) this.#sync(target);
  }

  /** Adopts the sheet where highlights are painted; shadow roots need their own copy, as document rules do not reach into them. */
  adoptInto(target: Adopter): void {
    this.#targets.add(target);
    this.#sync(target);
  }

  release(): void {
    for (const target of this.#adopted) this.#remove(target);
    this.#adopted.clear();
    this.#targets.clear();
  }

  #sync(target: Adopter): void {
    const wanted = !(target instanceof Document && this.#isDefault);
    if (wanted && !this.#adopted.has(target)) {
      try {
        if (!this.#sheet) {
          this.#sheet = new CSSStyleSheet();
          this.#sheet.replaceSync(highlightCss(...this.#look));
        }
        target.adoptedStyleSheets = [...target.adoptedStyleSheets, this.#sheet];
        this.#adopted.add(target);
      } catch {
        // No constructable stylesheets (very old browsers), or a page that froze or replaced
        // adoptedStyleSheets: the manifest CSS's default look stays.
      }
    } else if (!wanted && this.#adopted.has(target)) {
      this.#remove(target);
      this.#adopted.delete(target);
    }
  }

  #remove(target: Adopter): void {
    const sheet = this.#sheet;
    try {
      target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
    } catch {
      // Nothing to undo on a page that refused the sheet.
    }
  }
}
