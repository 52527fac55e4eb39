// One jieba for Node (build script, unit tests) and the extension
// (background, extension pages). jieba-wasm's Node build instantiates its wasm
// synchronously on import; its web build exports an async `init` as default
// that must run before any call. Under Node through vite the CJS module's
// default export is the module object itself, hence the typeof check.
import * as jieba from 'jieba-wasm';

export interface TaggedWord {
  word: string;
  /** jieba's part-of-speech tag (n, v, vn, ns, nr, p, c, u, m, q, x …). */
  tag: string;
}

let ready: Promise<void> | undefined;

/** Loads jieba once; every wrapper below needs it to have resolved. */
export function initJieba(): Promise<void> {
  const init = (jieba as unknown as { default?: unknown }).default;
  ready ??= typeof init === 'function' ? (init as () => Promise<unknown>)().then(() => undefined) : Promise.resolve();
  return ready;
}

/** Precise-mode segmentation; without HMM, words jieba does not know fall apart into characters. */
export function cut(text: string, hmm = false): string[] {
  return jieba.cut(text, hmm);
}

/** Search-mode segmentation: long words also yield their dictionary sub-words. */
export function cutForSearch(text: string, hmm = false): string[] {
  return jieba.cut_for_search(text, hmm);
}

/** Segmentation with parts of speech. */
export function tag(text: string, hmm = false): TaggedWord[] {
  return jieba.tag(text, hmm).map(({ word, tag }) => ({ word, tag }));
}

/** Words taught by addWord, with how jieba's own dictionary tagged them before. */
const taught = new Map<string, TaggedWord[]>();

/**
 * Teaches jieba a word so that segmentation keeps it whole. The tagging jieba
 * gave before is remembered, so that dictionaryTag and isDictionaryWord keep
 * answering from jieba's own dictionary: teaching must not change what the
 * next extraction in the same process decides.
 */
export function addWord(word: string, tagName = 'nz'): void {
  if (taught.has(word)) return;
  taught.set(word, tag(word));
  jieba.add_word(word, undefined, tagName);
}

/** Tagging of a word by jieba's built-in dictionary alone (before any addWord). */
export function dictionaryTag(word: string): TaggedWord[] {
  return taught.get(word) ?? tag(word);
}

/** True when jieba's built-in dictionary holds the string as one word. */
export function isDictionaryWord(text: string): boolean {
  const words = dictionaryTag(text);
  return words.length === 1 && words[0]!.word === text;
}
