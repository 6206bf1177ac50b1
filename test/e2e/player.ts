import type { ForgeWindow } from './forge';
import type { Page } from 'playwright-core';

// Plays the human seat through the page like a person with a keyboard: answers dialogs with Enter,
// takes a few real actions per phase (by mouse and by keyboard), and ends each step with E.

const WANTED = ['proposeAgreement', 'fundLine', 'startTechStep', 'playMove', 'orderInterceptors'];

export interface PlayResult { wave: boolean; midGame: boolean; actionsTaken: number }

export async function playToTheEnd(page: Page, hooks: { midGame(): Promise<unknown>; wave(): Promise<unknown> }): Promise<PlayResult> {
  const result: PlayResult = { wave: false, midGame: false, actionsTaken: 0 };
  const tried = new Map<string, number>();
  // Every animation plays in turns 1 and 3 (the wave); turns 2 and 4 run with animations skipped,
  // through the speed menu, to keep the run short on a loaded machine.
  const speedFor: Record<string, string> = { 'turn 1': 'fast', 'turn 2': 'skip', 'turn 3': 'fast', 'turn 4': 'skip' };
  let speedTurn = '';
  const deadline = Date.now() + 540_000;
  while (Date.now() < deadline) {
    const st = await page.evaluate(() => {
      const end = document.querySelector<HTMLButtonElement>('#end-step');
      const forge = (window as unknown as ForgeWindow).__forge;
      return {
        scene: document.body.dataset.scene,
        playing: document.body.dataset.playing ?? '',
        dialog: !!document.querySelector('.backdrop, .curtain'),
        endable: !!end && !end.disabled,
        turn: document.querySelector('.turn-count')?.textContent ?? '',
        phase: document.querySelector('.phase-chip.current')?.textContent ?? '',
        actions: [...document.querySelectorAll<HTMLElement>('.action')].map((a) => a.dataset.action ?? ''),
        logLength: forge.session.store.getLog().length,
      };
    });
    if (st.scene !== 'Game') break;
    const turnKey = st.turn.split(' of ')[0] ?? '';
    if (turnKey !== speedTurn && speedFor[turnKey] && !st.dialog) {
      speedTurn = turnKey;
      await page.selectOption('#speed', speedFor[turnKey]!);
      await page.locator('#speed').blur();
    }
    if (st.playing === 'interception' && !result.wave) {
      await page.waitForTimeout(250);
      await hooks.wave();
      result.wave = true;
      continue;
    }
    if (st.dialog) {
      await page.keyboard.press('Enter');
    } else if (st.endable) {
      const key = `${st.turn}|${st.phase}`;
      const done = tried.get(key) ?? 0;
      const pick = st.actions.findIndex((a) => WANTED.includes(a));
      if (!result.midGame && st.turn.startsWith('turn 2') && st.phase === 'Industry') {
        await hooks.midGame();
        result.midGame = true;
      }
      if (pick >= 0 && done < 2) {
        tried.set(key, done + 1);
        result.actionsTaken += 1;
        if (done === 0) {
          // By mouse: click the action, confirm with Enter.
          await page.locator('.action').nth(pick).click();
        } else {
          // By keyboard: A focuses the list, Tab walks to the action, Enter opens it.
          await page.keyboard.press('a');
          for (let i = 0; i < pick; i++) await page.keyboard.press('Tab');
          await page.keyboard.press('Enter');
        }
        await page.waitForSelector('.dialog');
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('e');
      }
    }
    await page.waitForTimeout(120);
  }
  return result;
}
