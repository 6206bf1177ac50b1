import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Serves the production build on loopback and drives Debian's Chromium with playwright-core.
const HERE = dirname(fileURLToPath(import.meta.url));
// FORGE_DIST lets several people (or helpers) build and test side by side without sharing one dist/.
const DIST = process.env.FORGE_DIST ?? join(HERE, '../../dist');
export const RESULTS = join(HERE, '../../test-results');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

export async function serveDist(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    let file = join(DIST, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/` };
}

export async function launchBrowser(width = 1280, height = 720): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'forge-shield-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Collects console errors, page errors and failed requests for the run. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
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
