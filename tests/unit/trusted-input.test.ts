// The one gate every card and hover handler goes through: a script-made
// event never reaches the handler, one the browser made does.

import { describe, expect, it, vi } from 'vitest';
import { trusted } from '@/entrypoints/content/trusted-input';

/** An event as the browser makes it from the reader's input (a script cannot set isTrusted; the test's Node can). */
function browserMade(type: string): Event {
  const event = new Event(type);
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

describe('trusted', () => {
  it('ignores events a script made and dispatched', () => {
    const handler = vi.fn();
    const target = new EventTarget();
    target.addEventListener('click', trusted(handler));
    target.dispatchEvent(new Event('click'));
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes the reader’s events through, unchanged', () => {
    const handler = vi.fn();
    const event = browserMade('click');
    trusted(handler)(event);
    expect(handler).toHaveBeenCalledExactlyOnceWith(event);
  });
});
