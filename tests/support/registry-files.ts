// Why: registry import tests send files as a committee has them; this builds them and posts them.
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { ADMIN, type TestServer } from "./server";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const sample = (name: string) => readFileSync(`docs/samples/${name}`);

/** A households CSV of `n` rows in `buildings` buildings, Chinese headers; `edit` may change any row's cells. */
export function householdsCsv(n: number, edit: (cells: string[], i: number) => string[] = (c) => c): string {
  const rows = ["楼栋,室号,人数,联系人,联系电话"];
  for (let i = 0; i < n; i++)
    rows.push(
      edit(
        [`${Math.floor(i / 100) + 1}号楼`, String(1000 + i), String((i % 5) + 1), `住户${i}`, `138${String(i).padStart(8, "0")}`],
        i,
      ).join(","),
    );
  return `${rows.join("\n")}\n`;
}

export const gbk = (text: string) => iconv.encode(text.replace(/\n/g, "\r\n"), "gbk");

/** POSTs a file to /api/registry/import with `query`; a secretary's Bearer token unless `token` says otherwise. */
export async function importFile(
  s: TestServer,
  query: string,
  body: Uint8Array | string,
  opts: { type?: string; token?: string | null; accept?: string } = {},
): Promise<{ status: number; body: any; text: string }> {
  const r = await s.api(`/api/registry/import?${query}`, {
    method: "POST",
    body: typeof body === "string" ? body : new Uint8Array(body),
    token: opts.token === undefined ? ADMIN : opts.token,
    headers: { "content-type": opts.type ?? "text/csv", ...(opts.accept ? { accept: opts.accept } : {}) },
  });
  const text = await r.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: r.status, body: json, text };
}

/** The feed after `after`, every page. */
export async function feedAfter(s: TestServer, after: number): Promise<any[]> {
  const out: any[] = [];
  for (let cursor: number | null = after; cursor !== null; ) {
    const page = (await (await s.api(`/api/events?after=${cursor}&limit=1000`)).json()) as { events: any[]; next: number | null };
    out.push(...page.events);
    cursor = page.next;
  }
  return out;
}
