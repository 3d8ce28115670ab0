// Why: an authorisation matrix is read as a table; a failing cell must be printed among its neighbours, not alone.

/** What a cell may answer: a label for the table and the test. */
export interface Expectation {
  label: string;
  accepts(got: string): boolean;
}

export const status = (...codes: number[]): Expectation => ({
  label: codes.join("|"),
  accepts: (got) => codes.map(String).includes(got),
});

export const success: Expectation = { label: "2xx", accepts: (got) => /^2\d\d$/.test(got) };

export const outcome = (...values: string[]): Expectation => ({ label: values.join("|"), accepts: (got) => values.includes(got) });

export interface Cell {
  row: string;
  col: string;
  expected: Expectation;
  got: string;
}

/** Cells collected row by row; `render` prints them as a table, each failing cell as `got≠expected`. */
export class Matrix {
  readonly cells: Cell[] = [];
  constructor(readonly title: string) {}

  add(row: string, col: string, expected: Expectation, got = "?"): Cell {
    const cell = { row, col, expected, got };
    this.cells.push(cell);
    return cell;
  }

  failures(): string[] {
    return this.cells
      .filter((c) => !c.expected.accepts(c.got))
      .map((c) => `${c.row} × ${c.col}: expected ${c.expected.label}, got ${c.got}`);
  }

  render(): string {
    const rows = [...new Set(this.cells.map((c) => c.row))];
    const cols = [...new Set(this.cells.map((c) => c.col))];
    const text = (row: string, col: string) => {
      const c = this.cells.find((x) => x.row === row && x.col === col);
      if (!c) return "·";
      return c.expected.accepts(c.got) ? c.got : `✗ ${c.got}≠${c.expected.label}`;
    };
    const table = [["", ...cols], ...rows.map((r) => [r, ...cols.map((c) => text(r, c))])];
    const widths = cols.map((_, i) => Math.max(...table.map((line) => (line[i + 1] ?? "").length)));
    const first = Math.max(...table.map((line) => (line[0] ?? "").length));
    const lines = table.map((line) => [line[0]?.padEnd(first), ...widths.map((w, i) => (line[i + 1] ?? "").padEnd(w))].join(" │ "));
    const failed = this.failures().length;
    return [`${this.title}: ${this.cells.length} cells, ${failed} failing`, ...lines].join("\n");
  }
}

/** Runs `fn` over `items`, at most `width` at a time, keeping the order of the results. */
export async function inPool<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}
