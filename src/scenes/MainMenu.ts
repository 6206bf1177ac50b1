import * as Phaser from 'phaser';
import { loadCatalogue } from '../app/catalogue';
import { readScenarioText } from '../app/scenarioFile';
import { currentSession, endSession, randomSeed, startSession } from '../app/session';
import { defaultSeats } from '../core';
import { renderMenu, type MenuEntry } from '../ui/menu';
import { mountOverlay, removeLayer, sceneLayer } from '../ui/overlay';
import { setShortcuts } from '../ui/keys';
import { drawBackdrop } from '../view/backdrop';
import { label } from '../view/draw';
import { palette } from '../view/theme';

/** The title screen: scenarios, seats and seed (DOM panels over a Phaser backdrop). */
export class MainMenu extends Phaser.Scene {
  constructor() {
    super('MainMenu');
  }

  create(): void {
    if (currentSession()) endSession();
    drawBackdrop(this);
    this.add.image(70, 62, 'emblem').setDisplaySize(84, 84);
    label(this, 126, 30, 'Forge & Shield', { size: 44, bold: true, colour: palette.accent });
    label(this, 128, 82, 'A strategy game of defence partnerships: build together, defend together.', { size: 18, colour: palette.textMuted });
    mountOverlay(this.game.canvas);
    const layer = sceneLayer('menu');
    setShortcuts([]);
    const entries: MenuEntry[] = loadCatalogue().map((e) => (e.ok ? e : { ok: false, file: e.file, problems: e.errors.map((x) => ({ where: x.path, message: x.message })) }));
    renderMenu(layer, {
      entries,
      seed: randomSeed(),
      newSeed: randomSeed,
      readFile: readScenarioText,
      defaultSeats,
      onContinue: null,
      onStart: (scenario, seats, seed) => {
        startSession(scenario, seats, seed);
        this.scene.start('Briefing');
      },
    });
    this.events.once('shutdown', () => removeLayer('menu'));
    document.body.dataset.scene = 'MainMenu';
  }
}
