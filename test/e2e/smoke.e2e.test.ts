import { describe, expect, it } from 'vitest';
import { distinctSampledColours, scenarioCard, screenshot, servedGame, startButton, watchProblems } from './harness';


const served = servedGame();

describe('the built game in headless Chromium', () => {
  it('boots to the main menu with the title and the scenarios, without console errors', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(served.url);
    await page.waitForFunction(() => document.body.dataset.scene === 'MainMenu', undefined, { timeout: 30_000 });
    await page.waitForTimeout(300);
    const colours = await distinctSampledColours(page);
    await screenshot(page, 'menu');
    // Not all one colour: the title, the emblem, the panels and the text all show.
    expect(colours).toBeGreaterThan(4);
    // The title is drawn by Phaser; the scenario list is DOM over the canvas (keyboard and screen readers).
    const menuText = await page.evaluate(() => {
      const game = (window as unknown as { __forge: { game: { scene: { getScene(key: string): { children: { list: { type: string; text?: string }[] } } } } } }).__forge.game;
      const drawn = game.scene.getScene('MainMenu').children.list.filter((o) => o.type === 'Text').map((o) => o.text);
      return [...drawn, document.getElementById('ui')?.innerText ?? ''].join('\n');
    });
    expect(menuText).toContain('Forge & Shield');
    expect(menuText).toContain('First Contract');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the menu and the board with WebGL too, as on a computer with a GPU (?renderer=webgl), and with Canvas where WebGL is software', async () => {
    const rendererOf = (page: import('playwright-core').Page) => page.evaluate(() =>
      (window as unknown as { __forge: { game: { renderer: { type: number } } } }).__forge.game.renderer.type);
    // Headless Chromium here draws WebGL in software, so the game picks Canvas by itself (1 = Canvas, 2 = WebGL).
    const auto = await served.browser.newPage();
    await auto.goto(served.url);
    await auto.waitForFunction(() => document.body.dataset.scene === 'MainMenu', undefined, { timeout: 30_000 });
    expect(await rendererOf(auto)).toBe(1);
    await auto.close();

    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${served.url}?renderer=webgl`);
    await page.waitForFunction(() => document.body.dataset.scene === 'MainMenu', undefined, { timeout: 30_000 });
    expect(await rendererOf(page)).toBe(2);
    await scenarioCard(page, 'First Contract (tutorial)').click();
    await startButton(page).click();
    await page.waitForFunction(() => document.body.dataset.scene === 'Briefing');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.scene === 'Game');
    await page.waitForTimeout(500);
    expect(await distinctSampledColours(page)).toBeGreaterThan(4);
    // Two roles' cards: "South Korea" whole beside its seat and budget.
    expect(await page.$$eval('.nation-title', (els) => els.map((e) => [e.textContent, e.scrollWidth <= e.clientWidth]))).toEqual([['Poland', true], ['South Korea', true]]);
    await screenshot(page, 'board-webgl');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows every theatre and role name whole on a crowded board (Two Theatres: three theatres, six roles)', async () => {
    const page = await served.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(served.url);
    await page.waitForFunction(() => document.body.dataset.scene === 'MainMenu', undefined, { timeout: 30_000 });
    await scenarioCard(page, 'Two Theatres, One Stockpile').click();
    await page.selectOption('#seat-us', 'human');
    for (const r of ['korea', 'poland', 'gulf', 'norway', 'red']) await page.selectOption(`#seat-${r}`, 'bot:easy');
    await startButton(page).click();
    await page.waitForFunction(() => document.body.dataset.scene === 'Briefing');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.scene === 'Game');
    await page.waitForTimeout(500);
    // Each theatre's name, drawn by Phaser, and the tension numeral at the right of its header (same line).
    const headers = await page.evaluate(() => {
      type T = { type: string; text: string; x: number; y: number; originX: number; displayWidth: number };
      const list = (window as unknown as { __forge: { game: { scene: { getScene(k: string): { children: { list: T[] } } } } } }).__forge.game.scene.getScene('Game').children.list;
      const texts = list.filter((o) => o.type === 'Text');
      return ['EUROPE', 'MIDDLE EAST', 'EAST ASIA'].map((name) => {
        const t = texts.find((o) => o.text === name);
        const numeral = t ? texts.filter((o) => /^\d+$/.test(o.text) && Math.abs(o.y - t.y) < 2 && o.x > t.x).sort((a, b) => a.x - b.x)[0] : undefined;
        return { name, found: !!t, nameRight: t ? t.x + t.displayWidth * (1 - t.originX) : 0, gaugeRight: numeral?.x ?? 0 };
      });
    });
    for (const h of headers) {
      expect(h.found, `${h.name} is drawn in full`).toBe(true);
      // The gauge takes at least 126 px left of its numeral's right edge: ten segments and the numeral.
      expect(h.nameRight, `${h.name} ends before its tension gauge`).toBeLessThanOrEqual(h.gaugeRight - 126);
    }
    // The nations strip: every role's name fits its card (none cut to "S…").
    const cut = await page.$$eval('.nation-title', (els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(await page.$$eval('.nation-title', (els) => els.length)).toBe(6);
    expect(cut).toEqual([]);
    // The top bar says whose step it is in full ("United States’s step"), on two lines at most, once the bots
    // before the human have had their turn.
    await page.waitForFunction(() => document.querySelector('.step-box')?.textContent === 'United States’s step', undefined, { timeout: 60_000 });
    expect(await page.$eval('.step-box', (e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight)).toBe(true);
    await screenshot(page, 'board-three-theatres');
    expect(problems).toEqual([]);
    await page.close();
  });
});
