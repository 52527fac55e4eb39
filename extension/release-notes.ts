// The release notes the build bundled (release-notes.json), for the version
// that is running. The rehearsal of the next release (release-rehearsal.ts)
// brings notes that matter, whatever version it is installed as, so the
// update test sees the popup's note; written in the branch itself, so a
// normal build drops them with it.

import file from '@/release-notes.json';
import type { ReleaseNotes, ReleaseNotesFile } from '@/lib/release-notes';
import { NEXT_RELEASE_REHEARSAL } from './release-rehearsal';

const RELEASE_NOTES: ReleaseNotesFile = file;

export function releaseNotesFor(version: string): ReleaseNotes | undefined {
  return NEXT_RELEASE_REHEARSAL
    ? {
        matters: true,
        zh: ['更新预演：这一行只出现在下一版本的预演构建中。'],
        en: ['Update rehearsal: this line exists only in the rehearsal build of the next release.'],
      }
    : RELEASE_NOTES[version];
}
