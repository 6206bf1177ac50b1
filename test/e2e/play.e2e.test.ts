import type { ForgeWindow } from './forge';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseScenario, replay, type Action, type Outcome, type Seats } from '../../src/core';
import { launchBrowser, scenarioCard, screenshot, servedGame, startButton, watchProblems } from './harness';
import { playToTheEnd } from './player';


const served = servedGame();

interface Played { scenarioId: string; seed: string; seats: Seats; log: Action[]; hash: string; outcome: Outcome | null }

const readSession = (page: Page): Promise<Played> =>
  page.evaluate(() => {
    const s = (window as unknown as ForgeWindow).__forge.session.store;
    return { scenarioId: s.scenario.id, seed: s.seed, seats: s.seats, log: s.getLog(), hash: s.hash(), outcome: s.getState().outcome };
  });

describe('playing First Contract in the browser', () => {
  it('goes from the menu to the end screen by clicks and keys, and the end screen agrees with a replay in Node', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(served.url);
    await page.waitForFunction(() => document.body.dataset.scene === 'MainMenu', undefined, { timeout: 30_000 });

    // Menu: pick the tutorial, one human seat against a standard bot, a fixed seed.
    await scenarioCard(page, 'First Contract (tutorial)').click();
    await page.selectOption('#seat-poland', 'human');
    await page.selectOption('#seat-korea', 'bot:standard');
    await page.fill('#seed', 'e2e-seed-7');
    await screenshot(page, 'menu');
    await startButton(page).click();

    await page.waitForFunction(() => document.body.dataset.scene === 'Briefing');
    expect(await page.textContent('.briefing')).toContain('Poland');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.scene === 'Game');
    // Faster animations keep the run short; every animation still plays.
    await page.keyboard.press('s');

    const shots = await playToTheEnd(page, {
      midGame: () => screenshot(page, 'board-mid-game'),
      wave: () => screenshot(page, 'wave-resolving'),
    });
    expect(shots.wave, 'a wave was seen resolving').toBe(true);
    expect(shots.midGame).toBe(true);
    expect(shots.actionsTaken, 'the human seat did more than end its steps').toBeGreaterThan(3);

    await page.waitForFunction(() => document.body.dataset.scene === 'GameOver', undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Play again with the same seed' }).waitFor();
    // The board's notices (event lines) do not follow the game onto the end screen, where they covered the heading.
    expect(await page.locator('.toast-info').count(), 'no board notice over the end screen').toBe(0);
    await screenshot(page, 'end-screen');
    const played = await readSession(page);

    const scenario = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8')));
    if (!scenario.ok) throw new Error('first-contract does not parse');
    expect(played.scenarioId).toBe('first-contract');
    expect(played.seed).toBe('e2e-seed-7');
    expect(played.seats).toEqual({ poland: { kind: 'human' }, korea: { kind: 'bot', level: 'standard' } });
    const again = replay(scenario.scenario, played.seed, played.seats, played.log);
    expect(again.failure).toBeNull();
    expect(again.state.outcome).not.toBeNull();
    // The end screen (the region its heading names) shows the outcome Node computes, word for word.
    const endScreen = page.getByRole('region').filter({ has: page.getByRole('heading', { level: 1 }) });
    expect(await endScreen.getByText(again.state.outcome!.text, { exact: true }).count()).toBe(1);
    expect(played.outcome).toEqual(again.state.outcome);
    expect(played.hash).toBe(again.finalHash);
    for (const [role, score] of Object.entries(again.state.outcome!.scores))
      expect(await page.textContent(`[aria-label^="${scenario.scenario.roles.find((r) => r.id === role)!.name}:"] .score-total`)).toBe(fmt(score.total));

    // The replay file saved from the end screen re-runs to the same final state.
    const [download] = await Promise.all([page.waitForEvent('download'), endScreen.getByRole('button', { name: 'Save the replay', exact: true }).click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { seed: string; finalHash: string; actions: Action[] };
    expect(saved.seed).toBe('e2e-seed-7');
    expect(saved.actions).toEqual(played.log);
    expect(saved.finalHash).toBe(again.finalHash);

    expect(problems).toEqual([]);
    await page.close();
  }, 600_000);

  it('lines the panels up with the board on a 1920×1080 screen', async () => {
    const big = await launchBrowser(1920, 1080);
    try {
      const page = await big.newPage();
      const problems = watchProblems(page);
      await page.goto(served.url);
      await page.waitForFunction(() => document.body.dataset.scene === 'MainMenu', undefined, { timeout: 30_000 });
      await startButton(page).click();
      await page.waitForFunction(() => document.body.dataset.scene === 'Briefing');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.body.dataset.scene === 'Game');
      await page.waitForTimeout(1500);
      const canvas = await page.locator('canvas').boundingBox();
      const overlay = await page.locator('#ui').boundingBox();
      expect(canvas && overlay).toBeTruthy();
      expect(Math.abs(canvas!.x - overlay!.x)).toBeLessThan(2);
      expect(Math.abs(canvas!.width - overlay!.width)).toBeLessThan(2);
      await screenshot(page, 'board-1920x1080');
      expect(problems).toEqual([]);
    } finally {
      await big.close();
    }
  });
});

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
