import * as Phaser from 'phaser';
import { currentSession, getSpeed, setSpeed, type Session } from '../app/session';
import type { Action, GameEvent, GameState, LegalAction } from '../core';
import { actionRegions } from '../ui/actionsPanel';
import { hoverTip, toast, type DialogHandle } from '../ui/dialog';
import { cardDialog, choiceDialog, confirmAction, helpDialog, leaveDialog, objectivesDialog, proposalDialog, showCurtain } from '../ui/gameDialogs';
import { GameHud } from '../ui/gameHud';
import { dialogOpen, listShortcuts, setShortcuts } from '../ui/keys';
import { announce, removeLayer, sceneLayer } from '../ui/overlay';
import { BoardView } from '../view/board';
import { EventPlayer } from '../view/eventPlayer';
import { palette, SPEED_SCALE, type Speed } from '../view/theme';

/** The board: reads the store, shows what each action did, and sends the player's intents back. */
export class Game extends Phaser.Scene {
  private session!: Session;
  private board!: BoardView;
  private hud!: GameHud;
  private player!: EventPlayer;
  private viewer: string | null = null;
  private curtainUp = false;
  private openDialog: DialogHandle | null = null;
  private answered = new Set<string>();
  private leaving = false;
  /** The turn and phase the board is showing while it catches up with the store. */
  private shown: { turn: number; phase: GameState['phase'] } | null = null;

  constructor() {
    super('Game');
  }

  create(): void {
    const session = currentSession();
    if (!session) { this.scene.start('MainMenu'); return; }
    this.session = session;
    this.leaving = false;
    this.answered = new Set();
    this.openDialog = null;
    this.curtainUp = false;
    const store = session.store;
    this.cameras.main.setBackgroundColor(palette.background);
    // Slow classroom machines drop frames: let tweens keep wall-clock time instead of stretching.
    this.tweens.setLagSmooth(2000, 100);
    this.board = new BoardView(this, store.getState());
    this.board.onHover = hoverTip;
    const layer = sceneLayer('game');
    this.hud = new GameHud(layer, {
      isBot: (r) => store.isBot(r),
      onChoose: (l) => this.choose(l),
      onEnd: (l) => this.send(l.action),
      onPreview: (a) => this.board.highlight(actionRegions(store.getState(), a)),
      onSpeed: (v) => { setSpeed(v as Speed); this.refresh(); },
      onHelp: () => { this.openDialog = helpDialog(listShortcuts()); },
      onObjectives: () => this.showObjectives(),
      onMenu: () => { this.openDialog = leaveDialog(() => this.leave('MainMenu')); },
    });
    this.viewer = session.humans[0] ?? null;
    this.player = new EventPlayer(this, this.board, {
      speed: () => SPEED_SCALE[getSpeed()],
      revealLog: (s, n) => this.hud.log.show(s, n),
      showCard: (s, e) => this.showCard(s, e),
      onBusy: (busy) => { if (!busy) this.shown = null; this.refresh(); },
      onPhase: (turn, phase) => { this.shown = { turn, phase }; this.refresh(); },
    });
    this.hud.log.show(store.getState(), store.getState().log.length);
    const unsubscribe = store.subscribe((state, events) => { this.player.push(state, events); this.refresh(); });
    store.setPacing({
      botDelay: () => Math.round(450 * SPEED_SCALE[getSpeed()]),
      settled: () => this.settled(),
    });
    this.setKeys();
    this.events.once('shutdown', () => {
      unsubscribe();
      store.setPacing(null);
      this.openDialog?.close();
      hoverTip(null, 0, 0);
      removeLayer('game');
    });
    document.body.dataset.scene = 'Game';
    this.refresh();
    store.start();
  }

