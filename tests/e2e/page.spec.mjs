// The served page end to end: paste each seed, the reading view and the original paste, exports
// (file contents checked), keyboard use, highlights, saved work, and that it stays local.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { lineCount, openPage, pasteText, renderAllLines, seedLine, seeds, waitAnalyzed, watchPage } from './helpers.mjs';

const SEEDS = seeds();
const SEED3 = SEEDS.find((s) => s.id.startsWith('003_'));

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('pasting seed 003: title, reading view, line kinds, legend; nothing leaves 127.0.0.1', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL);
  await openPage(page);
  await pasteText(page, SEED3.text);
  await waitAnalyzed(page, SEED3.text.length);
  await expect(page.locator('#title')).toHaveText(SEED3.gold.title);

  // Reading view: paragraphs and headings of the article, in order.
  const firstBody = seedLine(SEED3, SEED3.gold.body_lines[0]);
  await expect(page.locator('#article p').first()).toHaveText(firstBody);
  await expect(page.locator('#article h3')).toHaveText(SEED3.gold.headings.map((n) => seedLine(SEED3, n)));

  // Original paste: one item per input line, tinted by kind, reason on hover, legend adds up.
  await page.click('#view-original');
  const n = lineCount(SEED3.text);
  await expect(page.locator('#lines[data-rendered="all"] > li')).toHaveCount(n);
  for (const line of SEED3.gold.title_lines) {
    await expect(page.locator(`#lines > li[data-line="${line}"]`)).toHaveAttribute('data-kind', 'title');
  }
  await expect(page.locator('#lines > li[data-line="1"]')).toHaveAttribute('title', /^title: \S/);
  const counts = await page.locator('#legend .count').allTextContents();
  expect(counts.map((c) => Number(c.replace(/,/g, ''))).reduce((a, b) => a + b, 0)).toBe(n);
  await expect(page.locator('#removed')).toHaveText(/^(Removed \d+ lines?: |Nothing removed)/);

  expect(watch.foreignRequests()).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('every seed pasted gets its own analysis: exact title, article, one item per line', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL);
  await openPage(page);
  for (const seed of SEEDS) {
    await page.locator('#input').fill('');
    await pasteText(page, seed.text);
    await waitAnalyzed(page, seed.text.length);
    await page.click('#view-original');
    await renderAllLines(page);
    await expect(page.locator('#lines[data-rendered="all"] > li')).toHaveCount(lineCount(seed.text));
    await expect(page.locator('#lines > li[data-kind="title"]').first()).toBeVisible();
    await expect(page.locator('#title')).toHaveText(seed.gold.title); // exact for every seed (as natively)
    await page.click('#view-reading');
    await expect(page.locator('#article p').first()).not.toHaveText('');
  }
  // Typing goes through the debounced path; a blank input empties the result.
  await page.locator('#input').fill('   ');
  await expect(page.locator('#result')).toHaveAttribute('data-state', 'empty');
  await expect(page.locator('#status')).toHaveText('Nothing to analyze: the paste is empty.');
  await expect(page.locator('#lines > li')).toHaveCount(0);
  expect(watch.foreignRequests()).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('exports: JSON, Markdown and text downloads named after the title, and copy', async ({ page }) => {
  await openPage(page);
  await pasteText(page, SEED3.text);
  await waitAnalyzed(page, SEED3.text.length);
  const stem = 'xi-and-putin-strengthen-ties-in-call-following-trump-s-inauguration';
  const grab = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  };

  const json = await grab('#download-json');
  expect(json.name).toBe(`${stem}.json`);
  const analysis = JSON.parse(json.text);
  expect(analysis.title).toBe(SEED3.gold.title);
  expect(analysis.lines).toHaveLength(lineCount(SEED3.text));
  await page.click('#view-original');
  const domKinds = await page.locator('#lines > li').evaluateAll((items) => items.map((li) => li.dataset.kind));
  expect(analysis.lines.map((l) => l.kind)).toEqual(domKinds);

  const md = await grab('#download-md');
  expect(md.name).toBe(`${stem}.md`);
  expect(md.text.startsWith(`# ${SEED3.gold.title}\n\n`)).toBe(true);
  for (const n of SEED3.gold.headings) expect(md.text).toContain(`\n## ${seedLine(SEED3, n)}\n`);

  const txt = await grab('#download-txt');
  expect(txt.name).toBe(`${stem}.txt`);
  expect(txt.text).toBe(`${analysis.title}\n\n${analysis.body}\n`);

  await page.click('#copy-text');
  await expect(page.locator('#status')).toHaveText('Clean text copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(analysis.body);
});

