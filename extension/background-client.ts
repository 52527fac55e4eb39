// The one way content scripts and extension pages ask the background.
// Replies are Reply<T> envelopes so an error in the background arrives as a
// rejected promise with its sentence, not as an undefined value.

import { browser } from 'wxt/browser';
import type { BackgroundRequests, BackgroundRequestType, Reply } from '@/lib/messages';

export async function askBackground<K extends BackgroundRequestType>(
  type: K,
  request: BackgroundRequests[K]['req'],
): Promise<BackgroundRequests[K]['res']> {
  const reply = (await browser.runtime.sendMessage({ ...request, type })) as
    | Reply<BackgroundRequests[K]['res']>
    | undefined;
  if (!reply) throw new Error(`no reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
