// Playwright e2e tests of the page, in Debian's chromium (no browser download; see
// ../shared/notes/toolchain.md §4). scripts/test.sh builds www/pkg first and picks a free port
// (PRESSLENS_E2E_PORT); the config rewrites the served site dist/www from www/ (so edited page
// sources are what is tested; scripts/build-site.sh) and starts python's static server on
// 127.0.0.1 for the run.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.PRESSLENS_E2E_PORT || 8719);
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './artifacts/test-results',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'artifacts/e2e-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    acceptDownloads: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: {
    command: `bash scripts/build-site.sh && python3 -m http.server ${port} --bind 127.0.0.1 --directory dist/www`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
