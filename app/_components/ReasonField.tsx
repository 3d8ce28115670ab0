// Why: the reason a secretary gives in a confirmation (an undo, a move-out, a seal) is one field, the same everywhere.

/** A short free-text reason, kept with the event (at most 500 characters, as the events allow). */
export function ReasonField({
  label,
  name,
  value,
  onChange,
  required,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <textarea
        name={name}
        value={value}
        required={required}
        maxLength={500}
        rows={2}
        onChange={(e) => onChange(e.target.value)}
        className="rounded bg-slate-800 px-2 py-1 text-base"
      />
    </label>
  );
}
