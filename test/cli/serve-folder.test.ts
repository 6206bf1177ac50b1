import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { serveFolder } from '../../src/cli/chromium';

// The browser benchmark serves the built game cross-origin isolated, so the page's clock ticks at 5 µs
// rather than 0.1 ms (benchBrowser.ts); the browser tests serve it as any static host would.

const dir = mkdtempSync(join(tmpdir(), 'forge-serve-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(isolated: boolean | undefined, path: string): Promise<Response> {
  const { server, url } = await serveFolder(dir, isolated === undefined ? {} : { isolated });
  servers.push(server);
  return fetch(new URL(path, url));
}

describe('serveFolder', () => {
  it('sends the cross-origin isolation headers when asked', async () => {
    const r = await get(true, '/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(r.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('sends neither header by default', async () => {
    const r = await get(undefined, '/index.html');
    expect(r.status).toBe(200);
    expect(r.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(r.headers.get('cross-origin-embedder-policy')).toBeNull();
  });

  it('answers 404 for a missing file', async () => {
    expect((await get(true, '/no-such-file.js')).status).toBe(404);
  });
});
