import * as Phaser from 'phaser';
import { palette, fonts } from '../view/theme';
import { fetchCatalogue } from '../app/catalogue';

const ICONS = ['battery', 'line', 'interceptor', 'drone', 'ballistic', 'agreement', 'intel', 'card', 'crate', 'launcher', 'rocket'] as const;

/** Loads the game's art with a progress bar and the scenario files beside it, then opens the main menu. */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  preload(): void {
    // Scenario files are data, fetched beside the art; a file that fails becomes a broken menu entry.
    void fetchCatalogue();
    const { width, height } = this.scale;
    this.add
      .text(width / 2, height / 2 - 40, 'Loading…', { fontFamily: fonts.family, fontSize: fonts.heading, color: palette.text })
      .setOrigin(0.5);
    const frame = this.add.rectangle(width / 2, height / 2 + 10, 404, 24).setStrokeStyle(2, palette.accentHex);
    const bar = this.add.rectangle(frame.x - 200, frame.y, 4, 18, palette.accentHex).setOrigin(0, 0.5);
    this.load.on('progress', (share: number) => {
      bar.width = 4 + 396 * share;
    });
    this.load.svg('emblem', 'icons/emblem.svg', { width: 128, height: 128 });
    // Icons are white line art, drawn at twice their largest size on the board and tinted where needed.
    for (const icon of ICONS) this.load.svg(`icon-${icon}`, `icons/${icon}.svg`, { width: 96, height: 96 });
  }

  create(): void {
    // The same load as above (it runs once): the menu is built when every scenario file has been read.
    void fetchCatalogue().then(() => this.scene.start('MainMenu'));
  }
}
