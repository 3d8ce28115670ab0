"use client";
// Why: the page sends the file as JSON (the session cookie's rule) over XHR, the one browser API that reports upload progress.
import { type ImportStreamLine, PROGRESS_TYPE } from "../../server/domain/registry-import/types";

export type Answer = { status: number; body: any };
export type Progress = { stage: "upload" | "record"; done: number; total: number };

/** The file's bytes as base64, for `{"file":"…"}`. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsDataURL(file);
  });
}

/**
 * POSTs `{"file":…}` to the import API with the session cookie. With `onProgress`, asks for the streamed answer and
 * reports the upload and then the server's recording; resolves with the status and body the server decided.
 */
export function sendImport(query: string, body: { file: string; name: string }, onProgress?: (p: Progress) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/registry/import?${query}`);
    xhr.setRequestHeader("content-type", "application/json");
    if (onProgress) xhr.setRequestHeader("accept", PROGRESS_TYPE);
    let read = 0;
    let final: Answer | null = null;
    const take = () => {
      if (!xhr.getResponseHeader("content-type")?.startsWith(PROGRESS_TYPE)) return;
      const end = xhr.responseText.lastIndexOf("\n") + 1;
      for (const l of xhr.responseText.slice(read, end).split("\n").filter(Boolean)) {
        const line = JSON.parse(l) as ImportStreamLine;
        if ("progress" in line) onProgress?.({ stage: "record", ...line.progress });
        else final = line;
      }
      read = Math.max(read, end);
    };
    xhr.upload.onprogress = (e) => onProgress?.({ stage: "upload", done: e.loaded, total: e.total });
    xhr.onprogress = take;
    xhr.onload = () => {
      take();
      if (final) return resolve(final);
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
      } catch {
        resolve({ status: xhr.status, body: null });
      }
    };
    xhr.onerror = () => reject(new Error("the server cannot be reached"));
    xhr.send(JSON.stringify(body));
  });
}
