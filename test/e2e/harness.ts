import type { Server } from 'node:http';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, serveFolder } from '../../src/cli/chromium';

// Serves the production build on loopback and drives Debian's Chromium with playwright-core.
const HERE = dirname(fileURLToPath(import.meta.url));
// FORGE_DIST lets several people (or helpers) build and test side by side without sharing one dist/.
const DIST = process.env.FORGE_DIST ?? join(HERE, '../../dist');
export const RESULTS = join(HERE, '../../test-results');

export function serveDist(): Promise<{ server: Server; url: string }> {
  return serveFolder(DIST);
}

export function launchBrowser(width = 1280, height = 720): Promise<BrowserContext> {
  return launchChromium(mkdtempSync(join(tmpdir(), 'forge-shield-chromium-')), width, height);
}

/** For a test file: serves the build and opens one Chromium before its tests, closes both after them. */
export function servedGame(): { readonly url: string; readonly browser: BrowserContext } {
  let served: { server: Server; url: string } | undefined;
  let browser: BrowserContext | undefined;
  beforeAll(async () => {
    served = await serveDist();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    served?.server.close();
  });
  return {
    get url() { if (!served) throw new Error('the build is not served yet'); return served.url; },
    get browser() { if (!browser) throw new Error('Chromium is not open yet'); return browser; },
  };
}

// The tests find things as a person does: by role and accessible name, label or visible text
// (Playwright's user-facing locators), not by test ids in the game's code.

/** A scenario in the menu's list, by its title. */
export const scenarioCard = (page: Page, title: string) => page.getByRole('group', { name: 'Scenarios' }).getByRole('button').filter({ hasText: title });

/** The menu's start button, "Start “<the scenario chosen>”". */
export const startButton = (page: Page) => page.getByRole('button', { name: /^Start “/ });

/** Opens a replay file from the menu as a person does: "Open a replay file…", then the file chooser. */
export async function chooseReplayFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open a replay file…' }).click()]);
  await chooser.setFiles(path);
}

/** Collects console errors, page errors and failed requests for the run. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    // A reload or navigation cancels what the old page was still fetching (images in the side panel,
    // say): Chromium reports those as aborted. A missing file still shows as an HTTP status below.
    if (error === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.url()} ${error}`);
  });
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  // Headless software compositing can keep a stale tile of the WebGL canvas under the overlay;
  // nudging the canvas's opacity makes it repaint whole before the capture.
  await page.evaluate(() => { const c = document.querySelector('canvas'); if (c) c.style.opacity = '0.999'; });
  await page.waitForTimeout(60);
  await page.screenshot({ path });
  await page.evaluate(() => { const c = document.querySelector('canvas'); if (c) c.style.opacity = ''; });
  return path;
}

/** Reads back what the game drew (Phaser's own snapshot) and counts distinct colours in a grid of samples. */
export async function distinctSampledColours(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const game = (window as unknown as { __forge?: { game: { renderer: { snapshot: (cb: (img: HTMLImageElement) => void) => void } } } }).__forge?.game;
    if (!game) return 0;
    const image = await new Promise<HTMLImageElement>((resolve) => game.renderer.snapshot((img) => resolve(img)));
    if (!image.complete) await new Promise((r) => { image.onload = r; });
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const g = canvas.getContext('2d')!;
    g.drawImage(image, 0, 0);
    const seen = new Set<string>();
    for (let x = 8; x < image.width; x += Math.floor(image.width / 64))
      for (let y = 8; y < image.height; y += Math.floor(image.height / 36)) {
        const [r, gr, b] = g.getImageData(x, y, 1, 1).data;
        seen.add(`${r},${gr},${b}`);
      }
    return seen.size;
  });
}
