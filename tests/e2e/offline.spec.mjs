// Offline: dist/presslens.html works from file:// with every network request blocked, and the
// served site keeps working from its service worker once the server is gone.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lineCount, repoRoot, seeds, waitAnalyzed } from './helpers.mjs';

const SEED3 = seeds().find((s) => s.id.startsWith('003_'));
const SINGLE = path.join(repoRoot, 'dist', 'presslens.html');

test('dist/presslens.html analyzes a seed from file:// with the network blocked', async ({ browser }) => {
  expect(existsSync(SINGLE), 'run scripts/build-wasm.sh first').toBe(true);
  const context = await browser.newContext({ offline: true });
  const requests = [];
  const errors = [];
  context.on('request', (req) => requests.push(req.url()));
  await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort());
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  await page.goto(pathToFileURL(SINGLE).href);
  await page.locator('#result[data-state="ready"]').waitFor();
  await page.locator('#input').fill(SEED3.text);
  await waitAnalyzed(page, SEED3.text.length);
  await expect(page.locator('#title')).toHaveText(SEED3.gold.title);
  await page.click('#view-original');
  await expect(page.locator('#lines[data-rendered="all"] > li')).toHaveCount(lineCount(SEED3.text));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  expect(JSON.parse(readFileSync(await download.path(), 'utf8')).title).toBe(SEED3.gold.title);
  expect(requests.filter((url) => !/^(file|data|blob):/.test(url))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server at ${url} did not start`);
}

test('the served page works offline after one visit (service worker)', async ({ browser }) => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}/`;
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', path.join(repoRoot, 'dist', 'www')], { stdio: 'ignore' });
  try {
    await waitForServer(origin);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin);
    await page.locator('html[data-offline="ready"]').waitFor({ state: 'attached' });
    await page.locator('#result[data-state="ready"]').waitFor();
    server.kill();
    await new Promise((r) => server.once('exit', r));
    await expect(fetch(origin)).rejects.toThrow(); // the server is really gone

    await page.reload();
    await page.locator('#result[data-state="ready"]').waitFor();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await page.locator('#input').fill(SEED3.text);
    await waitAnalyzed(page, SEED3.text.length);
    await expect(page.locator('#title')).toHaveText(SEED3.gold.title);
    await context.close();
  } finally {
    if (server.exitCode === null) server.kill();
  }
});

test("the service worker's file list is exactly the page's files", () => {
  const sw = readFileSync(path.join(repoRoot, 'www', 'sw.js'), 'utf8');
  const listed = [...sw.match(/const FILES = \[([\s\S]*?)\];/)[1].matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
  const www = path.join(repoRoot, 'www');
  const pageFiles = readdirSync(www).filter((f) => /\.(html|js|css)$/.test(f) && f !== 'sw.js');
  const pkgFiles = readdirSync(path.join(www, 'pkg')).filter((f) => /\.(js|wasm)$/.test(f)).map((f) => `pkg/${f}`);
  expect(listed).toEqual(['./', ...pageFiles, ...pkgFiles].sort());
  // The served site (modules bundled by scripts/build-site.sh) lists its own files.
  const dist = path.join(repoRoot, 'dist', 'www');
  const distSw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const distListed = [...distSw.match(/FILES\s*=\s*\[([\s\S]*?)\]/)[1].matchAll(/["']([^"']+)["']/g)].map((m) => m[1]).sort();
  const distFiles = readdirSync(dist, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.(html|js|css|wasm)$/.test(f) && f !== 'sw.js');
  expect(distListed).toEqual(['./', ...distFiles].sort());
});
