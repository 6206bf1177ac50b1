import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, serveFolder } from './chromium';
import { waveRun, type WaveRun } from './benchWave';
import { fixed, machine, median, printTable, quantile, writeSection, type Row } from './benchStats';

/**
 * Chromium coarsens performance.now() (and so requestAnimationFrame times) to 0.1 ms, with a random rounding
 * threshold, on a page that is not cross-origin isolated: there a steady 60 Hz refresh (16.67 ms) reads as
 * deltas of 16.6, 16.7 and now and then 16.8 ms, and an empty page's p95 reads 16.7 or 16.8 by chance. The
 * game is served cross-origin isolated (serveFolder's `isolated`), where the clock ticks at 5 µs and the same
 * empty page reads 16.660–16.670 ms. The budget allows half a tick of whichever clock the page had.
 */
const clockTickMs = (isolated: boolean): number => (isolated ? 0.005 : 0.1);

// npm run bench:browser [-- --no-build] [--out DIR] [--profile] [--shots DIR] [--renderer webgl|canvas]
// Builds the game into its own folder (never dist/), then: gzip size of the game's JS without the
// Phaser chunk; navigation → main menu ready in headless Chromium on loopback (median of 5 cold
// loads, each in a fresh profile); frame times while a 100-threat wave animates (benchWave.ts).
// --profile adds where the main thread's time goes per wave frame; --shots DIR saves a mid-wave screenshot;
// --renderer forces Phaser's renderer (by default the game picks Canvas where WebGL would be drawn in software).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
async function launch(): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'forge-bench-chromium-'));
  const context = await launchChromium(profile);
  return { context, profile };
}

function jsSizes(dir: string): { file: string; bytes: number; gzip: number; phaser: boolean }[] {
  const assets = join(dir, 'assets');
  return readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => {
    const body = readFileSync(join(assets, f));
    return { file: f, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, phaser: /^phaser[-.]/.test(f) };
  });
}

// Records, from the first script on, when the page reaches the main menu (performance.now() counts from navigation start).
const MENU_WATCH = `(() => {
  const w = window;
  const check = () => { if (w.__menuReadyAt === undefined && document.body && document.body.dataset.scene === 'MainMenu') w.__menuReadyAt = performance.now(); };
  new MutationObserver(check).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-scene'] });
})();`;

// A string, not a function: tsx's name-keeping helper does not exist in the page.
const MENU_FRAMES = `new Promise((resolve) => {
  const deltas = [];
  let last = 0;
  const tick = (t) => {
    if (last > 0) deltas.push(t - last);
    last = t;
    if (deltas.length < 120) requestAnimationFrame(tick); else resolve(deltas);
  };
  requestAnimationFrame(tick);
})`;

async function menuReady(url: string, loads: number): Promise<{ times: number[]; menuFrames: number[] }> {
  const times: number[] = [];
  let menuFrames: number[] = [];
  for (let k = 0; k < loads; k++) {
    const { context, profile } = await launch();
    try {
      const page = await context.newPage();
      await page.addInitScript(MENU_WATCH);
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __menuReadyAt?: number }).__menuReadyAt !== undefined, undefined, { timeout: 60_000 });
      times.push(await page.evaluate(() => (window as unknown as { __menuReadyAt: number }).__menuReadyAt));
      // A reference for the wave figures: frame times of the idle menu on this machine.
      if (k === loads - 1)
        menuFrames = (await page.evaluate(MENU_FRAMES)) as number[];
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return { times, menuFrames };
}

