import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_NOTE_LINE_LENGTH, noteLines, releaseNotesProblems, type ReleaseNotes } from '@/lib/release-notes';

const sound: ReleaseNotes = { matters: true, zh: ['新增：文档库。'], en: ['New: the document library.'] };

describe('release notes', () => {
  it('the repository’s file is sound and has notes for the version in package.json', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(releaseNotesProblems(JSON.parse(readFileSync('release-notes.json', 'utf8')), version)).toEqual([]);
  });

  it('names each problem of a broken file in a sentence', () => {
    expect(releaseNotesProblems([], '1.0.0')).toEqual(['the file must hold an object keyed by version']);
    expect(
      releaseNotesProblems(
        {
          'next': sound,
          '1.0.0': { matters: 'yes', zh: [], en: ['a', 'b', 'c'] },
          '1.1.0': { matters: false, zh: [' '], en: ['x'.repeat(MAX_NOTE_LINE_LENGTH + 1)] },
        },
        '1.2.0',
      ),
    ).toEqual([
      '"next" is not a version number like 1.2.3',
      '1.0.0: "matters" must be true or false',
      '1.0.0: "zh" must hold 1 to 2 lines',
      '1.0.0: "en" must hold 1 to 2 lines',
      '1.1.0: line 1 of "zh" is empty',
      `1.1.0: line 1 of "en" is ${MAX_NOTE_LINE_LENGTH + 1} characters, more than ${MAX_NOTE_LINE_LENGTH}`,
      'no notes for 1.2.0, the version being built',
    ]);
  });

  it('accepts a sound file', () => {
    expect(releaseNotesProblems({ '1.2.0': sound }, '1.2.0')).toEqual([]);
  });

  it('picks the lines in the interface’s language, English for any language but Chinese', () => {
    expect(noteLines(sound, 'zh-CN')).toEqual(sound.zh);
    expect(noteLines(sound, 'zh')).toEqual(sound.zh);
    expect(noteLines(sound, 'en')).toEqual(sound.en);
    expect(noteLines(sound, 'de-DE')).toEqual(sound.en);
  });
});
