// The sheet of QR cards to cut out and hand over: seen only when printing, A4 pages of nine cards.
import { PEOPLE } from "../_i18n/people";
import { PEOPLE_LIST } from "../_i18n/people-list";
import type { Minted } from "./links";
import { QrCode } from "./QrCode";

const PER_PAGE = 9;

/** The compound on every card, in both languages until it is named (never its id). */
const compoundOf = (name: string | null) => name ?? `${PEOPLE_LIST["zh-CN"].ours} · ${PEOPLE_LIST.en.ours}`;

function Card({ m, name }: { m: Minted; name: string | null }) {
  return (
    <article
      data-print-card={m.id}
      className="flex h-[88mm] break-inside-avoid flex-col items-center gap-[1.5mm] border border-dashed border-black p-[3mm] text-center"
    >
      <p className="text-[8pt] leading-tight" data-card-compound>
        {compoundOf(name)}
      </p>
      <p className="text-[13pt] leading-tight font-bold">{m.label}</p>
      <p className="text-[9pt] leading-tight">{m.detail}</p>
      <QrCode text={m.link} label={PEOPLE.en.minted.qr(m.label)} className="size-[42mm]" />
      <p className="text-[8pt] leading-snug">{PEOPLE["zh-CN"].card[m.role]}</p>
      <p className="text-[7.5pt] leading-snug">{PEOPLE.en.card[m.role]}</p>
    </article>
  );
}

/** Each page is its own block with its own margins, so no card is cut and the browser has no margin to print its header in. */
export function PrintSheet({ minted, name }: { minted: Minted[]; name: string | null }) {
  const pages: Minted[][] = [];
  for (let i = 0; i < minted.length; i += PER_PAGE) pages.push(minted.slice(i, i + PER_PAGE));
  return (
    <section data-print-sheet className="hidden bg-white text-black print:block">
      {pages.map((page) => (
        <div key={page[0]?.id} className="grid grid-cols-3 gap-[4mm] p-[10mm] not-last:break-after-page">
          {page.map((m) => (
            <Card key={m.id} m={m} name={name} />
          ))}
        </div>
      ))}
    </section>
  );
}
