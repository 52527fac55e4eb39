// The card's styles, adopted by its shadow root as a constructed stylesheet:
// a <style> element (what createShadowRootUi adds) is refused on pages whose
// CSP forbids inline styles, and reported as a violation. Sizes in px, not
// rem: rem follows the page's root font size. The host resets everything the
// page's CSS could give it; !important in a shadow root's :host wins over the
// page's own !important rules.

export const CARD_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483647 !important;
  display: block !important;
  visibility: visible !important;
  opacity: 1 !important;
  pointer-events: auto !important;
}
.card {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d9dde3; --accent: #b4380b; --mark: #fde7d9;
  position: fixed;
  box-sizing: border-box;
  width: max-content;
  max-width: min(420px, calc(100vw - 16px));
  overflow: auto;
  padding: 10px 12px 8px;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--line);
  border-radius: 8px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  font: 14px/1.6 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  text-align: left;
  outline: none;
}
.card:focus-visible { box-shadow: 0 0 0 2px var(--accent), 0 6px 24px rgb(0 0 0 / 0.18); }
@media (prefers-color-scheme: dark) {
  .card { --bg: #1e2227; --fg: #e6e8eb; --muted: #a4acb6; --line: #3a4048; --accent: #fb923c; --mark: #5a3317; }
}
header { display: flex; align-items: baseline; gap: 8px; }
.term { font-size: 16px; font-weight: 700; color: var(--accent); }
.count { font-size: 12px; color: var(--muted); }
.path { margin-top: 2px; font-size: 12px; color: var(--muted); }
.clause { margin: 6px 0; }
mark { background: var(--mark); color: inherit; font-weight: 700; padding: 0 1px; border-radius: 2px; }
.targets { margin: 6px 0; padding: 0; list-style: none; }
.target { margin: 2px 0; }
.figure { font-size: 15px; }
.metric, .kind { color: var(--muted); }
.target.result .kind { color: #1f7a45; }
.aim { margin: 6px 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; font-size: 13px; }
.aim dt { color: var(--muted); }
.aim dd { margin: 0; }
footer { display: flex; align-items: center; gap: 6px; margin-top: 6px; border-top: 1px solid var(--line); padding-top: 6px; }
button {
  font: inherit; font-size: 12px; color: var(--fg); background: transparent;
  border: 1px solid var(--line); border-radius: 4px; padding: 1px 8px; cursor: pointer;
}
button:hover:not([disabled]) { border-color: var(--accent); color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
button[disabled] { opacity: 0.4; cursor: default; }
button.close { margin-left: auto; border: none; font-size: 16px; line-height: 1; padding: 0 4px; }
.status { font-size: 12px; color: var(--muted); }
.message { margin: 6px 0; color: var(--muted); }
`;
