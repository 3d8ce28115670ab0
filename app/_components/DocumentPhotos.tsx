"use client";
// A request's documents as thumbnails beside the verdict: each opens its picture large in a new tab; one without a photo says so.
import type { DICTS } from "../_i18n/dict";

type Dict = (typeof DICTS)["en"];
export type DocumentFile = { document: string; fileId: string | null; testedAt: string | null };

export function DocumentPhotos({ files, t }: { files: DocumentFile[]; t: Dict }) {
  if (files.length === 0) return null;
  const q = t.queue;
  const name = (d: string) => (d === "commitment_letter" ? q.letter : q.report);
  return (
    <ul data-documents className="mt-2 flex flex-wrap gap-2" aria-label={q.photos}>
      {files.map((f, i) => (
        <li key={`${f.document}-${f.fileId ?? i}`} className="flex flex-col items-center gap-1 text-xs text-slate-300">
          {f.fileId ? (
            <a
              href={`/api/files/${encodeURIComponent(f.fileId)}`}
              target="_blank"
              rel="noopener"
              data-document-file={f.fileId}
              title={q.openPhoto(name(f.document))}
            >
              {/* biome-ignore lint/performance/noImgElement: an authenticated API picture, not a static asset for next/image */}
              <img
                src={`/api/files/${encodeURIComponent(f.fileId)}?size=thumb`}
                alt={q.openPhoto(name(f.document))}
                className="h-24 w-auto max-w-32 rounded bg-slate-950 object-contain ring-1 ring-slate-600"
              />
            </a>
          ) : (
            <span className="flex h-24 w-20 items-center justify-center rounded bg-slate-950 text-center ring-1 ring-slate-700">
              {q.missingPhoto}
            </span>
          )}
          <span>{name(f.document)}</span>
        </li>
      ))}
    </ul>
  );
}
