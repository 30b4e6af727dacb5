// The served page end to end: paste a seed, see its title and line kinds, export, stay local.
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { artifactsDir, pasteText, seeds, watchPage } from './helpers.mjs';

const SEEDS = seeds();

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('pasting seed 003 shows its title, line kinds, and exports the analysis', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL);
  const seed = SEEDS.find((s) => s.id.startsWith('003_'));
  await page.goto('/');
  await expect(page.locator('#result')).toHaveAttribute('data-state', 'ready');

  await pasteText(page, seed.text);
  await expect(page.locator('#result')).toHaveAttribute('data-state', 'done');
  await expect(page.locator('#title')).toHaveText(seed.gold.title);

  // One list item per input line, tinted by kind; the title line is labelled title.
  const lineCount = seed.text.split(/\r\n|\r|\n/).length;
  await expect(page.locator('#lines[data-rendered="all"]')).toBeVisible();
  await expect(page.locator('#lines > li')).toHaveCount(lineCount);
  for (const n of seed.gold.title_lines) {
    await expect(page.locator(`#lines > li[data-line="${n}"]`)).toHaveAttribute('data-kind', 'title');
  }
  await expect(page.locator('#lines > li[data-line="1"]')).toHaveAttribute('title', /^title: \S/);
  // The legend counts add up to the number of lines.
  const counts = await page.locator('#legend .count').allTextContents();
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(lineCount);
  await expect(page.locator('#legend [data-kind="body"]')).toBeVisible();

  // The clean article pane holds the article paragraphs.
  const firstBody = seed.gold.body_lines[0];
  const firstBodyText = seed.text.split(/\r\n|\r|\n/)[firstBody - 1].trim();
  await expect(page.locator('#article p').first()).toHaveText(firstBodyText.replace(/\s+/g, ' '));

  // Download JSON: named after the title, holding the same analysis the page shows.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  expect(download.suggestedFilename()).toBe('xi-and-putin-strengthen-ties-in-call-following-trump-s-inauguration.json');
  const analysis = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(analysis.title).toBe(seed.gold.title);
  expect(analysis.lines).toHaveLength(lineCount);
  const domKinds = await page.locator('#lines > li').evaluateAll((items) => items.map((li) => li.dataset.kind));
  expect(analysis.lines.map((l) => l.kind)).toEqual(domKinds);
  expect(analysis.body).toContain(firstBodyText.replace(/\s+/g, ' '));

  // Copy clean text puts exactly the body on the clipboard.
  await page.click('#copy-text');
  await expect(page.locator('#status')).toHaveText('Clean text copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(analysis.body);

  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, 'page-seed-003.png'), fullPage: true });

  expect(watch.foreignRequests()).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('every seed typed in gets its own analysis: the title line, an article, one item per line', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL);
  await page.goto('/');
  await expect(page.locator('#result')).toHaveAttribute('data-state', 'ready');
  for (const seed of SEEDS) {
    await page.fill('#input', seed.text); // an input event that is not a paste: the debounced path
    await expect(page.locator(`#result[data-state="done"][data-chars="${seed.text.length}"]`)).toBeVisible();
    await expect(page.locator('#lines[data-rendered="all"] > li')).toHaveCount(seed.text.split(/\r\n|\r|\n/).length);
    // The heading shows the text of the first line labelled title.
    const titleLines = page.locator('#lines > li[data-kind="title"] .line-text');
    const expected = (await titleLines.count()) > 0 ? await titleLines.first().textContent() : 'No title found';
    await expect(page.locator('#title')).toHaveText(expected);
    await expect(page.locator('#article p').first()).not.toHaveText('');
  }
  await page.fill('#input', '   ');
  await expect(page.locator('#result')).toHaveAttribute('data-state', 'empty');
  await expect(page.locator('#lines > li')).toHaveCount(0);
  expect(watch.foreignRequests()).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('pasted markup is shown as text, never interpreted', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#result')).toHaveAttribute('data-state', 'ready');
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\nA headline <b>bold</b>\n';
  await pasteText(page, hostile);
  await expect(page.locator('#result')).toHaveAttribute('data-state', 'done');
  await expect(page.locator('#lines > li[data-line="1"] .line-text')).toHaveText(hostile.split('\n')[0]);
  expect(await page.locator('#result img, #result script, #result b').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
