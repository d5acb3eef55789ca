import { useI18n } from '../../i18n';
import type { ParseReport } from '../../data/types';

/** What the parser noticed, in plain sentences. */
export function ParseNotes({ report }: { report: ParseReport }) {
  const { m, fmt } = useI18n();
  const n = m.notes;
  const notes: string[] = [
    n.delimiter(n.delimiterNames[report.delimiter], n.delimiterHow[report.delimiterSource]),
  ];
  if (report.decimalComma) notes.push(n.decimalComma);
  if (report.encodingFallback) notes.push(n.encodingFallback);
  if (report.hadBom) notes.push(n.bom);
  if (!report.hasHeader) notes.push(n.headerless);
  for (const d of report.duplicateNames)
    notes.push(n.duplicates(d.name, d.renamedTo.map((r) => `"${r}"`).join(', ')));
  if (report.unnamedColumns > 0) notes.push(n.unnamed(report.unnamedColumns));
  const { short, long, firstLineNumbers } = report.raggedRows;
  if (short + long > 0) notes.push(n.ragged(short, long, firstLineNumbers.join(', ')));
  if (report.malformedRows > 0) notes.push(n.malformed(report.malformedRows));
  const markers = Object.entries(report.missingMarkers).filter(([, count]) => count > 0);
  if (markers.length > 0)
    notes.push(
      n.missing(markers.map(([k, c]) => `${k === '' ? n.empty : `"${k}"`} (${fmt.integer(c)})`).join(', ')),
    );
  return (
    <div className="parse-notes">
      <h3>{n.title}</h3>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
