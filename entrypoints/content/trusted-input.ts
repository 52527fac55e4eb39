// Only the reader may make PolicyLens act. The card lives in the page's DOM
// with an open shadow root (the automation contract), so the page's own
// script can find its buttons and call .click(), or dispatch pointer and key
// events at the card, the document and the window: a hostile page clicked
// "Open in report" five times and got five extension tabs, past the popup
// blocker. Events a script makes carry isTrusted false; those the browser
// makes from the reader's mouse, keyboard or touch carry true, including the
// click it makes when the reader presses Enter or Space on a focused button.
// The extension's own flows (the keyboard command that opens a card) are not
// DOM events and do not pass through here.

/** Wraps an event handler so it runs only for events the browser made from the reader's input. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
