import * as Phaser from 'phaser';
import { applyAction, createGame, replay, viewFor, type Action, type GameState } from '../core';
import { setShortcuts } from '../ui/keys';
import { mountOverlay, sceneLayer } from '../ui/overlay';
import { ProjectorPanels } from '../ui/projector';
import { follow, projectorRequest, type ChannelMessage } from '../ui/projectorChannel';
import { BoardView } from '../view/board';

/** The projector window: the facilitator's game re-run from its log, shown through the public view. */
export class Projector extends Phaser.Scene {
  #board: BoardView | null = null;
  #state: GameState | null = null;
  #actions: Action[] = [];
  #pending: ChannelMessage | null = null;

  constructor() {
    super('Projector');
  }

  create(): void {
    const id = projectorRequest();
    if (!id) { this.scene.start('MainMenu'); return; }
    this.#board = null;
    this.#state = null;
    this.#actions = [];
    // No camera fill: the game's clear colour is the same, and a full-screen fill costs every frame.
    mountOverlay(this.game.canvas);
    const layer = sceneLayer('projector', this);
    setShortcuts([]);
    const panels = new ProjectorPanels(layer);
    const link = follow(id, (m) => this.#receive(m, panels, () => link.resync()));
    const first = this.#pending;
    this.#pending = null;
    if (first) this.#receive(first, panels, () => link.resync());
    this.events.once('shutdown', () => link.close());
    document.title = 'Forge & Shield — projector';
  }

  #receive(m: ChannelMessage, panels: ProjectorPanels, resync: () => void): void {
    if (m.kind === 'closed') {
      if (!this.#state?.outcome) panels.waiting('The facilitator’s window has left the game. This screen shows where it stopped.');
      return;
    }
    if (m.kind === 'hello') return;
    if (m.kind === 'sync') {
      const same = this.#state && this.#state.seed === m.seed && this.#state.scenarioHash === createGame(m.scenario, m.seed, m.seats).scenarioHash;
      // A different game needs a fresh board: restart the scene and take the message from there.
      if (this.#board && !same) { this.#pending = m; this.scene.restart(); return; }
      const again = replay(m.scenario, m.seed, m.seats, m.actions);
      this.#state = again.state;
      this.#actions = m.actions.slice(0, again.failure ? again.failure.index : m.actions.length);
    } else {
      if (!this.#state || m.index !== this.#actions.length) { resync(); return; }
      const result = applyAction(this.#state, m.action);
      if (!result.ok) { resync(); return; }
      this.#state = result.state;
      this.#actions.push(m.action);
    }
    panels.waiting(null);
    const view = viewFor(this.#state, 'public');
    // The board is drawn from the public view too: no deck order, dice, planned waves or private intelligence.
    const shown = { ...view, deck: [], plannedWaves: {}, intel: {} } as unknown as GameState;
    if (!this.#board) this.#board = new BoardView(this, shown);
    else void this.#board.update(shown, 350);
    panels.update(view);
  }
}