test('keyboard: Ctrl+Enter analyzes, Alt+Shift+V switches view, Alt+Shift+J downloads, focus is visible', async ({ page }) => {
  await openPage(page);
  await page.locator('#input').focus();
  await page.evaluate((t) => {
    const box = document.getElementById('input');
    box.value = t; // no input event: only the shortcut can start the analysis
  }, SEED3.text);
  await page.keyboard.press('Control+Enter');
  await waitAnalyzed(page, SEED3.text.length);
  await page.keyboard.press('Alt+Shift+V');
  await expect(page.locator('#result')).toHaveAttribute('data-view', 'original');
  await expect(page.locator('#view-original')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Alt+Shift+V');
  await expect(page.locator('#result')).toHaveAttribute('data-view', 'reading');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+Shift+J')]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  // Tab order from the text box reaches the buttons in reading order.
  await page.locator('#input').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('#analyze-now')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#open-files')).toBeFocused();
});

test('clicking a fact in the side panel highlights its lines', async ({ page }) => {
  await openPage(page);
  await pasteText(page, SEED3.text);
  await waitAnalyzed(page, SEED3.text.length);
  const panel = page.locator('#facts');
  await expect(panel).toBeVisible();
  const heading = seedLine(SEED3, SEED3.gold.headings[1]);
  await panel.locator('[data-section="headings"] .fact', { hasText: heading }).click();
  await expect(page.locator('#result')).toHaveAttribute('data-highlight', /^[1-9]\d*$/);
  await expect(page.locator('#article .hit mark').first()).toHaveText(heading);
  await expect(page.locator('#article .hit').first()).toBeInViewport();
  await page.click('#view-original');
  await expect(page.locator('#lines > li.hit .line-text')).toContainText([heading]);
  await page.click('#view-reading');

  // People, quotes and figures carry their own line numbers: each click marks those lines.
  for (const kind of ['people', 'quotes', 'figures']) {
    const fact = panel.locator(`[data-section="${kind}"] .fact`).first();
    await expect(fact, `seed 003 has ${kind}`).toBeVisible();
    await page.evaluate(() => delete document.getElementById('result').dataset.highlight);
    await fact.click();
    await expect(page.locator('#result')).toHaveAttribute('data-highlight', /^[1-9]\d*$/);
    await expect(page.locator('#article .hit').first()).toBeVisible();
  }
  await panel.locator('[data-section="people"] .fact').first().click();
  await expect(page.locator('#article .hit mark').first()).toBeVisible();
});

test('pasted markup is shown as text, never interpreted', async ({ page }) => {
  await openPage(page);
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\nA headline <b>bold</b>\n';
  await pasteText(page, hostile);
  await waitAnalyzed(page, hostile.length);
  await page.click('#view-original');
  await expect(page.locator('#lines > li[data-line="1"] .line-text')).toHaveText(hostile.split('\n')[0]);
  expect(await page.locator('#result img, #result script, #result b').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('the paste survives a reload; Clear forgets it', async ({ page }) => {
  await openPage(page);
  await pasteText(page, SEED3.text);
  await waitAnalyzed(page, SEED3.text.length);
  // Saving is debounced: wait until it is in storage, then reload.
  await page.locator(`#result[data-saved="${SEED3.text.length}"]`).waitFor({ state: 'attached' });
  await page.reload();
  await waitAnalyzed(page, SEED3.text.length);
  await expect(page.locator('#input')).toHaveValue(SEED3.text);
  await expect(page.locator('#title')).toHaveText(SEED3.gold.title);
  await page.click('#clear');
  await expect(page.locator('#result')).toHaveAttribute('data-state', 'empty');
  await expect(page.locator('#input')).toHaveValue('');
  await page.locator('#result[data-saved="0"]').waitFor({ state: 'attached' });
  await page.reload();
  await expect(page.locator('#result')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#input')).toHaveValue('');
});
