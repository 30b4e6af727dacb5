// Rich paste: the clipboard carries a benchmark page's HTML (text/html) next to its plain text.
// The page converts the HTML with rich.js (inert DOMParser document) into lines plus page-structure
// hints, the worker analyzes them with the rich line model, and nothing the HTML links is loaded
// or run. A paste whose HTML holds no text falls back to the plain text; editing drops the hints.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openPage, sharedDir, squash, waitAnalyzed, watchPage, seeds } from './helpers.mjs';

const BENCH = path.join(sharedDir, 'bench');
const BENCH_ID = '04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34';
// Would set a flag if anything of the pasted HTML ran.
const PAYLOAD = '<img src="x-never-loaded.png" onerror="window.__richPwned = 1"><script>window.__richPwned = 2</script>';

/** Dispatches a paste on #input whose clipboard holds `html` and `text`, as a browser copy does. */
async function dispatchPaste(page, html, text) {
  await page.evaluate(({ html, text }) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', text);
    const input = document.getElementById('input');
    input.focus();
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { html, text });
}

test('a rich paste of a benchmark page uses its HTML structure: right title and body, nothing loaded or run', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL);
  await openPage(page);
  const html = gunzipSync(readFileSync(path.join(BENCH, 'html', `${BENCH_ID}.html.gz`))).toString('utf8');
  const plain = readFileSync(path.join(BENCH, 'text', `${BENCH_ID}.txt`), 'utf8');
  const truth = JSON.parse(readFileSync(path.join(BENCH, 'ground-truth.json'), 'utf8'))[BENCH_ID].articleBody;
  const meta = JSON.parse(readFileSync(path.join(BENCH, 'meta.json'), 'utf8'))[BENCH_ID];

  await dispatchPaste(page, html.replace('<body', `<body>${PAYLOAD}<div`), plain);
  await expect(page.locator('#result[data-state="done"][data-rich="used"]')).toBeVisible();
  await expect(page.locator('#input-note')).toContainText('Rich paste:');
  await expect(page.locator('#input-note')).toContainText("lines with the page's structure");
  await expect(page.locator('#status')).toContainText('Page structure from the pasted HTML used');
  await expect(page.locator('#title')).toHaveText(meta.title);
  // The article's first and last words are in the reading view; the page's chrome is not.
  const words = squash(truth).split(' ');
  await expect(page.locator('#article')).toContainText(words.slice(0, 10).join(' '));
  await expect(page.locator('#article')).toContainText(words.slice(-8).join(' '));
  for (const chrome of ['Continue reading the main story', 'Site Index', 'Advertisement']) {
    await expect(page.locator('#article')).not.toContainText(chrome);
  }
  // The text box holds the converted lines, never markup.
  const boxed = await page.locator('#input').inputValue();
  expect(boxed).toContain(words.slice(0, 10).join(' '));
  expect(boxed).not.toMatch(/<\/?(script|div|p|a|img)\b/i);
  expect(await page.evaluate(() => window.__richPwned)).toBeUndefined();
  expect(await page.locator('img[src*="x-never-loaded"], script:not([src])').count()).toBe(0);
  expect(watch.foreignRequests()).toEqual([]);
  expect(watch.requests.filter((u) => !/\/(|index\.html|[\w-]+\.(js|css|wasm))$/.test(new URL(u).pathname))).toEqual([]);
  expect(watch.errors).toEqual([]);

  // An edit makes it a plain text: the hints no longer match the lines and are dropped.
  await page.locator('#input').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' x');
  await expect(page.locator('#result[data-state="done"]')).toBeVisible();
  await expect(page.locator('#result')).not.toHaveAttribute('data-rich', 'used');
  expect(watch.errors).toEqual([]);
});

test('a paste whose HTML has no text uses the plain text', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL);
  await openPage(page);
  const seed = seeds()[0];
  await page.evaluate(async (text) => {
    const item = new ClipboardItem({
      'text/html': new Blob(['<img src="data:,"><div hidden>hidden text</div>'], { type: 'text/html' }),
      'text/plain': new Blob([text], { type: 'text/plain' }),
    });
    await navigator.clipboard.write([item]);
  }, seed.text);
  await page.locator('#input').focus();
  await page.keyboard.press('Control+V');
  await waitAnalyzed(page, seed.text.length);
  await expect(page.locator('#result')).not.toHaveAttribute('data-rich', 'used');
  await expect(page.locator('#input')).toHaveValue(seed.text);
  expect(watch.foreignRequests()).toEqual([]);
  expect(watch.errors).toEqual([]);
});
