import * as Phaser from 'phaser';
import { replayDownload } from '../app/replaySave';
import { currentSession, startSession } from '../app/session';
import { setShortcuts } from '../ui/keys';
import { renderEndScreen } from '../ui/endScreen';
import { openDebrief } from '../ui/debrief';
import { removeLayer, sceneLayer } from '../ui/overlay';
import { drawBackdrop } from '../view/backdrop';

/** The end screen: outcome and scores with their breakdown; play again or back to the menu. */
export class GameOver extends Phaser.Scene {
  constructor() {
    super('GameOver');
  }

  create(): void {
    const session = currentSession();
    if (!session) { this.scene.start('MainMenu'); return; }
    drawBackdrop(this);
    setShortcuts([]);
    const layer = sceneLayer('end');
    this.events.once('shutdown', () => removeLayer('end'));
    const { store } = session;
    renderEndScreen(layer, store.getState(), {
      onAgain: () => {
        startSession(store.scenario, store.seats, store.seed);
        this.scene.start('Briefing');
      },
      onMenu: () => this.scene.start('MainMenu'),
      replay: () => replayDownload(store),
      onDebrief: () => { openDebrief(store.scenario, store.seed, store.seats, store.getLog()); },
    });
    document.body.dataset.scene = 'GameOver';
  }
}
