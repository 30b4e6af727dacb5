// Shared helpers of the e2e tests: the seed files, and a guard that records every request and
// console error of a page so each test can assert the page stayed local and quiet.
import { expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const artifactsDir = path.join(repoRoot, 'artifacts');

/** The five seeds: { id, text, gold }. */
export function seeds() {
  const dir = path.join(sharedDir, 'seeds');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({
      id: name.replace(/\.txt$/, ''),
      text: readFileSync(path.join(dir, name), 'utf8'),
      gold: JSON.parse(readFileSync(path.join(dir, name.replace(/\.txt$/, '.gold.json')), 'utf8')),
    }));
}

/**
 * Records requests and console errors of `page`. `foreignRequests()` lists requests whose URL is
 * not on `origin` (data: and blob: URLs are local and allowed); `errors` holds console errors and
 * uncaught exceptions, including those of workers.
 */
export function watchPage(page, origin) {
  const requests = [];
  const errors = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('worker', (worker) => {
    worker.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`worker console: ${msg.text()}`);
    });
  });
  return {
    requests,
    errors,
    foreignRequests: () =>
      requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')),
  };
}

/** Puts `text` on the clipboard and pastes it into #input with Ctrl+V, like a user. */
export async function pasteText(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#input').focus();
  await page.keyboard.press('Control+V');
}

/** Opens the page and waits until the analyzer is ready. */
export async function openPage(page, url = '/') {
  await page.goto(url);
  await page.locator('#result[data-state="ready"]').waitFor();
}

/** Waits until the page shows the analysis of a text of `chars` characters. */
export async function waitAnalyzed(page, chars) {
  await page.locator(`#result[data-state="done"][data-chars="${chars}"]`).waitFor();
}

/** Line count of a text as the contract defines lines (split on \n, \r\n, \r). */
export function lineCount(text) {
  return text.split(/\r\n|\r|\n/).length;
}

/** Normalizes whitespace as the core does for line text. */
export function squash(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/** The whitespace-normalized text of 1-based line `n` of a seed. */
export function seedLine(seed, n) {
  return squash(seed.text.split(/\r\n|\r|\n/)[n - 1]);
}

const AXE = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations of the page as it is now ("rule (impact): nodes"). */
export async function axeViolations(page) {
  await page.evaluate(AXE); // evaluated through the devtools protocol: the page's CSP is untouched
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Loads every page of the original-paste list (as scrolling would) until all lines are in. */
export async function renderAllLines(page) {
  const list = page.locator('#lines');
  while ((await list.getAttribute('data-rendered')) !== 'all') {
    const count = await page.locator('#lines > li').count();
    if (await page.locator('#lines-more').isVisible()) await page.locator('#lines-more').click();
    await expect.poll(async () => (await list.getAttribute('data-rendered')) === 'all' || (await page.locator('#lines > li').count()) > count).toBe(true);
  }
}
