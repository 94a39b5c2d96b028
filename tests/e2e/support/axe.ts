/**
 * axe-core on a page of the app: the WCAG 2.x A and AA rules and axe's best practices. Only
 * `serious` and `critical` violations fail a test; they are printed one per element, with the
 * rule, what to fix and where, so that a failure reads without opening a report.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const FAILING = new Set(['serious', 'critical']);

/** The violations of `serious` or `critical` impact on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Result[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.filter((violation) => FAILING.has(violation.impact ?? ''));
}

/** One paragraph per violation and one line per element, e.g. for an assertion's message. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
      return [`[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`, ...nodes].join('\n');
    })
    .join('\n\n');
}