  /** Everything shown and no dialog waiting: a bot may take its turn. */
  private async settled(): Promise<void> {
    for (;;) {
      await this.player.idle();
      if (!dialogOpen() && !this.curtainUp && !this.player.busy) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private setKeys(): void {
    setShortcuts([
      { key: 'e', description: 'End my step', run: () => this.hud.endButton()?.click() },
      { key: 'a', description: 'Go to the list of actions', run: () => this.hud.focusActions() },
      { key: 'l', description: 'Go to the log (arrow keys scroll it)', run: () => this.hud.log.focus() },
      { key: 'o', description: 'Show your objectives', run: () => this.showObjectives() },
      { key: 's', description: 'Change the animation speed (normal, fast, skip)', run: () => this.cycleSpeed() },
      { key: '?', description: 'Show this help', run: () => { this.openDialog = helpDialog(listShortcuts()); } },
    ]);
  }

  private showObjectives(): void {
    if (this.viewer && !this.curtainUp) this.openDialog = objectivesDialog(this.session.store.getState(), this.viewer);
  }

  private cycleSpeed(): void {
    const order: Speed[] = ['normal', 'fast', 'skip'];
    setSpeed(order[(order.indexOf(getSpeed()) + 1) % order.length]!);
    announce(`Animation speed: ${getSpeed()}`);
    this.refresh();
  }

  private legal(): LegalAction[] {
    const actor = this.session.store.actor();
    return this.viewer && actor === this.viewer ? this.session.store.legalFor(this.viewer) : [];
  }

  private refresh(): void {
    if (this.leaving) return;
    const store = this.session.store;
    const state = store.getState();
    const actor = store.actor();
    const busy = this.player.busy;
    this.hud.update({ state, shown: busy ? this.shown : null, viewer: this.viewer, actor, legal: busy ? [] : this.legal(), busy, speed: getSpeed() });
    if (busy) return;
    if (state.outcome) { this.finish(); return; }
    this.handOver(state, actor);
  }

  /** Between human seats the curtain falls; then any event choice or proposal opens for the new viewer. */
  private handOver(state: GameState, actor: string | null): void {
    if (this.curtainUp || dialogOpen() || !actor || this.session.store.isBot(actor)) return;
    if (actor !== this.viewer && this.session.humans.includes(actor)) {
      if (this.session.humans.length > 1) {
        this.curtainUp = true;
        showCurtain(state, actor, () => { this.curtainUp = false; this.viewer = actor; this.refresh(); });
        return;
      }
      this.viewer = actor;
    }
    const legal = this.legal();
    if (state.pendingChoice?.role === this.viewer) {
      this.openDialog = choiceDialog(state, legal, (a) => { this.openDialog = null; this.send(a); });
      return;
    }
    const proposal = state.proposals.find((p) => p.to.includes(actor) && !p.accepted.includes(actor) && !this.answered.has(p.id));
    if (proposal) {
      this.answered.add(proposal.id);
      this.openDialog = proposalDialog(state, proposal.id, legal, (l) => { this.openDialog = null; this.choose(l); }, () => { this.openDialog = null; this.hud.focusActions(); });
    }
  }

  private choose(l: LegalAction): void {
    if (l.action.type === 'answerProposal' || l.action.type === 'chooseEventOption') { this.send(l.action); return; }
    this.openDialog = confirmAction(this.session.store.getState(), l, (a) => { this.openDialog = null; this.send(a); });
  }

  private send(action: Action): void {
    const result = this.session.store.dispatch(action);
    if (!result.ok) {
      toast(result.rejection.message, 'error');
      this.refresh();
    }
    this.board.highlight([]);
  }

  private showCard(s: GameState, e: Extract<GameEvent, { kind: 'card' }>): Promise<void> {
    const speed = SPEED_SCALE[getSpeed()];
    // A card that asks a human to choose opens as the choice itself once the board is idle.
    if (s.pendingChoice?.card === e.card && !this.session.store.isBot(s.pendingChoice.role)) return Promise.resolve();
    if (speed === 0) { toast(e.text); return Promise.resolve(); }
    return new Promise((resolve) => {
      const handle = cardDialog(s, e.card, e.text, () => resolve());
      if (this.session.humans.length === 0) window.setTimeout(() => { handle.close(); resolve(); }, 2500 * speed);
    });
  }

  private finish(): void {
    if (this.leaving) return;
    this.leaving = true;
    window.setTimeout(() => this.scene.start('GameOver'), Math.round(900 * SPEED_SCALE[getSpeed()]) + 100);
  }

  private leave(scene: string): void {
    this.leaving = true;
    this.session.store.stop();
    this.scene.start(scene);
  }
}
