import * as Phaser from 'phaser';
import { currentSession, forkFiles, getSpeed, setSpeed, type Session } from '../app/session';
import { shippedScenarios } from '../app/catalogue';
import { fileFallbackText, shareFor } from '../app/linkStart';
import { replayFileOf } from '../app/replayImport';
import { formatReplayFile } from '../app/replayFile';
import { h } from '../ui/dom';
import { downloadText, saveShareDialog, showShared } from '../ui/replayDialogs';
import { logSize, type Action, type GameEvent, type GameState, type LegalAction } from '../core';
import { actionRegions } from '../ui/actionsPanel';
import { clearNotices, hoverTip, toast, type DialogHandle } from '../ui/dialog';
import { cardDialog, choiceDialog, confirmAction, helpDialog, leaveDialog, objectivesDialog, originProblemDialog, proposalDialog, showCurtain } from '../ui/gameDialogs';
import { COMPARE_KEY, openForkCompare } from '../ui/forkCompare';
import { GameHud } from '../ui/gameHud';
import { FacilitatorConsole } from '../ui/facilitator';
import { dialogOpen, listShortcuts, setShortcuts, type Shortcut } from '../ui/keys';
import { announce, sceneLayer } from '../ui/overlay';
import { BoardView } from '../view/board';
import { EventPlayer } from '../view/eventPlayer';
import { SPEED_SCALE, type Speed } from '../view/theme';

/** The board: reads the store, shows what each action did, and sends the player's intents back. */
export class Game extends Phaser.Scene {
  #session!: Session;
  #board!: BoardView;
  #hud!: GameHud;
  /** The teacher's console, when the game has a facilitator seat. */
  #console: FacilitatorConsole | null = null;
  #player!: EventPlayer;
  #viewer: string | null = null;
  #curtainUp = false;
  #openDialog: DialogHandle | null = null;
  #answered = new Set<string>();
  #leaving = false;
  #saveWarned = false;
  /** The turn and phase the board is showing while it catches up with the store. */
  #shown: { turn: number; phase: GameState['phase'] } | null = null;

  constructor() {
    super('Game');
  }

