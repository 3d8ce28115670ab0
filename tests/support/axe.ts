// Why: runs axe-core inside a real page and reports each serious or critical violation so a failure says what to fix.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
let source: string | undefined;

/** The part of axe-core's result a report needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string; html: string }[];
}

/** Injects axe-core into the page (once per document) and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  source ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!present) await page.addScriptTag({ content: source });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** One readable paragraph per violation: rule, help, and the first few elements with why each fails. */
export function describeViolations(violations: AxeViolation[], shown = 5): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, shown).map((n) => {
        const why = (n.failureSummary ?? "").replace(/\s+/g, " ").trim();
        return `    - ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n      ${why}`;
      });
      const more = v.nodes.length > shown ? `\n    … and ${v.nodes.length - shown} more` : "";
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join("\n")}${more}`;
    })
    .join("\n");
}
