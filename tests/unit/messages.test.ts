import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termNameIn, termNamesText, validateBackgroundMessage, validateTabMessage } from '@/lib/messages';

const validators = [validateBackgroundMessage, validateTabMessage];
const known = [
  'site-state', 'term-table', 'clause-card', 'clause-view', 'index-status', 'search', 'rebuild', 'open-report',
  'import-document', 'list-documents', 'remove-document', 'rename-document', 'set-document-enabled', 'import-library',
  'page-terms', 'reveal-term', 'focus-next',
];

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
      fc.dictionary(
        fc.constantFrom('type', 'url', 'termId', 'index', 'clauseId', 'query', 'limit', 'docId', 'title', 'text', 'source', 'documentId', 'enabled', 'backup', 'progressId'),
        fc.oneof(fc.anything(), fc.constantFrom(...known)),
      ),
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

  it('takes the library’s requests in their shape only, a text up to the import bound', () => {
    const text = '一、总体要求。'.repeat(10);
    expect(validateBackgroundMessage({ type: 'import-document', title: '', text })).toMatchObject({ type: 'import-document' });
    expect(validateBackgroundMessage({ type: 'import-document', title: 'x', text, source: 'paste', progressId: 'p1' })).toMatchObject({ text });
    expect(validateBackgroundMessage({ type: 'import-document', title: 'x' })).toBe('malformed import-document message');
    expect(validateBackgroundMessage({ type: 'import-document', title: 1, text })).toBe('malformed import-document message');
    expect(validateBackgroundMessage({ type: 'import-document', title: '', text, source: 5 })).toBe('malformed import-document message');
    expect(validateBackgroundMessage({ type: 'remove-document' })).toBe('malformed remove-document message');
    expect(validateBackgroundMessage({ type: 'remove-document', documentId: 'x'.repeat(65) })).toBe('malformed remove-document message');
    expect(validateBackgroundMessage({ type: 'set-document-enabled', documentId: 'd', enabled: 'yes' })).toBe('malformed set-document-enabled message');
    expect(validateBackgroundMessage({ type: 'rename-document', documentId: 'd', title: 'x'.repeat(3000) })).toBe('malformed rename-document message');
    expect(validateBackgroundMessage({ type: 'import-library', backup: {} })).toBe('malformed import-library message');
    expect(validateBackgroundMessage({ type: 'search', query: '外资', limit: 5, docId: 7 })).toBe('malformed search message');
    expect(validateBackgroundMessage({ type: 'list-documents' })).toEqual({ type: 'list-documents' });
  });
});

describe('term names in a term table', () => {
  it('finds each name by its id, first, middle and last, and no name for an unknown id or a prefix of one', () => {
    const names = termNamesText([
      { id: 'ab', term: '津治通' },
      { id: 'a', term: '高标准农田' },
      { id: 'b', term: '长护险' },
    ]);
    expect(termNameIn(names, 'ab')).toBe('津治通');
    expect(termNameIn(names, 'a')).toBe('高标准农田');
    expect(termNameIn(names, 'b')).toBe('长护险');
    expect(termNameIn(names, 'c')).toBeUndefined();
    expect(termNameIn(names, '')).toBeUndefined();
    expect(termNameIn('', 'a')).toBeUndefined();
  });
});