  create(): void {
    const session = currentSession();
    if (!session) { this.scene.start('MainMenu'); return; }
    this.#session = session;
    this.#leaving = false;
    this.#answered = new Set();
    this.#openDialog = null;
    this.#curtainUp = false;
    const store = session.store;
    // No camera fill: the game's clear colour is the same, and in software WebGL a full-screen fill
    // every frame costs more than the whole board (docs/performance.md, "Frame time during waves").
    // Slow classroom machines drop frames: let tweens keep wall-clock time instead of stretching.
    this.tweens.setLagSmooth(2000, 100);
    this.#board = new BoardView(this, store.getState());
    this.#board.onHover = hoverTip;
    const layer = sceneLayer('game', this);
    this.#hud = new GameHud(layer, {
      isBot: (r) => store.isBot(r),
      onChoose: (l) => this.#choose(l),
      onEnd: (l) => this.#send(l.action),
      onPreview: (a) => this.#board.highlight(actionRegions(store.getState(), a)),
      onSpeed: (v) => { setSpeed(v as Speed); this.#refresh(); },
      onHelp: () => { this.#openDialog = helpDialog(listShortcuts()); },
      onObjectives: () => this.#showObjectives(),
      onMenu: () => {
        this.#openDialog = leaveDialog(() => {
          this.#leaving = true;
          store.stop();
          this.scene.start('MainMenu');
        }, session.saveStatus.ok);
      },
    });
    this.#console = store.seats.facilitator?.kind === 'facilitator' ? new FacilitatorConsole(layer, store) : null;
    // A resumed hotseat game shows nobody's screen until the seat on step says it is ready.
    this.#viewer = session.resumed && session.humans.length > 1 ? null : session.humans[0] ?? null;
    this.#saveWarned = false;
    this.#player = new EventPlayer(this, this.#board, {
      speed: () => SPEED_SCALE[getSpeed()],
      revealLog: (s, n) => this.#hud.log.show(s, n),
      showCard: (s, e) => this.#showCard(s, e),
      onBusy: (busy) => { if (!busy) this.#shown = null; this.#refresh(); },
      onPhase: (turn, phase) => { this.#shown = { turn, phase }; this.#refresh(); },
    });
    this.#hud.log.show(store.getState(), logSize(store.getState().log));
    const unsubscribe = store.subscribe((state, events) => { this.#player.push(state, events); this.#refresh(); });
    store.setPacing({
      botDelay: () => Math.round(450 * SPEED_SCALE[getSpeed()]),
      settled: () => this.#settled(),
    });
    this.#setKeys();
    this.events.once('shutdown', () => {
      unsubscribe();
      this.#console?.dispose();
      store.setPacing(null);
      this.#openDialog?.close();
      hoverTip(null, 0, 0);
    });
    this.#reportOriginProblem();
    this.#refresh();
    store.start();
  }

  /** Once, on resuming a fork whose original could not be restored: why, and the damaged save to download. */
  #reportOriginProblem(): void {
    const problem = this.#session.originProblem;
    if (!problem) return;
    this.#session.originProblem = null;
    this.#openDialog = originProblemDialog(problem.reason, problem.key !== null, () => downloadText('forge-shield-damaged-fork-save.json', problem.text));
  }

  /** Everything shown and no dialog waiting: a bot may take its turn. */
  async #settled(): Promise<void> {
    for (;;) {
      await this.#player.idle();
      if (!dialogOpen() && !this.#curtainUp && !this.#player.busy) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  #setKeys(): void {
    setShortcuts([
      ['e', 'End my step', () => this.#hud.endButton()?.click()],
      ['a', 'Go to the list of actions', () => this.#hud.focusActions()],
      ['l', 'Go to the log (arrow keys scroll it)', () => this.#hud.log.focus()],
      ['o', 'Show your objectives', () => this.#showObjectives()],
      ['s', 'Change the animation speed (normal, fast, skip)', () => this.#cycleSpeed()],
      ['u', 'Undo my last action (within my step, when nothing was left to chance)', () => this.#undo()],
      ['r', 'Save the replay file or copy a share link', () => this.#saveShare()],
      ['?', 'Show this help', () => { this.#openDialog = helpDialog(listShortcuts()); }],
      ...(this.#session.origin ? [[...COMPARE_KEY, () => this.#compare()] as Shortcut] : []),
      ...(this.#console ? [['f', 'Open or close the facilitator console', () => this.#console?.setOpen(!this.#console.isOpen())] as Shortcut] : []),
    ]);
  }

  #showObjectives(): void {
    if (this.#viewer && !this.#curtainUp) this.#openDialog = objectivesDialog(this.#session.store.getState(), this.#viewer);
  }

  #cycleSpeed(): void {
    // SPEED_SCALE lists the speeds in the order S steps through them: normal, fast, skip.
    const order = Object.keys(SPEED_SCALE) as Speed[];
    setSpeed(order[(order.indexOf(getSpeed()) + 1) % order.length]!);
    announce(`Animation speed: ${getSpeed()}`);
    this.#refresh();
  }

  #legal(): LegalAction[] {
    const actor = this.#session.store.actor();
    return this.#viewer && actor === this.#viewer ? this.#session.store.legalFor(this.#viewer) : [];
  }

  #refresh(): void {
    if (this.#leaving) return;
    const store = this.#session.store;
    const state = store.getState();
    const actor = store.actor();
    const busy = this.#player.busy;
    this.#hud.update({ state, shown: busy ? this.#shown : null, viewer: this.#viewer, actor, legal: busy ? [] : this.#legal(), busy, speed: getSpeed() });
    this.#hud.setTools(this.#tools());
    if (!this.#session.saveStatus.ok && !this.#saveWarned) {
      this.#saveWarned = true;
      toast(this.#session.saveStatus.message, 'error');
    }
    if (busy) return;
    if (state.outcome) { this.#finish(); return; }
    this.#handOver(state, actor);
  }

  /** Between human seats the curtain falls; then any event choice or proposal opens for the new viewer. */
  #handOver(state: GameState, actor: string | null): void {
    if (this.#curtainUp || dialogOpen() || !actor || this.#session.store.isBot(actor)) return;
    if (actor !== this.#viewer && this.#session.humans.includes(actor)) {
      if (this.#session.humans.length > 1) {
        this.#curtainUp = true;
        showCurtain(state, actor, () => { this.#curtainUp = false; this.#viewer = actor; this.#refresh(); });
        return;
      }
      this.#viewer = actor;
    }
    const legal = this.#legal();
    if (state.pendingChoice?.role === this.#viewer) {
      this.#openDialog = choiceDialog(state, legal, (a) => { this.#openDialog = null; this.#send(a); });
      return;
    }
    const proposal = state.proposals.find((p) => p.to.includes(actor) && !p.accepted.includes(actor) && !this.#answered.has(p.id));
    if (proposal) {
      this.#answered.add(proposal.id);
      this.#openDialog = proposalDialog(state, proposal.id, legal, (l) => { this.#openDialog = null; this.#choose(l); }, () => { this.#openDialog = null; this.#hud.focusActions(); });
    }
  }

  #choose(l: LegalAction): void {
    if (l.action.type === 'answerProposal' || l.action.type === 'chooseEventOption') { this.#send(l.action); return; }
    this.#openDialog = confirmAction(this.#session.store.getState(), l, (a) => { this.#openDialog = null; this.#send(a); });
  }

  #send(action: Action): void {
    const result = this.#session.store.dispatch(action);
    if (!result.ok) {
      toast(result.rejection.message, 'error');
      this.#refresh();
    }
    this.#board.highlight([]);
  }

  #showCard(s: GameState, e: Extract<GameEvent, { kind: 'card' }>): Promise<void> {
    const speed = SPEED_SCALE[getSpeed()];
    // A card that asks a human to choose opens as the choice itself once the board is idle.
    if (s.pendingChoice?.card === e.card && !this.#session.store.isBot(s.pendingChoice.role)) return Promise.resolve();
    if (speed === 0) { toast(e.text); return Promise.resolve(); }
    return new Promise((resolve) => {
      const handle = cardDialog(s, e.card, e.text, () => resolve());
      if (this.#session.humans.length === 0) setTimeout(() => { handle.close(); resolve(); }, 2500 * speed);
    });
  }

  /** Undo and "Save & share" for the side panel; undo says why not instead of hiding. */
  #tools(): HTMLElement[] {
    const store = this.#session.store;
    const viewer = this.#viewer;
    const mine = !!viewer && !this.#player.busy && !this.#curtainUp && store.actor() === viewer;
    const check = mine ? store.canUndo(viewer) : { ok: false as const, reason: 'You can undo your own actions on your step.' };
    const undo = h('button', {
      class: `btn${check.ok ? '' : ' btn-unavailable'}`, id: 'undo',
      'aria-disabled': check.ok ? undefined : 'true', title: check.ok ? 'Undo my last action (U)' : `Undo (U): ${check.reason}`,
      onclick: () => this.#undo(),
    }, '↶ Undo ', h('kbd', { text: 'U' }));
    const share = h('button', { class: 'btn', id: 'save-share', title: 'Save the replay or share a link (R)', onclick: () => this.#saveShare() }, 'Save & share ', h('kbd', { text: 'R' }));
    if (!this.#session.origin) return [undo, share];
    const compare = h('button', { class: 'btn', id: 'compare-original', title: 'Compare with the original (C)', onclick: () => this.#compare() }, 'Compare ', h('kbd', { text: 'C' }));
    return [undo, share, compare];
  }

  /** The fork beside the replay it was forked from (bots wait while it is open). */
  #compare(): void {
    const origin = this.#session.origin;
    if (!origin || dialogOpen() || this.#curtainUp) return;
    const handle = openForkCompare(origin.file, this.#session.store.game(), origin.at, {
      originLabel: origin.label,
      files: () => forkFiles(this.#session)!,
      onClose: () => { if (this.#openDialog === handle) this.#openDialog = null; this.#refresh(); },
    });
    this.#openDialog = handle;
  }

  #undo(): void {
    const viewer = this.#viewer;
    if (!viewer || this.#player.busy || this.#curtainUp || dialogOpen()) return;
    const store = this.#session.store;
    if (store.actor() !== viewer) { toast('You can undo your own actions on your step.', 'error'); return; }
    const result = store.undo(viewer);
    if (!result.ok) { toast(result.reason, 'error'); return; }
    announce('Your last action was undone.');
    toast('Undone. Your last action is taken back; the log no longer holds it.');
  }

  #saveShare(): void {
    if (dialogOpen() || this.#curtainUp) return;
    const store = this.#session.store;
    const game = () => store.game();
    const share = async (withLog: boolean) => {
      const g = game();
      showShared(await shareFor(location.href, withLog ? g : { ...g, actions: undefined }, shippedScenarios()),
        withLog ? `Opens the replay of this game so far (${g.actions.length} actions) in the viewer.` : `Starts ${store.scenario.title} with seed ${store.seed} and the same seats, from turn 1.`,
        () => replayFileOf(g), fileFallbackText);
    };
    const origin = this.#session.origin;
    this.#openDialog = saveShareDialog({
      onSaveFile: () => { const f = replayFileOf(game()); downloadText(f.name, f.text); },
      onShareStart: () => void share(false),
      onShareReplay: () => void share(true),
      onSaveOriginal: origin ? () => downloadText(`${origin.file.scenarioId}-original.replay.json`, formatReplayFile(origin.file)) : null,
      originNote: origin ? `This game was forked from ${origin.label} after action ${origin.at} of ${origin.file.actions.length}; both replays share those first ${origin.at} actions.` : null,
    });
  }

  #finish(): void {
    if (this.#leaving) return;
    this.#leaving = true;
    setTimeout(() => {
      // The board's last notices (an event line) would cover the end screen's heading.
      clearNotices();
      this.scene.start('GameOver');
    }, Math.round(900 * SPEED_SCALE[getSpeed()]) + 100);
  }
}
