import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The phone the portal must fit: an iPhone 12 to 15's viewport, in CSS pixels. */
export const PHONE = { width: 390, height: 844 };

/** What the portal must never have: axe-core's serious and critical findings. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Fails, listing each of them (rule, what it asks, the elements that break it and why), when axe-core
 * finds a serious or critical accessibility violation on the page as it is now.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations.filter((violation) => violation.impact && BLOCKING.has(violation.impact));
  if (blocking.length === 0) return;
  const viewport = page.viewportSize();
  const findings = blocking.map((violation) =>
    [
      `- ${violation.id} (${violation.impact}): ${violation.help} (${violation.helpUrl})`,
      ...violation.nodes.map(
        (node) =>
          `    ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
      ),
    ].join('\n'),
  );
  throw new Error(
    `${blocking.length} serious or critical accessibility violations on ${new URL(page.url()).pathname}` +
      ` at ${viewport?.width ?? '?'} px:\n${findings.join('\n')}`,
  );
}

interface SidewaysScroll {
  scrollWidth: number;
  clientWidth: number;
  sticking: string[];
}

/**
 * Run in the page (the e2e code has no DOM types): how far it scrolls sideways, and the outermost
 * elements whose right edge is past the window's.
 */
const SIDEWAYS_SCROLL = `(() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth + 1) return null;
  const past = (element) => element.getBoundingClientRect().right > root.clientWidth + 1;
  const sticking = [...document.body.querySelectorAll('*')]
    .filter((element) => past(element) && !past(element.parentElement))
    .slice(0, 10)
    .map((element) => {
      const classes = [...element.classList].map((name) => '.' + name).join('');
      const right = Math.round(element.getBoundingClientRect().right);
      return element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + classes + ' (right edge at ' + right + ' px)';
    });
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, sticking };
})()`;

/**
 * Fails, naming the elements that stick out, when the page scrolls sideways: what a phone's
 * reader would have to do to read it.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate<SidewaysScroll | null>(SIDEWAYS_SCROLL);
  if (!overflow) return;
  throw new Error(
    `${new URL(page.url()).pathname} scrolls sideways: ${overflow.scrollWidth} px wide in a ${overflow.clientWidth} px window.` +
      ` Sticking out:\n${overflow.sticking.map((line) => `  ${line}`).join('\n')}`,
  );
}
