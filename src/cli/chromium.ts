import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

// Node-side tools for looking at the built game in Debian's Chromium: a static server on loopback and
// the one way we launch the browser (playwright-core, a fresh profile folder, no downloads). The
// browser tests (test/e2e/harness.ts) and the browser benchmark (benchBrowser.ts) both use them.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

/**
 * Serves a built folder on 127.0.0.1 at a free port. `isolated`: with the cross-origin isolation headers
 * (COOP/COEP), so the page's clock (performance.now(), requestAnimationFrame times) ticks at 5 µs instead
 * of Chromium's 0.1 ms for other pages. Every file the game loads is from this one origin.
 */
export function serveFolder(dir: string, o: { isolated?: boolean } = {}): Promise<{ server: Server; url: string }> {
  const isolation = o.isolated ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...isolation });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/` });
  }));
}

/** Headless Chromium (CHROMIUM_PATH or /usr/bin/chromium) with the given profile folder. */
export function launchChromium(profile: string, width = 1280, height = 720): Promise<BrowserContext> {
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
