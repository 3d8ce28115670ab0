"use client";
// Why: the request's number is made on the phone and shown before sending, so the volunteer can write it on the letter.
import { useEffect, useRef, useState } from "react";
import { newRequestNumber } from "./request-number";

/** The new request's number, shown large; travels in a hidden `requestId` field; a new one after each reset. */
export function RequestNumber({ label }: { label: string }) {
  const [number, setNumber] = useState("");
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setNumber(newRequestNumber());
    const form = field.current?.form;
    const renew = () => setNumber(newRequestNumber());
    form?.addEventListener("reset", renew);
    return () => form?.removeEventListener("reset", renew);
  }, []);
  return (
    <p className="flex items-baseline gap-3 text-sm text-slate-300">
      {label}
      <span data-request-number={number} className="font-mono text-2xl font-bold tracking-wider text-white">
        {number}
      </span>
      <input ref={field} type="hidden" name="requestId" value={number} />
    </p>
  );
}
