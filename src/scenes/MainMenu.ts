import * as Phaser from 'phaser';
import { loadCatalogue, type CatalogueEntry } from '../app/catalogue';
import { palette, fonts } from '../view/theme';

/** The title screen and the list of scenarios found in scenarios/. */
export class MainMenu extends Phaser.Scene {
  constructor() {
    super('MainMenu');
  }

  create(): void {
    const { width } = this.scale;
    this.add.image(width / 2, 110, 'emblem').setDisplaySize(112, 112);
    this.add
      .text(width / 2, 200, 'Forge & Shield', { fontFamily: fonts.family, fontSize: fonts.title, color: palette.accent, fontStyle: 'bold' })
      .setOrigin(0.5);
    this.add
      .text(width / 2, 250, 'A strategy game of defence partnerships', { fontFamily: fonts.family, fontSize: fonts.body, color: palette.textMuted })
      .setOrigin(0.5);
    this.drawCatalogue(loadCatalogue());
    document.body.dataset.scene = 'MainMenu';
  }

  private drawCatalogue(entries: CatalogueEntry[]): void {
    const { width } = this.scale;
    const top = 310;
    if (entries.length === 0) {
      this.add
        .text(width / 2, top + 40, 'No scenarios found.\nAdd scenario files to the scenarios folder to play.', {
          fontFamily: fonts.family, fontSize: fonts.body, color: palette.text, align: 'center',
        })
        .setOrigin(0.5);
      return;
    }
    this.add.text(width / 2, top, 'Scenarios', { fontFamily: fonts.family, fontSize: fonts.heading, color: palette.text }).setOrigin(0.5);
    entries.forEach((entry, index) => {
      const y = top + 50 + index * 44;
      const label = entry.ok
        ? `${entry.scenario.title} — ${entry.scenario.roles.length} roles, ${entry.scenario.turns} turns`
        : `${entry.file} cannot be played: ${entry.errors[0]?.path ?? ''} ${entry.errors[0]?.message ?? ''}`;
      this.add.rectangle(width / 2, y, 760, 38, palette.panel).setStrokeStyle(1, palette.panelEdge);
      this.add
        .text(width / 2, y, label, { fontFamily: fonts.family, fontSize: fonts.body, color: entry.ok ? palette.text : palette.accent })
        .setOrigin(0.5);
    });
  }
}