async function waveFrames(url: string, seconds: number, profile: boolean, shots: string | null): Promise<WaveRun> {
  const { context, profile: folder } = await launch();
  try {
    const shot = shots ? async (page: Page) => {
      mkdirSync(shots, { recursive: true });
      // Headless software compositing can keep a stale tile of the canvas; nudging its opacity repaints it.
      await page.evaluate(() => { const c = document.querySelector('canvas'); if (c) c.style.opacity = '0.999'; });
      await page.screenshot({ path: join(shots, 'bench-wave-100.png') });
      await page.evaluate(() => { const c = document.querySelector('canvas'); if (c) c.style.opacity = ''; });
    } : undefined;
    return await waveRun(context, url, { seconds, profile, shot });
  } finally {
    await context.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const outDir = argv.includes('--out') ? argv[argv.indexOf('--out') + 1]! : join(tmpdir(), 'dist-perf');
  if (!argv.includes('--no-build')) {
    console.log(`Building into ${outDir} …`);
    execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  const host = machine();
  const sizes = jsSizes(outDir);
  const gameGzip = sizes.filter((s) => !s.phaser).reduce((n, s) => n + s.gzip, 0);
  const phaserGzip = sizes.filter((s) => s.phaser).reduce((n, s) => n + s.gzip, 0);
  const renderer = argv.includes('--renderer') ? argv[argv.indexOf('--renderer') + 1]! : null;
  const { server, url: root } = await serveFolder(outDir, { isolated: true });
  const url = renderer ? `${root}?renderer=${renderer}` : root;
  try {
    const { times: menu, menuFrames } = await menuReady(url, 5);
    const shots = argv.includes('--shots') ? argv[argv.indexOf('--shots') + 1]! : null;
    const wave = await waveFrames(url, Number(process.env.BENCH_WAVE_SECONDS ?? 180), argv.includes('--profile'), shots);
    const p50 = median(wave.frames);
    const p95 = quantile(wave.frames, 0.95);
    const late = wave.frames.filter((d) => d > 25).length;
    const tick = clockTickMs(wave.isolated);
    // Frame times to the clock's own precision: 16.67 ms at 5 µs, 16.7 ms at 0.1 ms.
    const ms = (x: number): string => fixed(x, wave.isolated ? 2 : 1);
    const rows: Row[] = [
      { figure: 'game JS without Phaser, gzip', value: `${fixed(gameGzip / 1024)} KB`, budget: '≤ 120 KB', ok: gameGzip / 1024 <= 120 },
      { figure: 'Phaser chunk, gzip', value: `${fixed(phaserGzip / 1024)} KB`, budget: '(reported)', ok: null },
      { figure: 'navigation → menu ready (median of 5 cold loads)', value: `${fixed(median(menu), 0)} ms`, budget: '≤ 2,000 ms', ok: median(menu) <= 2000 },
      { figure: 'renderer (Phaser)', value: wave.renderer, budget: '(reported)', ok: null },
      { figure: 'page clock (requestAnimationFrame times)', value: wave.isolated ? '5 µs (cross-origin isolated)' : '0.1 ms (not isolated)', budget: '(reported)', ok: null },
      { figure: `frame time p50/p95 of the idle menu (reference, ${menuFrames.length} frames)`, value: `${ms(median(menuFrames))} / ${ms(quantile(menuFrames, 0.95))} ms`, budget: '(reported)', ok: null },
      { figure: `frame time p50/p95 of the idle board (reference, ${wave.idleBoard.length} frames)`, value: `${ms(median(wave.idleBoard))} / ${ms(quantile(wave.idleBoard, 0.95))} ms`, budget: '(reported)', ok: null },
      { figure: `frame time p50 while a ${wave.threats}-threat wave animates (${wave.frames.length} frames)`, value: `${ms(p50)} ms`, budget: '(reported)', ok: null },
      { figure: 'frame time p95 while it animates', value: `${ms(p95)} ms`, budget: '≤ 16.7 ms', ok: wave.frames.length > 0 ? p95 <= 16.7 + tick / 2 : null },
      // At 60 Hz a frame is 16.67 ms; a missed refresh shows as a delta of ≥ 33 ms.
      { figure: 'wave frames that missed a refresh (> 25 ms)', value: `${fixed((100 * late) / Math.max(1, wave.frames.length))} %`, budget: '(reported)', ok: null },
      ...(wave.share ? [{ figure: 'main thread per wave frame: Phaser / game JS / GC / native / idle', value: (['phaser', 'game', 'gc', 'native', 'idle'] as const).map((k) => fixed(wave.share!.msPerFrame[k])).join(' / ') + ' ms', budget: '(reported)', ok: null }] : []),
    ];
    printTable(`Forge & Shield benchmarks (Chromium) — ${host.cores} cores, load ${host.loadAverage.join(' ')}`, rows);
    writeSection('browser', { machine: host, build: outDir, sizes, gameGzipBytes: gameGzip, phaserGzipBytes: phaserGzip, menuReadyMs: menu, menuFrames: { p50Ms: median(menuFrames), p95Ms: quantile(menuFrames, 0.95) }, idleBoardFrames: { p50Ms: median(wave.idleBoard), p95Ms: quantile(wave.idleBoard, 0.95) }, renderer: wave.renderer, crossOriginIsolated: wave.isolated, clockTickMs: tick, wave: { framesMeasured: wave.frames.length, p50Ms: p50, p95Ms: p95, missedRefreshShare: late / Math.max(1, wave.frames.length), threats: wave.threats, mainThreadMsPerFrame: wave.share?.msPerFrame ?? null }, rows });
    console.log('\nWritten to bench/results.json.');
  } finally {
    server.close();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:browser failed: ${(e as Error).message}`);
  process.exitCode = 1;
});
