// Why: a workbook's XML is read as a stream with bounded nesting and bounded text between tags, so no part can exhaust memory.
import { SaxesParser } from "saxes";
import { ImportFileError } from "./columns";
import { breathe, FileTooLargeError, LIMITS } from "./limits";

/** What a reader of one part listens to: element names without their prefix, attributes as written. */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

const LT = 0x3c;
/** Characters parsed between two turns of the event loop: a few milliseconds' work. */
const SLICE = 16 * 1024;
const unreadable = (detail: string) => new ImportFileError(1, "xlsx_unreadable", { detail });
const tooLong = () => new FileTooLargeError(1, "xlsx_text_too_long", { kib: LIMITS.xmlRun / 1024 });
const local = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * Parses a part's XML from its slices (each ≤ 64 KiB), yielding to the event loop between them. Refuses a DTD,
 * nesting deeper than LIMITS.xmlDepth and bad XML (400), more than LIMITS.xmlRun bytes between two tags (413).
 */
export async function readXml(slices: AsyncIterable<Buffer>, on: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  parser.on("doctype", () => {
    throw unreadable("a DTD inside the workbook");
  });
  parser.on("opentag", (tag) => {
    if (++depth > LIMITS.xmlDepth) throw unreadable(`XML nested more than ${LIMITS.xmlDepth} deep`);
    on.open(local(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on("closetag", (tag) => {
    depth--;
    on.close(local(tag.name));
  });
  parser.on("text", (t) => on.text(t));
  parser.on("cdata", (t) => on.text(t));
  const decoder = new TextDecoder();
  // Bytes since the last "<": a run longer than a slice spans slices, so checking at slice ends bounds every run.
  let run = 0;
  try {
    for await (const slice of slices) {
      const first = slice.indexOf(LT);
      if (first >= 0 && run + first > LIMITS.xmlRun) throw tooLong();
      run = first < 0 ? run + slice.length : slice.length - slice.lastIndexOf(LT) - 1;
      if (run > LIMITS.xmlRun) throw tooLong();
      const text = decoder.decode(slice, { stream: true });
      for (let at = 0; at < text.length; at += SLICE) {
        parser.write(text.length <= SLICE ? text : text.slice(at, at + SLICE));
        await breathe();
      }
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw unreadable((err as Error).message);
  }
}
