import { describe, expect, it } from 'vitest';
import { distinctSampledColours, screenshot, servedGame, watchProblems } from './harness';


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
});
