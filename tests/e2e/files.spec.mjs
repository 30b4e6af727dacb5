// Files: open several (.txt + .html from the benchmark), drop one, and the messages for binary,
// unsupported and empty files. HTML is converted in the page without loading anything it links.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openPage, seeds, sharedDir, squash, waitAnalyzed, watchPage } from './helpers.mjs';

const SEEDS = seeds();
const BENCH = path.join(sharedDir, 'bench');
const BENCH_ID = '04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34';

test('opening a .txt and a benchmark .html lists both; the HTML becomes lines without any request', async ({ page, baseURL }) => {
  const watch = watchPage(page, baseURL);
  await openPage(page);
  const seed = SEEDS[1];
  const html = gunzipSync(readFileSync(path.join(BENCH, 'html', `${BENCH_ID}.html.gz`)));
  const truth = JSON.parse(readFileSync(path.join(BENCH, 'ground-truth.json'), 'utf8'))[BENCH_ID].articleBody;

  await page.locator('#file-input').setInputFiles([
    { name: 'seed.txt', mimeType: 'text/plain', buffer: Buffer.from(seed.text) },
    { name: 'page.html', mimeType: 'text/html', buffer: html },
  ]);
  await waitAnalyzed(page, seed.text.length);
  await expect(page.locator('#doc-list button')).toHaveText(['seed.txt', 'page.html']);
  await expect(page.locator('#doc-list button').first()).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('#input')).toHaveValue(seed.text);

  await expect(page.locator('#result[data-compared="2"]')).toHaveAttribute('data-view', 'compare');

  await page.locator('#doc-list button', { hasText: 'page.html' }).click();
  await expect(page.locator('#result[data-state="done"][data-doc="1"]')).toBeVisible();
  await expect(page.locator('#result')).toHaveAttribute('data-view', 'reading');
  // The article's first words are in the reading view: the conversion kept the text.
  const opening = squash(truth).split(' ').slice(0, 8).join(' ');
  await expect(page.locator('#article')).toContainText(opening);
  // No markup reached the text box or the lines.
  expect(await page.locator('#input').inputValue()).not.toMatch(/<\/?(script|div|p|a)\b/i);
  // The page's images, scripts and styles were never fetched.
  expect(watch.foreignRequests()).toEqual([]);
  expect(watch.requests.filter((u) => !/\/(|index\.html|[\w-]+\.(js|css|wasm))$/.test(new URL(u).pathname))).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('dropping a file analyzes it', async ({ page }) => {
  await openPage(page);
  const seed = SEEDS[2];
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
    const target = document.getElementById('input');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, seed.text);
  await waitAnalyzed(page, seed.text.length);
  await expect(page.locator('#input')).toHaveValue(seed.text);
  await expect(page.locator('#drop-overlay')).toBeHidden();
});

test('binary, unsupported and empty files get a clear message', async ({ page }) => {
  await openPage(page);
  const cases = [
    [{ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }, '“photo.txt” holds binary data, not text.'],
    [{ name: 'paper.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') }, '“paper.pdf” is not a supported file: open .txt, .md or .html files.'],
    [{ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from(' \n\n ') }, '“empty.txt” is empty: there is no text to analyze.'],
    [{ name: 'blank.html', mimeType: 'text/html', buffer: Buffer.from('<html><head><title>x</title><script>var a=1</script></head><body> </body></html>') }, '“blank.html” is empty: there is no text to analyze.'],
  ];
  for (const [file, message] of cases) {
    await page.locator('#file-input').setInputFiles([file]);
    await expect(page.locator('#status')).toHaveText(message);
  }
});
