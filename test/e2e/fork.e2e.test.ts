import type { ForgeWindow } from './forge';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseScenario, stateHash, type Action, type Seats } from '../../src/core';
import { playGame } from '../../src/bots';
import { buildReplayFile, formatReplayFile } from '../../src/app/replayFile';
import { ReplayTimeline } from '../../src/app/replayTimeline';
import { chooseReplayFile, screenshot, servedGame, watchProblems } from './harness';

// A fork in the built game: "Play from here" in the viewer, a few different decisions, a reload,
// and the fork still knows its original; the comparison opens by keyboard and both replays export.

const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8')));
if (!parsed.ok) throw new Error('first-contract does not parse');
const scenario = parsed.scenario;
const seats: Seats = { poland: { kind: 'bot', level: 'standard' }, korea: { kind: 'bot', level: 'standard' } };
const game = playGame(scenario, 'fork-e2e-2', seats);
const file = buildReplayFile({ scenario, seed: 'fork-e2e-2', seats, actions: game.actions, turnHashes: game.turnHashes, finalHash: stateHash(game.state) });
const timeline = new ReplayTimeline(file);
// Fork late in turn 2, just before one of Poland's own decisions: ending the step there instead
// makes the fork differ at once, and turn 3 comes after a few steps.
const turn3 = timeline.startOfTurn(3);
const at = [...file.actions.keys()].filter((i) => i < turn3 && file.actions[i]!.role === 'poland' && file.actions[i]!.type !== 'endPhase').at(-1)!;
if (at === undefined || at < timeline.startOfTurn(2)) throw new Error('Poland made no decision in turn 2 of this game');
const dir = mkdtempSync(join(tmpdir(), 'forge-fork-e2e-'));
const replayPath = join(dir, 'original.replay.json');
writeFileSync(replayPath, formatReplayFile(file));

const served = servedGame();

type Origin = { label: string; at: number; originalActions: number } | null;
const session = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as ForgeWindow).__forge.session;
  const origin: Origin = s.origin ? { label: s.origin.label, at: s.origin.at, originalActions: s.origin.file.actions.length } : null;
  return { log: s.store.getLog(), hash: s.store.hash(), origin };
});
const scene = (page: Page, name: string) => page.waitForFunction((n) => document.body.dataset.scene === n, name, { timeout: 30_000 });

/** Poland's step (answering any dialog with Enter) in turn `turn` or later; earlier steps are ended at once. */
async function endStepsUntil(page: Page, turn: number): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const st = await page.evaluate(() => ({
      dialog: !!document.querySelector('.backdrop, .curtain'),
      endable: !!document.querySelector<HTMLButtonElement>('#end-step:not([disabled])'),
      turn: Number(/turn (\d+) of/.exec(document.querySelector('.top-bar .turn-count')?.textContent ?? '')?.[1] ?? 0),
      scene: document.body.dataset.scene,
    }));
    if (st.scene !== 'Game') throw new Error('the game ended before Poland had the step');
    if (st.dialog) await page.keyboard.press('Enter');
    else if (st.endable && st.turn >= turn) return;
    else if (st.endable) await page.keyboard.press('e');
    await page.waitForTimeout(120);
  }
  throw new Error(`turn ${turn} never began`);
}

describe('a fork keeps its original and compares with it', () => {
  it('plays from here, survives a reload, and opens the comparison by keyboard', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(served.url);
    await scene(page, 'MainMenu');
    await chooseReplayFile(page, replayPath);
    await page.waitForSelector('.import-dialog');
    await page.click('.import-dialog .btn-primary');
    await scene(page, 'ReplayViewer');
    // To the fork point with the scrubber (as a person would drag it), then F.
    const scrub = page.getByRole('slider', { name: /^Position in the replay/ });
    await scrub.fill(String(at));
    await scrub.blur();
    await page.getByText(`Action ${at} of ${file.actions.length}`, { exact: true }).waitFor();
    // Poland taken by a person, who then only ends steps: the fork goes another way at once.
    await page.keyboard.press('f');
    await page.selectOption('#fork-seat-poland', 'human');
    await page.click('.dialog .btn-primary');
    await scene(page, 'Game');
    await page.selectOption('#speed', 'skip');
    await page.locator('#speed').blur();
    await endStepsUntil(page, 3);
    const before = await session(page);
    expect(before.origin).toEqual({ label: 'original.replay.json', at, originalActions: file.actions.length });
    expect(before.log.slice(0, at)).toEqual(file.actions.slice(0, at));

    await page.reload();
    await scene(page, 'Game');
    await endStepsUntil(page, 3);
    const after = await session(page);
    expect(after.hash).toBe(before.hash);
    expect(after.origin).toEqual(before.origin);
    // The board offers the comparison (its button, "Compare C") only to a game that knows its original.
    expect(await page.getByRole('button', { name: /^Compare/ }).count()).toBe(1);

    // The help lists the shortcut; C opens the comparison.
    await page.keyboard.press('?');
    expect(await page.textContent('.dialog')).toContain('Compare this game with the original');
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    const compare = page.getByRole('dialog', { name: 'This game and its original' });
    await compare.waitFor();
    expect(await compare.getByRole('region', { name: 'Where they split' }).textContent()).toContain(`After action ${at} of ${file.actions.length}`);
    const first = (await compare.getByRole('region', { name: 'The first decision that differs' }).textContent()) ?? '';
    expect(first).toContain('Original');
    expect(first).toContain('This game');
    // A tab per turn of the longer game (the original's four); turn 1 was played the same.
    expect(await page.locator('.compare-turn-tab').count()).toBe(game.turnHashes.length);
    expect(await page.locator('.compare-turn-tab').nth(0).textContent()).toContain('=');
    await screenshot(page, 'fork-compare');
    await compare.getByRole('button', { name: /^Show all \d+ tracks$/ }).click();
    await page.evaluate(() => { const b = document.querySelector('.compare-body'); if (b) b.scrollTop = b.scrollHeight; });
    expect(await compare.getByRole('row', { name: /^Trust between / }).count()).toBe(1);
    await screenshot(page, 'fork-compare-tracks');
    // Both replays can be saved from the view: the original exactly as it was, and the fork so far.
    const [original] = await Promise.all([page.waitForEvent('download'), compare.getByRole('button', { name: 'Save the original replay' }).click()]);
    expect(readFileSync((await original.path())!, 'utf8')).toBe(formatReplayFile(file));
    const [fork] = await Promise.all([page.waitForEvent('download'), compare.getByRole('button', { name: 'Save this game’s replay' }).click()]);
    const forkFile = JSON.parse(readFileSync((await fork.path())!, 'utf8')) as { actions: Action[]; seats: Seats };
    expect(forkFile.actions).toEqual(after.log);
    expect(forkFile.seats.poland).toEqual({ kind: 'human' });
    await page.keyboard.press('Escape');
    expect(await compare.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
