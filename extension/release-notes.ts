// The release notes the build bundled (release-notes.json), for the version
// that is running. The rehearsal of the next release (release-rehearsal.ts)
// brings notes that matter, so the update test sees the popup's note.

import file from '@/release-notes.json';
import type { ReleaseNotes, ReleaseNotesFile } from '@/lib/release-notes';
import { NEXT_RELEASE_REHEARSAL, REHEARSAL_RELEASE_NOTES } from './release-rehearsal';

const RELEASE_NOTES: ReleaseNotesFile = file;

export function releaseNotesFor(version: string): ReleaseNotes | undefined {
  return NEXT_RELEASE_REHEARSAL ? REHEARSAL_RELEASE_NOTES : RELEASE_NOTES[version];
}
