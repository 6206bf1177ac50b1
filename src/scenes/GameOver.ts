import * as Phaser from 'phaser';
import { replayDownload } from '../app/replaySave';
import { currentSession, forkFiles, startSession } from '../app/session';
import { dialogOpen, setShortcuts } from '../ui/keys';
import { COMPARE_KEY, openForkCompare } from '../ui/forkCompare';
import { renderEndScreen } from '../ui/endScreen';
import { openDebrief } from '../ui/debrief';
import { sceneLayer } from '../ui/overlay';
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
    const { origin } = session;
    let open: { close(): void } | null = null;
    const compare = origin
      ? () => {
        if (dialogOpen()) return;
        open = openForkCompare(origin.file, session.store.game(), origin.at, { originLabel: origin.label, files: () => forkFiles(session)! });
      }
      : null;
    setShortcuts(compare ? [[...COMPARE_KEY, compare]] : []);
    const layer = sceneLayer('end', this);
    this.events.once('shutdown', () => open?.close());
    const { store } = session;
    renderEndScreen(layer, store.getState(), {
      onAgain: () => {
        startSession(store.scenario, store.seats, store.seed);
        this.scene.start('Briefing');
      },
      onMenu: () => this.scene.start('MainMenu'),
      replay: () => replayDownload(store),
      onDebrief: () => { openDebrief(store.game()); },
      onCompare: compare,
    });
  }
}
