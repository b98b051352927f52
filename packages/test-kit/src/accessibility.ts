import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

type Violation = { id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> };

/**
 * Runs axe-core (WCAG 2.2 A and AA, and best practices) on what the page shows now, and fails on
 * any serious or critical violation, naming the rule and the elements. Injected with evaluate, so
 * a strict Content-Security-Policy does not stop it.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.slice(0, 5).map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
  const serious = (violations as Violation[]).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = serious.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(report, `accessibility of ${screen}`).toEqual([]);
}
