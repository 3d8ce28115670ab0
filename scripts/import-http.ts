// Why: the import CLI talks to the running server: one plain call for the preview, one streamed call with progress to import.
import http from "node:http";
import https from "node:https";
import { type ImportStreamLine, PROGRESS_TYPE } from "../server/domain/registry-import/types";

export type Answer = { status: number; body: any };
export interface Progress {
  /** Bytes of the file sent so far. */
  uploaded(sent: number, total: number): void;
  /** Rows recorded so far by the server, in its one transaction. */
  recorded(done: number, total: number): void;
}

const CHUNK = 64 * 1024;

/**
 * POSTs the file to `url`. With `progress`, asks for the streamed answer and reports the upload and the server's
 * recording; either way resolves with the status and body the server decided.
 */
export function postFile(url: URL, token: string, type: string, file: Buffer, progress?: Progress): Promise<Answer> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": type,
        "content-length": file.length,
        accept: progress ? PROGRESS_TYPE : "application/json",
      },
    });
    req.on("error", reject);
    req.on("response", (res) => {
      res.setEncoding("utf8");
      let text = "";
      let final: Answer | null = null;
      res.on("data", (chunk: string) => {
        text += chunk;
        if (!progress || !String(res.headers["content-type"]).startsWith(PROGRESS_TYPE)) return;
        const lines = text.split("\n");
        text = lines.pop() ?? "";
        for (const l of lines.filter(Boolean)) {
          const line = JSON.parse(l) as ImportStreamLine;
          if ("progress" in line) progress.recorded(line.progress.done, line.progress.total);
          else final = line;
        }
      });
      res.on("end", () => {
        if (final) return resolve(final);
        try {
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        } catch {
          reject(new Error(`the server answered ${res.statusCode} with something other than JSON: ${text.slice(0, 200)}`));
        }
      });
      res.on("error", reject);
    });
    // Written in chunks, each counted once the socket has taken it, so the bar shows the upload as it goes.
    let sent = 0;
    const next = () => {
      if (sent >= file.length) return req.end();
      const part = file.subarray(sent, sent + CHUNK);
      req.write(part, () => {
        sent += part.length;
        progress?.uploaded(sent, file.length);
        next();
      });
    };
    next();
  });
}
