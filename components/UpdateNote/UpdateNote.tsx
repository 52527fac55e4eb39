import { useEffect, useState } from 'preact/hooks';
import { noteLines } from '@/lib/release-notes';
import { takeUpdateNote, type UpdateNote as Note } from '@/extension/first-run';
import { t, uiLang } from '@/extension/i18n';
import './UpdateNote.css';

/**
 * After an update to a release whose notes matter, the first popup says in
 * a line or two what is new: once (taking the note clears it), beside the
 * popup's own controls, never over them, and the reader may dismiss it.
 */
export function UpdateNote() {
  const [note, setNote] = useState<Note>();
  useEffect(() => {
    takeUpdateNote().then(setNote, () => undefined);
  }, []);
  if (!note) return null;
  return (
    <aside class="update-note" aria-labelledby="update-note-heading" data-version={note.version}>
      <h2 id="update-note-heading" class="update-note__heading">
        {t('updateNoteHeading', note.version)}
      </h2>
      {noteLines(note.notes, uiLang()).map((line) => (
        <p key={line} class="update-note__line">
          {line}
        </p>
      ))}
      <button type="button" class="button update-note__dismiss" onClick={() => setNote(undefined)}>
        {t('updateNoteDismiss')}
      </button>
    </aside>
  );
}
