/**
 * The order people read building and unit labels in: 2号楼 before 10号楼, 101 before 1001,
 * B-9 before B-10. Pure and locale-free, so the server and every phone sort alike.
 */

const RUNS = /\d+|\D+/g;

/** Splits a label into runs of digits and of other characters; full-width digits count as digits. */
function runs(label: string): string[] {
  return label.normalize("NFKC").toLowerCase().match(RUNS) ?? [];
}

/** Compares two runs of digits by value, then the one with fewer leading zeros first. */
function compareNumbers(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  if (x.length !== y.length) return x.length - y.length;
  if (x !== y) return x < y ? -1 : 1;
  return a.length - b.length;
}

const isDigits = (s: string) => s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57;

/** Natural order of two labels: numbers inside them compare by value, the rest character by character. */
export function naturalCompare(a: string, b: string): number {
  const ra = runs(a);
  const rb = runs(b);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i] as string;
    const y = rb[i] as string;
    const c = isDigits(x) && isDigits(y) ? compareNumbers(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  if (ra.length !== rb.length) return ra.length - rb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
