import type { ForgeWindow } from './forge';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseScenario, replay } from '../../src/core';
import { computeDebrief, debriefCsv } from '../../src/debrief';
import { parseCsv } from '../debrief/support';
import { scenarioCard, screenshot, servedGame, startButton, watchProblems } from './harness';


const served = servedGame();

const scenarioResult = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/umbrella-gap.json'), 'utf8')));
if (!scenarioResult.ok) throw new Error('umbrella-gap does not parse');
const scenario = scenarioResult.scenario;

const readSession = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as ForgeWindow).__forge.session.store;
  return { seed: s.seed, seats: s.seats, log: s.getLog() };
});

describe('a class session of Umbrella Gap', () => {
  it('runs with a facilitator and bots, shows the projector view, and debriefs and exports from the log', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    const t0 = Date.now();
    const mark = (what: string) => console.log(`${Math.round((Date.now() - t0) / 1000)} s: ${what}`);
    await page.goto(served.url);
    await page.waitForFunction(() => document.body.dataset.scene === 'MainMenu', undefined, { timeout: 30_000 });

    // Set-up: bots in every role, a facilitator seat, a fixed seed.
    await scenarioCard(page, 'Umbrella Gap').click();
    for (const r of scenario.roles) await page.selectOption(`#seat-${r.id}`, 'bot:standard');
    await page.check('#seat-facilitator');
    await page.fill('#seed', 'class-e2e-1');
    await startButton(page).click();
    await page.waitForFunction(() => document.body.dataset.scene === 'Game', undefined, { timeout: 30_000 });
    // The top bar redraws with every bot move; the speed is set through the test handle instead.
    await page.evaluate(() => (window as unknown as { __forge: { setSpeed(s: string): void } }).__forge.setSpeed('fast'));

    // The teacher steps in early in the game: pause, inject, write a card, raise tension, open the projector.
    await page.waitForFunction(() => (window as unknown as ForgeWindow).__forge.session.store.getLog().length >= 12, undefined, { timeout: 180_000, polling: 100 });
    mark('twelve actions played');
    await page.keyboard.press('f');
    await page.waitForSelector('#facilitator-console:not([hidden])');
    await page.click('#fac-pause');
    await page.getByRole('region', { name: 'Facilitator console' }).getByRole('status').filter({ hasText: 'Paused' }).waitFor();
    const pausedAt = (await readSession(page)).log.length;
    await page.waitForTimeout(800);
    expect((await readSession(page)).log.length, 'no bot acts while paused').toBe(pausedAt);

    await page.selectOption('#fac-card', scenario.deck[1]!.id);
    await page.click('#fac-inject');
    await page.fill('#fac-custom-title', 'Budget hearing');
    await page.fill('#fac-custom-text', 'Congress asks why the batteries left Korea.');
    await page.selectOption('#fac-custom-track', 'support:us');
    await page.selectOption('#fac-custom-by', '-1');
    await page.click('#fac-custom-inject');
    await page.selectOption('#fac-track', 'tension:east');
    await page.click('#fac-raise');
    await page.waitForTimeout(400);
    await screenshot(page, 'classroom-console');
    mark('console shown');

    const [projector] = await Promise.all([served.browser.waitForEvent('page'), page.click('#fac-projector')]);
    const projectorProblems = watchProblems(projector);
    await projector.waitForFunction(() => document.body.dataset.scene === 'Projector', undefined, { timeout: 30_000 });
    await projector.getByRole('status').filter({ hasText: 'Paused' }).waitFor({ timeout: 30_000 });
    await projector.waitForTimeout(600);
    const hidden = scenario.objectives.filter((o) => o.hidden).map((o) => o.text);
    const projectorText = (await projector.textContent('body')) ?? '';
    for (const text of hidden) expect(projectorText, 'the projector shows no hidden objective').not.toContain(text);
    await screenshot(projector, 'classroom-projector');
    mark('projector shown');

    // Revealing hidden information shows it on the projector; hiding it again takes it off.
    await page.click('#fac-reveal');
    if (hidden.length > 0) await projector.waitForFunction((t) => document.body.textContent?.includes(t) ?? false, hidden[0]!, { timeout: 10_000 });
    await screenshot(projector, 'classroom-projector-revealed');
    await page.click('#fac-reveal');
    // By keyboard: Esc closes the console, F opens it again.
    await page.focus('#fac-reveal');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#facilitator-console', { state: 'hidden' });
    await page.keyboard.press('f');
    await page.waitForSelector('#facilitator-console:not([hidden])');
    await page.click('#fac-resume');
    await page.evaluate(() => (window as unknown as { __forge: { setSpeed(s: string): void } }).__forge.setSpeed('skip'));

    // The bots play on to the end.
    await page.waitForFunction(() => document.body.dataset.scene === 'GameOver', undefined, { timeout: 400_000, polling: 1000 });
    mark('game over');
    const played = await readSession(page);
    const facilitatorActs = played.log.filter((a) => a.role === 'facilitator').map((a) => a.type);
    expect(facilitatorActs).toEqual(['pauseGame', 'injectCard', 'injectCard', 'adjustTrack', 'revealHidden', 'revealHidden', 'resumeGame']);
    const again = replay(scenario, played.seed, played.seats, played.log);
    expect(again.failure).toBeNull();
    expect(again.state.outcome).not.toBeNull();

    // The projector followed the whole game and shows its end.
    await projector.getByRole('status').filter({ hasText: /game is over/i }).waitFor({ timeout: 30_000 });
    await projector.waitForTimeout(500);
    await screenshot(projector, 'classroom-projector-end');

    // Debrief from the end screen.
    await page.getByRole('button', { name: 'Debrief', exact: true }).click();
    const debriefPanel = page.getByRole('dialog', { name: 'Debrief', exact: true });
    await debriefPanel.waitFor();
    await screenshot(page, 'classroom-debrief');
    const tabs = { charts: 'Charts', tracks: 'Tracks', alliances: 'Alliances', turning: 'Turning points', cost: 'Cost exchange', questions: 'Questions', timeline: 'Timeline' };
    for (const [tab, name] of Object.entries(tabs)) {
      await debriefPanel.getByRole('tab', { name }).click();
      await debriefPanel.getByRole('tabpanel', { name }).waitFor();
      await screenshot(page, `classroom-debrief-${tab}`);
    }
    await debriefPanel.getByRole('combobox', { name: 'Whose decisions' }).selectOption('facilitator');
    expect(await page.locator('.timeline tbody tr').count()).toBe(facilitatorActs.length);

    // The CSV export: the same text Node computes from the log, and its cells are the core's per-turn data.
    const [download] = await Promise.all([page.waitForEvent('download'), debriefPanel.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const debrief = computeDebrief({ scenario, seed: played.seed, seats: played.seats, actions: played.log });
    expect(csv).toBe(debriefCsv(debrief));
    const [head, ...rows] = parseCsv(csv);
    const history = again.state.history;
    expect(rows).toHaveLength(history.length * scenario.roles.length);
    const col = (name: string) => head!.indexOf(name);
    for (const row of rows) {
      const rec = history[Number(row[col('turn')]) - 1]!;
      const role = row[col('role')]!;
      expect(Number(row[col('score')])).toBe(rec.scores[role]);
      expect(Number(row[col('budget')])).toBe(rec.budgets[role]);
      expect(Number(row[col('support')])).toBe(rec.tracks[`support:${role}`]);
      expect(Number(row[col('tension_east')])).toBe(rec.tracks['tension:east']);
      for (const [key, value] of Object.entries(rec.stocks)) {
        const [owner, item, theatre] = key.split('|');
        if (owner === role) expect(Number(row[col(`stock_${item}_${theatre}`)])).toBe(value);
      }
    }

    // The print view lays the debrief out on A4 pages.
    await debriefPanel.getByRole('button', { name: 'Print view' }).click();
    await page.waitForSelector('#print-root .print-page');
    await screenshot(page, 'classroom-debrief-print');
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('game')!).display)).toBe('none');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Close the print view' }).click();

    expect(problems).toEqual([]);
    expect(projectorProblems).toEqual([]);
    await projector.close();
    await page.close();
  }, 600_000);
  it('makes one session link that opens the same set-up with the facilitator seat, and prints one briefing page per role', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(served.url);
    await page.waitForFunction(() => document.body.dataset.scene === 'MainMenu', undefined, { timeout: 30_000 });
    await scenarioCard(page, 'Umbrella Gap').click();
    await page.selectOption('#seat-us', 'human');
    for (const r of ['korea', 'gulf', 'red']) await page.selectOption(`#seat-${r}`, 'bot:easy');
    await page.check('#seat-facilitator');
    await page.fill('#seed', 'class-link-2');
    await page.getByRole('button', { name: 'Class session link…' }).click();
    const link = await page.getByRole('textbox', { name: 'Session link', exact: true }).inputValue();
    expect(link).toContain('#game=');
    await screenshot(page, 'classroom-session-link');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Print role briefings' }).click();
    await page.waitForSelector('#print-root .print-page');
    expect(await page.locator('#print-root .print-page').count()).toBe(scenario.roles.length);
    expect(await page.textContent('#print-root')).toContain(scenario.roles[0]!.briefing.situation.slice(0, 40));
    await screenshot(page, 'classroom-briefings-print');
    await page.getByRole('button', { name: 'Close the print view' }).click();

    // The projector machine opens the link: the same scenario, seed and seats, facilitator included.
    const other = await served.browser.newPage();
    const otherProblems = watchProblems(other);
    await other.goto(link);
    await other.waitForFunction(() => document.body.dataset.scene === 'Briefing', undefined, { timeout: 30_000 });
    const opened = await readSession(other);
    expect(opened.seed).toBe('class-link-2');
    expect(opened.seats).toEqual({ us: { kind: 'human' }, korea: { kind: 'bot', level: 'easy' }, gulf: { kind: 'bot', level: 'easy' }, red: { kind: 'bot', level: 'easy' }, facilitator: { kind: 'facilitator' } });
    await other.getByRole('button', { name: 'To the board' }).click();
    await other.waitForFunction(() => document.body.dataset.scene === 'Game', undefined, { timeout: 30_000 });
    // The facilitator's console opens from its button ("Facilitator F") on the board.
    await other.getByRole('button', { name: /^Facilitator/ }).waitFor();
    expect(problems).toEqual([]);
    expect(otherProblems).toEqual([]);
    await other.close();
    await page.close();
  }, 300_000);
});
