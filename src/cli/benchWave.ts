import { readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { applyAction, createGame, parseScenario, type Action, type Seats } from '../core';

// The browser benchmark's wave figure: a fixture scenario whose wave table sends 100 threats on
// turn 1 (test/fixtures/bench-wave-100.json) is loaded through the menu's "Load a scenario file",
// Poland is played by this script (it ends its steps), Korea by a standard bot. Frame times are the
// requestAnimationFrame deltas while the first wave animates at normal speed; the idle board (the
// human's step, nothing moving) is the reference. Optionally a CPU profile of the page's main thread
// during the wave says where the frame goes.

export const WAVE_FIXTURE = new URL('../../test/fixtures/bench-wave-100.json', import.meta.url);

// Frame deltas, kept only while an interception is on screen. A string: tsx's helpers do not exist in the page.
const FRAME_WATCH = `(() => {
  const w = window;
  w.__waveFrames = [];
  let last = 0;
  const tick = (t) => {
    if (last > 0 && document.body && document.body.dataset.playing === 'interception') w.__waveFrames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** 120 frame deltas from now. */
export const FRAMES_120 = `new Promise((resolve) => {
  const deltas = [];
  let last = 0;
  const tick = (t) => {
    if (last > 0) deltas.push(t - last);
    last = t;
    if (deltas.length < 120) requestAnimationFrame(tick); else resolve(deltas);
  };
  requestAnimationFrame(tick);
})`;

/**
 * Main-thread time by where it went, in ms per frame, from a sampled CPU profile. `native` is time outside
 * JS (style, layout, paint, and with software WebGL mostly waiting in Commit for the GPU process).
 */
export interface FrameShare { frames: number; msPerFrame: Record<'idle' | 'phaser' | 'game' | 'gc' | 'native' | 'other', number> }

/** `isolated`: the page was cross-origin isolated, so its frame times are at 5 µs rather than 0.1 ms. */
export interface WaveRun { frames: number[]; idleBoard: number[]; threats: number; share: FrameShare | null; renderer: string; isolated: boolean }

interface ProfileNode { id: number; callFrame: { url: string; functionName: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function shareOf(profile: Profile, frames: number): FrameShare {
  const bucket = new Map<number, keyof FrameShare['msPerFrame']>();
  for (const n of profile.nodes) {
    const { url, functionName } = n.callFrame;
    bucket.set(n.id, functionName === '(idle)' ? 'idle' : functionName === '(garbage collector)' ? 'gc'
      : functionName === '(program)' ? 'native' : /phaser/i.test(url) ? 'phaser' : /\/assets\//.test(url) ? 'game' : 'other');
  }
  const ms = { idle: 0, phaser: 0, game: 0, gc: 0, native: 0, other: 0 };
  profile.samples.forEach((id, i) => { ms[bucket.get(id) ?? 'other'] += (profile.timeDeltas[i] ?? 0) / 1000; });
  for (const k of Object.keys(ms) as (keyof typeof ms)[]) ms[k] /= Math.max(1, frames);
  return { frames, msPerFrame: ms };
}

/** Threats in the largest batch of interceptions the game's actions caused (replayed here in Node). */
function largestWave(fixture: unknown, seed: string, seats: Seats, actions: readonly Action[]): number {
  const parsed = parseScenario(fixture);
  if (!parsed.ok) return 0;
  let s = createGame(parsed.scenario, seed, seats);
  let most = 0;
  for (const a of actions) {
    const r = applyAction(s, a);
    if (!r.ok) break;
    s = r.state;
    most = Math.max(most, r.events.filter((e) => e.kind === 'interception').length);
  }
  return most;
}

const SEED = 'bench-wave';

type PageState = { scene: string; playing: string; dialog: boolean; endable: boolean };
const pageState = (page: Page): Promise<PageState> => page.evaluate(() => {
  const end = document.querySelector<HTMLButtonElement>('#end-step');
  return { scene: document.body.dataset.scene ?? '', playing: document.body.dataset.playing ?? '', dialog: !!document.querySelector('.backdrop, .curtain'), endable: !!end && !end.disabled };
});

/**
 * Plays the fixture up to the end of its first wave. `profile`: record a CPU profile while it animates;
 * `shot(name)`: called mid-wave (after a third of it) for a screenshot.
 */
export async function waveRun(context: BrowserContext, url: string, o: { seconds: number; profile: boolean; shot?: (page: Page) => Promise<unknown> }): Promise<WaveRun> {
  const page = await context.newPage();
  await page.addInitScript(FRAME_WATCH);
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.scene === 'MainMenu', undefined, { timeout: 60_000 });
  const text = readFileSync(WAVE_FIXTURE, 'utf8');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Load a scenario file…' }).click()]);
  await chooser.setFiles({ name: 'bench-wave-100.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  // Loaded and chosen: the menu offers to start it.
  const start = page.getByRole('button', { name: `Start “${(JSON.parse(text) as { title: string }).title}”` });
  await start.waitFor();
  await page.selectOption('#seat-poland', 'human');
  await page.selectOption('#seat-korea', 'bot:standard');
  await page.fill('#seed', SEED);
  await start.click();
  let cdp: CDPSession | null = null;
  let idleBoard: number[] = [];
  let waveSeen = 0;
  let shotTaken = !o.shot;
  const deadline = Date.now() + o.seconds * 1000;
  while (Date.now() < deadline) {
    const st = await pageState(page);
    if (st.scene === 'Briefing') await page.keyboard.press('Enter');
    else if (st.scene === 'Game' && st.playing === 'interception') {
      if (!waveSeen) {
        waveSeen = Date.now();
        if (o.profile) {
          cdp = await context.newCDPSession(page);
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
          await cdp.send('Profiler.start');
        }
      }
      // About a third of the way through a 100-threat wave at normal speed.
      if (!shotTaken && Date.now() - waveSeen > 14_000) { shotTaken = true; await o.shot!(page); }
    } else if (waveSeen) break;
    else if (st.dialog) await page.keyboard.press('Enter');
    else if (st.scene === 'Game' && st.endable && !st.playing) {
      // The human's step with nothing moving: the idle board, once, as a reference.
      if (idleBoard.length === 0) idleBoard = (await page.evaluate(FRAMES_120)) as number[];
      await page.keyboard.press('e');
    }
    await page.waitForTimeout(200);
  }
  const frames = (await page.evaluate('window.__waveFrames')) as number[];
  let share: FrameShare | null = null;
  if (cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    share = shareOf(profile, frames.length);
    await cdp.detach();
  }
  const played = (await page.evaluate('({ seats: window.__forge.session.store.seats, log: window.__forge.session.store.getLog(), renderer: window.__forge.game.renderer.type, isolated: self.crossOriginIsolated })')) as { seats: Seats; log: Action[]; renderer: number; isolated: boolean };
  await page.close();
  // Phaser's renderer types: 1 Canvas, 2 WebGL (WebGL is chosen only where a GPU draws it, src/app/startGame.ts).
  const renderer = played.renderer === 1 ? 'Canvas' : played.renderer === 2 ? 'WebGL' : String(played.renderer);
  return { frames, idleBoard, threats: largestWave(JSON.parse(text), SEED, played.seats, played.log), share, renderer, isolated: played.isolated };
}
