"use client";
// Why: "fix" re-opens the form a refused action came from, filled in as it was, so the volunteer changes only what was wrong.

/** Pickers and other stateful fields listen for this on their form (detail: the fields by name). */
export const FILL_EVENT = "cordon:fill";

function setPlain(form: HTMLFormElement, fields: Record<string, string>): void {
  for (const [name, value] of Object.entries(fields)) {
    const el = form.elements.namedItem(name);
    if (el instanceof HTMLSelectElement) el.value = value;
    else if (el instanceof HTMLInputElement && !el.readOnly && el.type !== "hidden" && el.type !== "file") {
      if (el.type === "checkbox") el.checked = value === "on";
      else el.value = value;
    }
  }
}

/** Resets the form `formId`, fills it with `fields` and scrolls to it; false when the screen has no such form. */
export function fillForm(formId: string, fields: Record<string, string>): boolean {
  const form = document.querySelector<HTMLFormElement>(`form[data-form="${CSS.escape(formId)}"]`);
  if (!form) return false;
  form.reset();
  form.dispatchEvent(new CustomEvent(FILL_EVENT, { detail: fields }));
  // Fields that appear once a picker has its value (a test report's time) are filled after React has drawn them.
  requestAnimationFrame(() =>
    setTimeout(() => {
      setPlain(form, fields);
      form.scrollIntoView({ block: "start", behavior: "smooth" });
    }, 0),
  );
  return true;
}
