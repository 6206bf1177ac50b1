import * as Phaser from 'phaser';
import { currentSession } from '../app/session';
import { roleName } from '../core';
import { renderBriefing } from '../ui/briefing';
import { showCurtain } from '../ui/gameDialogs';
import { setShortcuts } from '../ui/keys';
import { sceneLayer } from '../ui/overlay';
import { drawBackdrop } from '../view/backdrop';

/** One briefing per human role before turn 1; a curtain between seats when several share the screen. */
export class Briefing extends Phaser.Scene {
  constructor() {
    super('Briefing');
  }

  create(): void {
    const session = currentSession();
    if (!session) { this.scene.start('MainMenu'); return; }
    drawBackdrop(this);
    setShortcuts([]);
    const layer = sceneLayer('briefing', this);
    const state = session.store.getState();
    const humans = session.humans;
    const show = (i: number) => {
      layer.replaceChildren();
      if (i >= humans.length) { this.scene.start('Game'); return; }
      const role = state.scenario.roles.find((r) => r.id === humans[i])!;
      const next = humans[i + 1];
      const brief = () => renderBriefing(layer, {
        scenario: state.scenario, role, index: i, count: humans.length,
        continueLabel: next ? `Done: pass to ${roleName(state, next)}` : 'To the board',
        onContinue: () => show(i + 1),
      });
      if (humans.length > 1) showCurtain(state, role.id, brief);
      else brief();
    };
    show(0);
  }
}
