// The reader's highlight style and colour, applied as a constructed
// stylesheet adopted by the document and by each open shadow root we paint
// in. A constructed sheet needs no <style> element in the page (the DOM stays
// as the page built it) and is not blocked by a strict style-src CSP, which
// forbids inline <style>. The manifest CSS (style.css) carries the default
// look, so a page that refuses adoption still shows the terms.

import type { HighlightStyle } from '@/extension/settings';
import { HIGHLIGHT, HOVER_HIGHLIGHT } from './paint';

const FALLBACK_COLOR = '#c2410c';

export function highlightCss(style: HighlightStyle, color: string): string {
  const safe = CSS.supports('color', color) ? color : FALLBACK_COLOR;
  const mark =
    style === 'tint'
      ? `background-color: color-mix(in srgb, ${safe} 18%, transparent); text-decoration: none;`
      : `text-decoration: underline 2px color-mix(in srgb, ${safe} 85%, transparent); background-color: transparent;`;
  return [
    `::highlight(${HIGHLIGHT}) { ${mark} }`,
    `::highlight(${HOVER_HIGHLIGHT}) { background-color: color-mix(in srgb, ${safe} 24%, transparent); }`,
    // On dark pages the reader's colour is mixed towards white so it stays readable.
    `@media (prefers-color-scheme: dark) {`,
    style === 'tint'
      ? `  ::highlight(${HIGHLIGHT}) { background-color: color-mix(in srgb, color-mix(in srgb, ${safe} 60%, white) 28%, transparent); }`
      : `  ::highlight(${HIGHLIGHT}) { text-decoration-color: color-mix(in srgb, ${safe} 60%, white); }`,
    `  ::highlight(${HOVER_HIGHLIGHT}) { background-color: color-mix(in srgb, color-mix(in srgb, ${safe} 60%, white) 30%, transparent); }`,
    `}`,
  ].join('\n');
}

type Adopter = Document | ShadowRoot;

export class HighlightStyleSheet {
  #sheet: CSSStyleSheet | undefined;
  #adopters = new Set<Adopter>();

  update(style: HighlightStyle, color: string): void {
    try {
      this.#sheet ??= new CSSStyleSheet();
      this.#sheet.replaceSync(highlightCss(style, color));
    } catch {
      // No constructable stylesheets (very old browsers): the manifest CSS's default look stays.
      this.#sheet = undefined;
    }
  }

  /** Adopts the sheet where highlights are painted; shadow roots need their own copy, as document rules do not reach into them. */
  adoptInto(target: Adopter): void {
    const sheet = this.#sheet;
    if (!sheet || this.#adopters.has(target)) return;
    try {
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
      this.#adopters.add(target);
    } catch {
      // A page that froze or replaced adoptedStyleSheets keeps the manifest CSS's default look.
    }
  }

  release(): void {
    const sheet = this.#sheet;
    for (const target of this.#adopters) {
      try {
        target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // Nothing to undo on a page that refused the sheet.
      }
    }
    this.#adopters.clear();
  }
}
