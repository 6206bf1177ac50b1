import type { ForgeWindow } from './forge';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseScenario, stateHash, type Action, type Seats } from '../../src/core';
import { playGame } from '../../src/bots';
import { buildReplayFile, formatReplayFile, replayFileFromLog } from '../../src/app/replayFile';
import { computeDebrief, debriefCsv } from '../../src/debrief';
import { ReplayTimeline } from '../../src/app/replayTimeline';
import { encodeLink } from '../../src/app/shareLink';
import { chooseReplayFile, scenarioCard, screenshot, servedGame, startButton, watchProblems } from './harness';

// Replays, share links, autosave and undo in the built game. The replay is generated here in Node
// (an all-bot game) and opened in Chromium through the menu: no fixture with hard-coded hashes.

const dir = mkdtempSync(join(tmpdir(), 'forge-replay-e2e-'));

const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8')));
if (!parsed.ok) throw new Error('first-contract does not parse');
const scenario = parsed.scenario;
const botSeats: Seats = { poland: { kind: 'bot', level: 'standard' }, korea: { kind: 'bot', level: 'standard' } };
const game = playGame(scenario, 'xenv-1', botSeats);
const file = buildReplayFile({ scenario, seed: 'xenv-1', seats: botSeats, actions: game.actions, turnHashes: game.turnHashes, finalHash: stateHash(game.state) });
const timeline = new ReplayTimeline(file);
const replayPath = join(dir, 'all-bots.replay.json');
writeFileSync(replayPath, formatReplayFile(file));

const served = servedGame();

interface SessionRead { seed: string; seats: Seats; log: Action[]; hash: string; scenarioId: string }
const readSession = (page: Page): Promise<SessionRead> =>
  page.evaluate(() => {
    const s = (window as unknown as ForgeWindow).__forge.session.store;
    return { scenarioId: s.scenario.id, seed: s.seed, seats: s.seats, log: s.getLog(), hash: s.hash() };
  });
const scene = (page: Page, name: string, timeout = 30_000) => page.waitForFunction((n) => document.body.dataset.scene === n, name, { timeout });
/** The moment the viewer shows, as it says it ("Action 12 of 58"). */
const position = async (page: Page) => Number(/^Action (\d+) of/.exec((await page.getByText(/^Action \d+ of \d+$/).textContent()) ?? '')?.[1]);
const hashAt = (page: Page, p: number) => page.evaluate((n) => { const f = (window as unknown as ForgeWindow).__forge; return f.stateHash(f.viewer.timeline.stateAt(n)); }, p);
/** Moves the viewer's scrubber as a pointer would (no animation). */
const seek = (page: Page, p: number) => page.getByRole('slider', { name: /^Position in the replay/ }).evaluate((scrub: HTMLInputElement, n) => {
  scrub.value = String(n);
  scrub.dispatchEvent(new Event('input'));
}, p);
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
const playingSpeed = (page: Page) => page.getByRole('combobox', { name: 'Playing speed' });
/** A card of the menu that reports a kept save or replay (an alert), by its heading. */
const keptCard = (page: Page, heading: string) => page.getByRole('alert').filter({ hasText: heading });
/** The first action after `from` whose events hold `kind`. */
const firstWith = (kind: string, from = 0) => timeline.events.findIndex((events, i) => i >= from && events.some((e) => e.kind === kind));

async function openMenu(page: Page): Promise<void> {
  await page.goto(served.url);
  await scene(page, 'MainMenu');
}

async function openReplay(page: Page, path: string): Promise<string> {
  await chooseReplayFile(page, path);
  await page.waitForSelector('.import-dialog');
  return (await page.textContent('.import-dialog')) ?? '';
}

/** Menu → a game of First Contract with Poland human and South Korea an easy bot, at the board. */
async function startGame(page: Page, seed: string): Promise<void> {
  await openMenu(page);
  await scenarioCard(page, 'First Contract (tutorial)').click();
  await page.selectOption('#seat-poland', 'human');
  await page.selectOption('#seat-korea', 'bot:easy');
  await page.fill('#seed', seed);
  await startButton(page).click();
  await scene(page, 'Briefing');
  await page.keyboard.press('Enter');
  await scene(page, 'Game');
  await page.selectOption('#speed', 'skip');
  await page.locator('#speed').blur();
}

