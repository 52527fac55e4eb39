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
  --commitment: #1d4ed8; --result: #047857; --figure-bg: #f6f7f9;
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
  font: 14px/1.6 "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", system-ui, sans-serif;
  text-align: left;
  outline: none;
}
.card:focus-visible { box-shadow: 0 0 0 2px var(--accent), 0 6px 24px rgb(0 0 0 / 0.18); }
@media (prefers-color-scheme: dark) {
  .card { --bg: #1e2227; --fg: #e6e8eb; --muted: #a4acb6; --line: #3a4048; --accent: #fb923c; --mark: #5a3317;
    --commitment: #93b4ff; --result: #6ee7b7; --figure-bg: #262b31; }
}
header { display: flex; align-items: baseline; gap: 8px; }
.term { font-size: 16px; font-weight: 700; color: var(--accent); }
.term.related { font-size: 14px; font-weight: 600; text-decoration: underline dotted 2px; text-underline-offset: 3px; }
.count { font-size: 12px; color: var(--muted); }
.path { margin-top: 2px; font-size: 12px; line-height: 1.5; color: var(--muted); }
.clause { margin: 6px 0; line-height: 1.7; text-align: justify; }
mark { background: var(--mark); color: inherit; font-weight: 700; padding: 0 1px; border-radius: 2px; white-space: nowrap; }
.targets { margin: 6px 0; padding: 0; list-style: none; display: grid; gap: 3px; }
.target {
  display: flex; align-items: baseline; gap: 8px; padding: 1px 8px;
  border-left: 3px solid var(--commitment); border-radius: 4px; background: var(--figure-bg);
}
.target.result { border-left-color: var(--result); }
.figure { font-size: 16px; line-height: 1.5; font-weight: 700; white-space: nowrap; font-variant-numeric: tabular-nums; }
.metric { color: var(--muted); font-size: 13px; }
.figures {
  margin: 6px 0; padding: 6px 8px; border-radius: 4px; background: var(--figure-bg);
  display: grid; grid-template-columns: 1fr 1fr; gap: 2px 12px;
}
.figures .side { display: flex; flex-direction: column; min-width: 0; }
.figures .label { font-size: 12px; color: var(--muted); }
.figures .metric { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.figures .relation { grid-column: 1 / -1; margin: 4px 0 0; font-size: 13px; font-weight: 600; }
.figures.same .relation { color: var(--result); }
.figures.differs .relation { color: var(--accent); }
.figures.other-scope .relation { color: var(--muted); }
.across { margin: 6px 0; font-size: 13px; }
.across .label { margin: 0 0 2px; font-size: 12px; color: var(--muted); }
.series { margin: 0 0 4px; padding: 0; list-style: none; display: grid; gap: 1px; }
.point { display: grid; grid-template-columns: 3em auto auto 1fr; gap: 6px; align-items: baseline; padding: 0 4px; border-radius: 3px; }
.point.current { background: var(--figure-bg); }
.point .figure { font-size: 13px; }
.point .kind { font-size: 11px; color: var(--commitment); }
.point.result .kind { color: var(--result); }
.point .doc { color: var(--muted); font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kind {
  margin-left: auto; flex: none; font-size: 12px; line-height: 1.5; padding: 0 5px;
  border: 1px solid currentColor; border-radius: 4px; color: var(--commitment);
}
.target.result .kind { color: var(--result); }
.sep { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.aim { margin: 6px 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; font-size: 13px; }
.aim dt { color: var(--muted); }
.aim dd { margin: 0; }
footer { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 6px; border-top: 1px solid var(--line); padding-top: 6px; }
button {
  font: inherit; font-size: 12px; color: var(--fg); background: transparent;
  border: 1px solid var(--line); border-radius: 4px; padding: 1px 10px; line-height: 1.6; cursor: pointer;
}
button:hover:not([disabled]) { border-color: var(--accent); color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
button[disabled] { opacity: 0.4; cursor: default; }
.stepper { display: inline-flex; align-items: center; gap: 4px; }
button.step { border: none; font-size: 18px; line-height: 1; padding: 0 6px; }
button.close { margin-left: auto; align-self: center; border: none; font-size: 18px; line-height: 1; padding: 2px 6px; }
.status { font-size: 12px; color: var(--muted); }
.message { margin: 6px 0; color: var(--muted); }
`;
