// Release notes: what each version brings, one or two lines in Chinese and
// in English, and whether that matters enough to tell a reader who updated
// (a new document feature, a new kind of highlight) or is only for the
// record. They live in release-notes.json at the top of the repository;
// wxt.config.ts checks the file and the build bundles it.

export interface ReleaseNotes {
  /** Worth a note in the popup after an update to this version. */
  matters: boolean;
  zh: string[];
  en: string[];
}

export type ReleaseNotesFile = Record<string, ReleaseNotes>;

/** Lines per language: a note the popup shows, not a changelog. */
export const MAX_NOTE_LINES = 2;
/** Characters per line: about two lines of the popup at its width, at most. */
export const MAX_NOTE_LINE_LENGTH = 100;

const VERSION = /^\d+(\.\d+){0,3}$/;

function lineProblems(version: string, lang: string, lines: unknown): string[] {
  if (!Array.isArray(lines) || lines.length < 1 || lines.length > MAX_NOTE_LINES) {
    return [`${version}: "${lang}" must hold 1 to ${MAX_NOTE_LINES} lines`];
  }
  return lines.flatMap((line, i) =>
    typeof line !== 'string' || !line.trim()
      ? [`${version}: line ${i + 1} of "${lang}" is empty`]
      : line.length > MAX_NOTE_LINE_LENGTH
        ? [`${version}: line ${i + 1} of "${lang}" is ${line.length} characters, more than ${MAX_NOTE_LINE_LENGTH}`]
        : [],
  );
}

/**
 * What is wrong with a release-notes file, one sentence each (none when it is
 * sound); `release` is the version being built, which must have its notes.
 */
export function releaseNotesProblems(file: unknown, release: string): string[] {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return ['the file must hold an object keyed by version'];
  const problems: string[] = [];
  for (const [version, notes] of Object.entries(file as Record<string, unknown>)) {
    if (!VERSION.test(version)) problems.push(`"${version}" is not a version number like 1.2.3`);
    if (typeof notes !== 'object' || notes === null) {
      problems.push(`${version}: notes must be an object with matters, zh and en`);
      continue;
    }
    const { matters, zh, en } = notes as Record<string, unknown>;
    if (typeof matters !== 'boolean') problems.push(`${version}: "matters" must be true or false`);
    problems.push(...lineProblems(version, 'zh', zh), ...lineProblems(version, 'en', en));
  }
  if (!Object.hasOwn(file, release)) problems.push(`no notes for ${release}, the version being built`);
  return problems;
}

/** The lines in the interface's language (its <html lang>): Chinese for zh-*, English otherwise. */
export function noteLines(notes: ReleaseNotes, lang: string): string[] {
  return lang.toLowerCase().startsWith('zh') ? notes.zh : notes.en;
}
