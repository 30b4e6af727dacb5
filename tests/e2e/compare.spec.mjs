// Several documents: opening two files lists them, "Compare" shows the wasm comparison (one
// story for two seeds, two stories for a seed and an unrelated benchmark page), and a shared
// passage opens its document with the lines highlighted.
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { artifactsDir, axeViolations, openPage, seeds, sharedDir, waitAnalyzed, watchPage } from './helpers.mjs';

const SEEDS = seeds();
const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

/** Seed 003 as a second outlet would run it: another headline, a paragraph less, a credit. */
function rewrite(text) {
  const lines = text.split('\n');
  return ['Putin and Xi pledge closer ties hours after Trump sworn in', ...lines.slice(1, 9), ...lines.slice(10), '(With inputs from agencies)'].join('\n');
}

test('two outlets of one story dropped: one story, shared passages link to their lines', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL);
  await openPage(page);
  await page.evaluate(([a, b]) => {
    const data = new DataTransfer();
    data.items.add(new File([a], 'xinhua.txt', { type: 'text/plain' }));
    data.items.add(new File([b], 'other.txt', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [SEEDS[3].text, rewrite(SEEDS[3].text)]);
  await waitAnalyzed(page, SEEDS[3].text.length);
  await expect(page.locator('#doc-list button')).toHaveText(['xinhua.txt', 'other.txt']);

  // Several files at once go straight to the comparison.
  await expect(page.locator('#result[data-compared="2"]')).toBeVisible();
  await expect(page.locator('#result')).toHaveAttribute('data-view', 'compare');
  await expect(page.locator('.verdict')).toHaveAttribute('data-same-story', 'true');
  await expect(page.locator('.verdict')).toHaveText('One story: all 2 documents report the same event.');
  await expect(page.locator('table.sources tr')).toHaveCount(3);
  expect(await axeViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-comparison')]);
  const comparison = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(comparison.same_story).toBe(true);
  expect(comparison.sources).toHaveLength(2);

  // A shared passage opens the other document with its lines highlighted.
  expect(comparison.shared_passages.length).toBeGreaterThan(0);
  const occ = comparison.shared_passages[0].occurrences.find((o) => o.source === 1);
  await page.locator('.passage').first().locator('button', { hasText: 'other.txt' }).click();
  await expect(page.locator('#result[data-doc="1"][data-state="done"]')).toBeVisible();
  await expect(page.locator('#result')).toHaveAttribute('data-highlight', String(occ.lines.length));
  await expect(page.locator(`#article [data-line="${occ.lines[0]}"]`)).toHaveClass(/\bhit\b/);
  // Editing the text forgets the comparison.
  await page.locator('#input').fill(SEEDS[0].text);
  await expect(page.locator('#view-compare')).toBeHidden();
  expect(watch.foreignRequests()).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('a seed and an unrelated benchmark page are two stories', async ({ page }) => {
  await openPage(page);
  const dir = path.join(sharedDir, 'bench', 'text');
  const other = readFileSync(path.join(dir, readdirSync(dir).sort()[0]), 'utf8');
  await page.locator('#file-input').setInputFiles([file('seed.txt', SEEDS[0].text), file('bench.txt', other)]);
  await waitAnalyzed(page, SEEDS[0].text.length);
  await page.click('#view-reading');
  await page.click('#compare-docs'); // comparing again on request gives the same verdict
  await expect(page.locator('#result')).toHaveAttribute('data-view', 'compare');
  await expect(page.locator('.verdict')).toHaveAttribute('data-same-story', 'false');
  await expect(page.locator('.verdict')).toHaveText('2 different stories: seed.txt | bench.txt.');
});

test('the five seeds dropped together: one story, the date disagreement, a screenshot', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await openPage(page);
  await page.evaluate((docs) => {
    const data = new DataTransfer();
    for (const d of docs) data.items.add(new File([d.text], d.name, { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, SEEDS.map((s, i) => ({ name: `seed-${i}.txt`, text: s.text })));
  await expect(page.locator('#result[data-compared="5"]')).toBeVisible();
  await expect(page.locator('#result')).toHaveAttribute('data-view', 'compare');
  await expect(page.locator('.verdict')).toHaveAttribute('data-same-story', 'true');
  // The event date: 2025-01-21 in some sources, 2025-01-22 in another (issue 7's seeds facts).
  const claims = page.locator('.claim-about');
  await expect(claims.first()).toBeVisible();
  const disagreements = (await page.locator('ul.facts-list', { has: claims }).allInnerTexts()).join('\n');
  expect(disagreements).toContain('2025-01-21');
  expect(disagreements).toContain('2025-01-22');
  mkdirSync(path.join(artifactsDir, 'screenshots'), { recursive: true });
  await page.locator('h3', { hasText: 'Disagreements' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifactsDir, 'screenshots', 'compare-seeds.png'), fullPage: false });
  expect(watch.foreignRequests()).toEqual([]);
  expect(watch.errors).toEqual([]);
});
