import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateBackgroundMessage, validateTabMessage } from '@/lib/messages';

const validators = [validateBackgroundMessage, validateTabMessage];
const known = ['site-state', 'term-table', 'clause-card', 'clause-view', 'index-status', 'search', 'rebuild', 'open-report', 'page-terms', 'reveal-term', 'focus-next'];

describe('message validation', () => {
  it('names a type that is not a string without converting it', () => {
    // String() throws on this object: the background used to leave its sender without a reply.
    for (const validate of validators) {
      expect(validate({ type: { toString: 'search' } })).toBe('unknown message type: object');
      expect(validate({ type: Object.create(null) })).toBe('unknown message type: object');
      expect(validate({ type: null })).toBe('unknown message type: null');
      expect(validate({ type: Symbol('x') })).toBe('unknown message type: symbol');
    }
  });

  it('never throws, and returns a short sentence or the message itself, whatever arrives', () => {
    const message = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.oneof(fc.constantFrom(...known), fc.anything()) }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('type', 'url', 'termId', 'index', 'clauseId', 'query', 'limit'), fc.oneof(fc.anything(), fc.constantFrom(...known))),
    );
    fc.assert(
      fc.property(message, (m) => {
        for (const validate of validators) {
          const result = validate(m);
          if (typeof result === 'string') expect(result.length).toBeLessThan(120);
          else expect(result).toBe(m);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
