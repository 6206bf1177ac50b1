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
    await screenshot(page, 'board-webgl');
    expect(problems).toEqual([]);
    await page.close();
  });
});
