// One headless Chromium page whose files come from disk through Playwright's request routing:
// nothing listens and no request leaves the machine. Shared by the browser benchmark
// (bench/browser/bench.mjs) and the rich-paste conversion (bench/rich/convert.mjs).
import { chromium } from '@playwright/test';

// A loopback origin is a secure context (needed for cross-origin isolation); every request to it
// is answered by the route, so nothing listens there and no connection is made.
export const ORIGIN = 'http://127.0.0.1:9';

/**
 * Launches Debian's Chromium (or $CHROMIUM_PATH) headless with the flags this machine needs and
 * opens a page whose requests to ORIGIN are answered by `serve(path)` → `[body, content type]`
 * (plus `headers`); any other request, and any path `serve` answers with null, is aborted and
 * counted. Returns `{ browser, page, refused }`, `refused()` being that count so far. The caller
 * navigates (`page.goto(ORIGIN + '/')`) and closes `browser`.
 */
export async function routedPage(serve, headers = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  let refused = 0;
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const found = url.origin === ORIGIN ? serve(url.pathname) : null;
    if (!found) {
      refused += 1;
      return route.abort();
    }
    return route.fulfill({ status: 200, body: found[0], headers: { 'content-type': found[1], ...headers } });
  });
  const page = await context.newPage();
  return { browser, page, refused: () => refused };
}