/** Waits until the human seat can act (answering any dialog with Enter), then returns the actions offered. */
async function myStep(page: Page): Promise<string[]> {
  for (let i = 0; i < 400; i++) {
    const st = await page.evaluate(() => ({
      dialog: !!document.querySelector('.backdrop, .curtain'),
      endable: !!document.querySelector<HTMLButtonElement>('#end-step:not([disabled])'),
      actions: [...document.querySelectorAll<HTMLElement>('.action')].map((a) => a.dataset.action ?? ''),
    }));
    if (st.dialog) await page.keyboard.press('Enter');
    else if (st.endable) return st.actions;
    await page.waitForTimeout(150);
  }
  throw new Error('the human seat never got the step');
}

describe('replays, links, saves and undo in Chromium', () => {
  it('verifies a Node-made replay through the menu and gets the same hash for every turn', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await openMenu(page);
    await screenshot(page, 'replay-menu');
    const text = await openReplay(page, replayPath);
    expect(text).toContain('Verified');
    await screenshot(page, 'replay-import-verified');
    await page.click('.import-dialog .btn-primary');
    await scene(page, 'ReplayViewer');
    const hashes = await page.evaluate(() => [...(window as unknown as ForgeWindow).__forge.viewer.timeline.turnHashes]);
    expect(hashes).toEqual(game.turnHashes);
    expect(hashes.length).toBe(4);

    // A file whose second turn was recorded differently: diverged, with both hashes shown.
    const tampered = { ...file, turnHashes: file.turnHashes.map((x, i) => (i === 1 ? '0123456789abcdef' : x)) };
    const tamperedPath = join(dir, 'tampered.replay.json');
    writeFileSync(tamperedPath, formatReplayFile(tampered));
    await button(page, 'Leave to the main menu').click();
    await scene(page, 'MainMenu');
    const diverged = await openReplay(page, tamperedPath);
    expect(diverged).toContain(`Diverged at turn 2, action ${timeline.startOfTurn(2) + 1}`);
    expect(diverged).toContain('0123456789abcdef');
    expect(diverged).toContain(game.turnHashes[1]!);
    await screenshot(page, 'replay-import-diverged');
    await page.keyboard.press('Escape');

    // A file cut short: cannot be used, and says where.
    const cutPath = join(dir, 'cut.replay.json');
    writeFileSync(cutPath, formatReplayFile(file).slice(0, 900));
    const cut = await openReplay(page, cutPath);
    expect(cut).toContain('cannot be used');
    expect(cut).toMatch(/line \d+, column \d+/);
    await screenshot(page, 'replay-import-unusable');
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('steps, jumps and plays in the viewer, then forks a new game from a moment', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await openMenu(page);
    await openReplay(page, replayPath);
    await page.click('.import-dialog .btn-primary');
    await scene(page, 'ReplayViewer');
    await page.waitForTimeout(400);
    expect(await position(page)).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await position(page)).toBe(3);
    await page.keyboard.press('ArrowLeft');
    expect(await position(page)).toBe(2);
    expect(await page.locator('.log-current').count()).toBeGreaterThan(0);
    await page.keyboard.press('End');
    expect(await position(page)).toBe(timeline.length);
    await page.keyboard.press('Home');
    expect(await position(page)).toBe(0);
    await page.keyboard.press('PageDown');
    expect(await position(page)).toBe(timeline.startOfTurn(2));
    // Jump to turn 3 by keyboard: T, the number, Enter.
    await page.keyboard.press('t');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    expect(await position(page)).toBe(timeline.startOfTurn(3));
    await page.locator('#viewer-turn').blur();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
    expect(await page.textContent('.top-bar .turn-count')).toContain('turn 3 of 4');
    await screenshot(page, 'replay-viewer-turn3');
    await page.keyboard.press('PageUp');
    expect(await position(page)).toBe(timeline.startOfTurn(3));
    // Play for a moment at the fastest speed, then pause.
    await playingSpeed(page).selectOption('fast');
    await button(page, 'Play (P or Space)').click();
    await page.waitForTimeout(1200);
    await button(page, 'Play (P or Space)').click();
    const after = await position(page);
    expect(after).toBeGreaterThan(timeline.startOfTurn(3));

    // Play from the start of turn 2 with Poland taken by a person.
    await page.keyboard.press('Home');
    await page.keyboard.press('PageDown');
    const at = await position(page);
    expect(at).toBe(timeline.startOfTurn(2));
    await button(page, 'Play from here').click();
    await page.selectOption('#fork-seat-poland', 'human');
    await screenshot(page, 'replay-fork-dialog');
    await page.click('.dialog .btn-primary');
    await scene(page, 'Game');
    const forked = await readSession(page);
    expect(forked.log.slice(0, at)).toEqual(file.actions.slice(0, at));
    expect(forked.seats.poland).toEqual({ kind: 'human' });
    await page.selectOption('#speed', 'skip');
    await page.locator('#speed').blur();
    await myStep(page);
    await screenshot(page, 'replay-fork-game');
    // Both can be exported: the fork's own replay and the original it came from.
    await button(page, /^Save & share/).click();
    const [own] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: 'Save the replay file' }).click()]);
    const ownFile = JSON.parse(readFileSync((await own.path())!, 'utf8')) as { actions: Action[]; seats: Seats };
    expect(ownFile.actions.slice(0, at)).toEqual(file.actions.slice(0, at));
    expect(ownFile.seats.poland).toEqual({ kind: 'human' });
    await button(page, /^Save & share/).click();
    const [original] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: 'Save the original replay' }).click()]);
    const originalFile = JSON.parse(readFileSync((await original.path())!, 'utf8')) as { actions: Action[]; finalHash: string };
    expect(originalFile.actions).toEqual(file.actions);
    expect(originalFile.finalHash).toBe(file.finalHash);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('saves after every action and a reload resumes at the identical state hash', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await startGame(page, 'resume-e2e');
    const offered = await myStep(page);
    const pick = offered.findIndex((a) => a !== 'endPhase');
    if (pick >= 0) {
      await page.locator('.action').nth(pick).click();
      await page.waitForSelector('.dialog');
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('e');
    await myStep(page);
    const before = await readSession(page);
    expect(before.log.length).toBeGreaterThan(1);
    await page.reload();
    await scene(page, 'Game');
    const resumed = await readSession(page);
    expect(resumed.hash).toBe(before.hash);
    expect(resumed.log).toEqual(before.log);
    await myStep(page);
    await screenshot(page, 'replay-resumed');

    // Leaving keeps the save: the menu offers Resume, which gives the same game again.
    await button(page, 'Leave to the main menu').click();
    await page.click('.dialog .btn-danger');
    await scene(page, 'MainMenu');
    await button(page, 'Resume').waitFor();
    // Resume has the keyboard focus (Enter resumes).
    await page.waitForFunction(() => document.activeElement?.textContent === 'Resume');
    await screenshot(page, 'replay-menu-resume');
    await button(page, 'Resume').click();
    await scene(page, 'Game');
    expect((await readSession(page)).hash).toBe(before.hash);

    // Storage full: a message, and the game goes on.
    await page.evaluate(() => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    const steps = await readSession(page);
    await myStep(page);
    await page.keyboard.press('e');
    await page.waitForSelector('.toast-error');
    expect(await page.textContent('.toast-error')).toContain('storage is full');
    await screenshot(page, 'replay-storage-full');
    await page.waitForFunction((n) => (window as unknown as ForgeWindow).__forge.session.store.getLog().length > n, steps.log.length);

    // A save that does not read back is kept, reported and offered for download.
    await myStep(page);
    await button(page, 'Leave to the main menu').click();
    await page.click('.dialog .btn-danger');
    await scene(page, 'MainMenu');
    // Left on purpose: a reload now shows the menu (and gives storage back its own setItem).
    await page.reload();
    await scene(page, 'MainMenu');
    const broken = '{"format":"forge-shield-autosave","version":1,"seed":"cut off he';
    await page.evaluate((text) => localStorage.setItem('forge-shield/autosave/v1', text), broken);
    await page.reload();
    await scene(page, 'MainMenu');
    const keptSave = keptCard(page, 'A saved game could not be used');
    await keptSave.waitFor();
    await screenshot(page, 'replay-menu-kept-save');
    const [download] = await Promise.all([page.waitForEvent('download'), keptSave.getByRole('button', { name: 'Download it' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(broken);
    await keptSave.getByRole('button', { name: 'Discard' }).click();
    expect(await keptSave.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a share link opens the same game; a broken link gets a message and the menu still works', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await openMenu(page);
    await scenarioCard(page, 'First Contract (tutorial)').click();
    await page.selectOption('#seat-poland', 'bot:easy');
    await page.selectOption('#seat-korea', 'human');
    await page.fill('#seed', 'link-e2e-7');
    await button(page, 'Share link').click();
    const link = await page.getByRole('textbox', { name: 'The link', exact: true }).inputValue();
    expect(link).toContain('#game=');
    await screenshot(page, 'replay-share-dialog');
    await page.keyboard.press('Escape');

    const other = await served.browser.newPage();
    await other.goto(link);
    await scene(other, 'Briefing');
    const opened = await readSession(other);
    expect(opened).toMatchObject({ scenarioId: 'first-contract', seed: 'link-e2e-7', seats: { poland: { kind: 'bot', level: 'easy' }, korea: { kind: 'human' } } });
    expect(other.url()).not.toContain('#game=');
    await screenshot(other, 'replay-link-briefing');
    await other.close();

    // A replay link opens the viewer with the whole log.
    const replayLink = `${served.url}#${await encodeLink({ v: 1, kind: 'replay', scenario: 'first-contract', seed: 'xenv-1', seats: botSeats, actions: game.actions })}`;
    await page.goto(replayLink);
    await scene(page, 'ReplayViewer');
    expect(await page.evaluate(() => (window as unknown as ForgeWindow).__forge.viewer.timeline.length)).toBe(game.actions.length);

    // Cut off when copied: a plain message, and the menu works.
    await page.goto('about:blank');
    await page.goto(link.slice(0, link.length - 15));
    await scene(page, 'MainMenu');
    await page.getByRole('alert').filter({ hasText: /incomplete or damaged/ }).waitFor();
    await screenshot(page, 'replay-link-broken');
    await startButton(page).click();
    await scene(page, 'Briefing');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('comes back to the same moment after a reload in the viewer; a stored replay that cannot be read is kept and offered', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    // A replay that stops in turn 3: the debrief covers the game so far.
    const part = replayFileFromLog({ scenario, seed: 'xenv-1', seats: botSeats, actions: file.actions.slice(0, timeline.startOfTurn(3)) });
    const partPath = join(dir, 'part.replay.json');
    writeFileSync(partPath, formatReplayFile(part));
    await openMenu(page);
    await openReplay(page, partPath);
    await page.click('.import-dialog .btn-primary');
    await scene(page, 'ReplayViewer');
    await playingSpeed(page).selectOption('fast');
    await playingSpeed(page).blur();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const at = timeline.startOfTurn(2) + 2;
    expect(await position(page)).toBe(at);
    await page.reload();
    await scene(page, 'ReplayViewer');
    expect(await position(page)).toBe(at);
    expect(await hashAt(page, at)).toBe(stateHash(timeline.stateAt(at)));
    expect(await playingSpeed(page).inputValue()).toBe('fast');
    expect(await page.getByText('✓ verified', { exact: true }).count()).toBe(1);
    await button(page, 'Debrief so far').click();
    await page.getByRole('dialog', { name: 'Debrief', exact: true }).waitFor();
    expect(await page.textContent('.debrief-head .eyebrow')).toContain('2 of 4 turns');
    await page.keyboard.press('Escape');

    // Leaving the viewer for the menu: a reload shows the menu.
    const stored = await page.evaluate(() => sessionStorage.getItem('forge-shield/viewer/v1')!);
    await button(page, 'Leave to the main menu').click();
    await scene(page, 'MainMenu');
    expect(await page.evaluate(() => sessionStorage.getItem('forge-shield/viewer/v1'))).toBeNull();
    // A damaged record: the menu says so, keeps it and offers it for download; nothing is lost.
    const broken = stored.slice(0, 300);
    await page.evaluate((text) => sessionStorage.setItem('forge-shield/viewer/v1', text), broken);
    await page.reload();
    await scene(page, 'MainMenu');
    const keptReplay = keptCard(page, 'The replay you were watching could not be reopened');
    await keptReplay.waitFor();
    await screenshot(page, 'replay-menu-kept-viewer');
    const [download] = await Promise.all([page.waitForEvent('download'), keptReplay.getByRole('button', { name: 'Download it' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(broken);
    await keptReplay.getByRole('button', { name: 'Discard' }).click();
    expect(await keptReplay.count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('forge-shield/unreadable-replay/')))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('debriefs an imported replay from the viewer (the CSV Node computes), and plays its waves and cards', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await openMenu(page);
    await openReplay(page, replayPath);
    await page.click('.import-dialog .btn-primary');
    await scene(page, 'ReplayViewer');
    // The replay reaches the end of the game: its debrief covers all of it.
    expect(await button(page, 'Debrief').count()).toBe(1);
    await page.keyboard.press('d');
    const debriefPanel = page.getByRole('dialog', { name: 'Debrief', exact: true });
    await debriefPanel.waitFor();
    await screenshot(page, 'replay-viewer-debrief');
    const [download] = await Promise.all([page.waitForEvent('download'), debriefPanel.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe(debriefCsv(computeDebrief({ scenario, seed: 'xenv-1', seats: botSeats, actions: file.actions })));
    await debriefPanel.getByRole('button', { name: 'Close', exact: true }).click();

    // One action forward shows its wave (at the normal speed, shortened); the top bar names the phase shown.
    await playingSpeed(page).selectOption('normal');
    await playingSpeed(page).blur();
    const wave = firstWith('interception');
    expect(wave).toBeGreaterThanOrEqual(0);
    await seek(page, wave);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.body.dataset.playing === 'interception', undefined, { timeout: 30_000, polling: 50 });
    await screenshot(page, 'replay-viewer-wave');
    expect(await page.textContent('.phase-chip.current')).toBe('Threats');
    // Seeking mid-wave: the board goes to the new moment at once and the wave is gone.
    await page.keyboard.press('Home');
    expect(await position(page)).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.playing ?? null)).toBeNull();
    expect(await page.textContent('.phase-chip.current')).toBe('Events');

    // One step onto a card: it stays until closed (Enter). Playing over a card: it closes by itself and playing goes on.
    const card = firstWith('card');
    const next = firstWith('card', card + 1);
    expect(next).toBeGreaterThan(card);
    await seek(page, card);
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('.card-dialog', { timeout: 30_000 });
    await screenshot(page, 'replay-viewer-card');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.card-dialog', { state: 'detached' });
    await seek(page, next);
    await page.keyboard.press('p');
    await page.waitForSelector('.card-dialog', { timeout: 30_000 });
    await page.waitForSelector('.card-dialog', { state: 'detached', timeout: 30_000 });
    await expect.poll(() => position(page), { timeout: 30_000, interval: 50 }).toBeGreaterThan(next + 1);
    await screenshot(page, 'replay-viewer-playing');
    await page.keyboard.press('p');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('undoes the human seat’s own action within its step, and not after the step has passed', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await startGame(page, 'undo-e2e');
    const undoable = ['fundLine', 'setDoctrine', 'orderRedeploy', 'improveQuality', 'surgeLine', 'setHalfCover'];
    for (let guard = 0; guard < 30; guard++) {
      const offered = await myStep(page);
      const pick = offered.findIndex((a) => undoable.includes(a));
      if (pick < 0) { await page.keyboard.press('e'); await page.waitForTimeout(300); continue; }
      const before = await readSession(page);
      await page.locator('.action').nth(pick).click();
      await page.waitForSelector('.dialog');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => (window as unknown as ForgeWindow).__forge.session.store.getLog().length > n, before.log.length);
      await myStep(page);
      expect(await button(page, /Undo/).getAttribute('aria-disabled')).toBeNull();
      await screenshot(page, 'replay-undo-before');
      await page.keyboard.press('u');
      await page.waitForFunction((n) => (window as unknown as ForgeWindow).__forge.session.store.getLog().length === n, before.log.length);
      const undone = await readSession(page);
      expect(undone.hash).toBe(before.hash);
      expect(undone.log).toEqual(before.log);
      await page.waitForTimeout(300);
      await screenshot(page, 'replay-undo-after');
      // Ending the step hands it on: nothing of it can be undone any more.
      await page.keyboard.press('e');
      await myStep(page);
      expect(await button(page, /Undo/).getAttribute('aria-disabled')).toBe('true');
      const still = await readSession(page);
      await page.keyboard.press('u');
      await page.waitForSelector('.toast-error');
      expect((await readSession(page)).log).toEqual(still.log);
      expect(problems).toEqual([]);
      await page.close();
      return;
    }
    throw new Error('no undoable action was offered');
  });
});
