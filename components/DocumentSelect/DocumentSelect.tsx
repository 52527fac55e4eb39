import { toDisplayText } from '@/lib/display-text';

interface Props {
  /** The library's documents, in its order. */
  documents: readonly { id: string; title: string }[];
  /** The chosen document's id, '' for all. */
  value: string;
  /** The option for all documents. */
  allLabel: string;
  onChange: (docId: string) => void;
  id?: string;
  name?: string;
}

/** Chooses one document of the library, or all: the search's scope and the targets table's filter. */
export function DocumentSelect({ documents, value, allLabel, onChange, id, name }: Props) {
  return (
    <select id={id} name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{allLabel}</option>
      {documents.map((doc) => (
        <option key={doc.id} value={doc.id} lang="zh-CN">
          {toDisplayText(doc.title)}
        </option>
      ))}
    </select>
  );
}
