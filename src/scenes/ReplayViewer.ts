import * as Phaser from 'phaser';
import { shippedScenarios } from '../app/catalogue';
import { fileFallbackText, shareFor } from '../app/linkStart';
import { formatReplayFile } from '../app/replayFile';
import { startSession } from '../app/session';
import { closeViewer, currentViewer, storeViewer, storeViewerAt, unstoreViewer, type ViewerSession } from '../app/viewerSession';
import { canonicalJson, legalActions, logEntries, phaseName, turnLabel, type Action, type GameEvent, type GameState, type Seats } from '../core';
import { displayLabel } from '../debrief/words';
import { openDebrief } from '../ui/debrief';
import { typeWords } from '../ui/dom';
import { hoverTip, toast } from '../ui/dialog';
import { cardDialog, helpDialog } from '../ui/gameDialogs';
import { dialogOpen, listShortcuts, setShortcuts } from '../ui/keys';
import { announce, sceneLayer } from '../ui/overlay';
import { downloadText, forkDialog, showShared } from '../ui/replayDialogs';
import { ReplayViewerPanel, VIEWER_SPEEDS, type ViewerSpeed } from '../ui/replayViewer';
import { BoardView } from '../view/board';
import { ReplayAnimator } from '../view/replayAnimator';

/**
 * Watches a replay: the board shows the moment chosen; play, step, jump, "play from here" and the debrief.
 * Playing and stepping forward show each action's waves, cards, deliveries and phase banners as the
 * game does; every other move shows the moment at once. The tab keeps the replay and the moment, so a
 * reload comes back here.
 */
export class ReplayViewer extends Phaser.Scene {
  #viewer!: ViewerSession;
  #board!: BoardView;
  #panel!: ReplayViewerPanel;
  #animator!: ReplayAnimator;
  #position = 0;
  #playing = false;
  #speed: ViewerSpeed = 'normal';
  /** Bumped by every play and pause: a playing loop that sees another number stops. */
  #playRun = 0;
  #storeWarned = false;
  /** While an action is shown: the turn and phase its animation has reached. */
  #shown: { turn: number; phase: GameState['phase'] } | null = null;

  constructor() {
    super('ReplayViewer');
  }

  create(): void {
    const viewer = currentViewer();
    if (!viewer) { this.scene.start('MainMenu'); return; }
    this.#viewer = viewer;
    this.#playing = false;
    this.#storeWarned = false;
    this.#speed = VIEWER_SPEEDS.find((s) => s.id === viewer.speed)?.id ?? 'normal';
    // No camera fill: the game's clear colour is the same, and a full-screen fill costs every frame.
    this.tweens.setLagSmooth(2000, 100);
    const t = viewer.timeline;
    this.#position = Math.min(viewer.start, t.length);
    this.#board = new BoardView(this, t.stateAt(this.#position));
    this.#board.onHover = hoverTip;
    this.#shown = null;
    this.#animator = new ReplayAnimator(this, this.#board, {
      showCard: (s, e, speed, onCut) => showCard(s, e, this.#playing ? speed : null, onCut),
      onBusy: (busy) => { if (!busy && this.#shown) { this.#shown = null; this.#refresh(); } },
      onPhase: (turn, phase) => { this.#shown = { turn, phase }; this.#refresh(); },
    });
    this.#panel = new ReplayViewerPanel(sceneLayer('viewer', this), {
      onSeek: (p) => this.#show(p, false),
      onStep: (d) => this.#step(d),
      onTurn: (d) => this.#turn(d),
      onJump: (turn) => this.#jump(turn),
      onPlay: () => this.#togglePlay(),
      onSpeed: (s) => { this.#speed = s; this.#refresh(); this.#keep(); },
      onFork: () => this.#fork(),
      onSave: () => this.#save(),
      onShare: () => void this.#share(),
      onDebrief: () => this.#debrief(),
      onHelp: () => helpDialog(listShortcuts()),
      onMenu: () => this.scene.start('MainMenu'),
    });
    this.#setKeys();
    this.events.once('shutdown', () => {
      this.#pause();
      this.#animator.cut();
      // Left for the menu or a new game: a reload no longer comes back here.
      unstoreViewer();
      hoverTip(null, 0, 0);
    });
    this.#show(this.#position, false);
    const stored = storeViewer(viewer, this.#position, this.#speed);
    if (!stored.ok) { this.#storeWarned = true; toast(stored.message, 'error'); }
    if (t.refused) toast(`The replay stops at action ${t.refused.index + 1}: the rules refuse it (${t.refused.message}).`, 'error');
    if (viewer.notice) toast(viewer.notice, 'error');
  }

  #setKeys(): void {
    const onButton = () => document.activeElement instanceof HTMLButtonElement;
    setShortcuts([
      ['ArrowRight', 'Forward one action', () => this.#step(1)],
      ['ArrowLeft', 'Back one action', () => this.#step(-1)],
      ['PageDown', 'Forward one turn', () => this.#turn(1)],
      ['PageUp', 'Back one turn', () => this.#turn(-1)],
      ['Home', 'To the start', () => this.#show(0, false)],
      ['End', 'To the end', () => this.#show(this.#viewer.timeline.length, false)],
      ['p', 'Play or pause (Space too, unless a button has focus)', () => this.#togglePlay()],
      [' ', 'Play or pause', () => { if (onButton()) (document.activeElement as HTMLButtonElement).click(); else this.#togglePlay(); }],
      ['+', 'Play faster', () => this.#faster(1)],
      ['-', 'Play slower', () => this.#faster(-1)],
      ['t', 'Jump to a turn: type its number, then Enter', () => this.#panel.focusTurn()],
      ['f', 'Play from here (a new game from this moment)', () => this.#fork()],
      ['r', 'Save the replay file', () => this.#save()],
      ['k', 'Copy a share link to this replay', () => void this.#share()],
      ['d', 'Debrief of the replay (of the game so far when the replay ends before the game)', () => this.#debrief()],
      ['l', 'Go to the log', () => this.#panel.focusLog()],
      ['?', 'Show this help', () => helpDialog(listShortcuts())],
    ]);
  }

  /** `animate`: one action forward plays what it did; any other move shows the moment at once. */
  #show(position: number, animate: boolean): void {
    const t = this.#viewer.timeline;
    const from = this.#position;
    this.#position = Math.max(0, Math.min(position, t.length));
    const pace = VIEWER_SPEEDS.find((s) => s.id === this.#speed)!;
    if (animate && this.#position === from + 1 && pace.animation > 0) this.#animator.play(t.stateAt(from), t.stateAt(this.#position), t.events[from]!, pace.animation);
    else {
      this.#animator.cut();
      void this.#board.update(t.stateAt(this.#position), animate ? Math.round(pace.ms * 0.7) : 0);
    }
    this.#refresh();
    this.#keep();
    if (this.#position >= t.length && this.#playing) this.#pause();
  }

  /** The moment shown, for a reload; a storage that refuses it is reported once. */
  #keep(): void {
    const stored = storeViewerAt(this.#position, this.#speed);
    if (!stored.ok && !this.#storeWarned) { this.#storeWarned = true; toast(stored.message, 'error'); }
  }

  #refresh(): void {
    const t = this.#viewer.timeline;
    const p = this.#position;
    const state = t.stateAt(p);
    const action = p > 0 ? t.actions[p - 1]! : null;
    const current = action ? { role: action.role, text: describe(t.stateAt(p - 1), state, action, t.linesOf(p - 1)) } : null;
    this.#panel.update({
      state, position: p, length: t.length, playing: this.#playing, speed: this.#speed, current,
      currentLines: p > 0 ? t.linesOf(p - 1) : { from: 0, to: 0 }, verdict: this.#viewer.verdict,
      finished: t.stateAt(t.length).outcome !== null, shown: this.#shown,
    });
  }

  #step(delta: number): void {
    this.#pause();
    this.#show(this.#position + delta, delta === 1);
  }

  /** Back: to the start of this turn, or of the one before when already there. Forward: the next turn's start. */
  #turn(delta: number): void {
    this.#pause();
    const t = this.#viewer.timeline;
    const now = t.stateAt(this.#position).turn;
    if (delta > 0) { this.#show(now >= t.lastTurn ? t.length : t.startOfTurn(now + 1), false); return; }
    const start = t.startOfTurn(now);
    this.#show(this.#position > start ? start : t.startOfTurn(now - 1), false);
  }

  #jump(turn: number): void {
    this.#pause();
    const t = this.#viewer.timeline;
    const last = t.lastTurn;
    if (turn < 1 || turn > last) { toast(`This replay has turns 1 to ${last}.`, 'error'); return; }
    this.#show(t.startOfTurn(turn), false);
    announce(`Turn ${turn}`);
  }

  #togglePlay(): void {
    if (this.#playing) { this.#pause(); this.#refresh(); return; }
    if (this.#position >= this.#viewer.timeline.length) this.#show(0, false);
    this.#playing = true;
    this.#refresh();
    void this.#play(++this.#playRun);
  }

  /** One action after another; each waits for the one before to be shown (a card closes by itself). */
  async #play(run: number): Promise<void> {
    const on = () => this.#playing && run === this.#playRun;
    while (on()) {
      await new Promise((r) => setTimeout(r, VIEWER_SPEEDS.find((s) => s.id === this.#speed)!.ms));
      if (!on()) return;
      if (dialogOpen()) continue;
      this.#show(this.#position + 1, true);
      await this.#animator.idle();
    }
  }

  /** Stops playing; an action already on screen finishes, so the board ends at the moment shown. */
  #pause(): void {
    this.#playing = false;
    this.#playRun++;
  }

  #debrief(): void {
    this.#pause();
    this.#refresh();
    const f = this.#viewer.file;
    openDebrief({ ...f, actions: this.#viewer.timeline.actions });
  }

  #faster(by: number): void {
    const i = VIEWER_SPEEDS.findIndex((s) => s.id === this.#speed);
    this.#speed = VIEWER_SPEEDS[Math.max(0, Math.min(VIEWER_SPEEDS.length - 1, i + by))]!.id;
    announce(`Playing speed: ${VIEWER_SPEEDS.find((s) => s.id === this.#speed)!.label}`);
    this.#refresh();
    this.#keep();
  }

  #save(): void {
    const f = this.#file();
    downloadText(f.name, f.text);
  }

  /** The replay file as it was opened. */
  #file(): { name: string; text: string } {
    const f = this.#viewer.file;
    return { name: `${f.scenarioId}-${f.seed.replace(/[^a-z0-9-]+/gi, '-')}.replay.json`, text: formatReplayFile(f) };
  }

  async #share(): Promise<void> {
    const f = this.#viewer.file;
    showShared(await shareFor(location.href, f, shippedScenarios()), `Opens this replay (${f.scenario.title}, ${f.actions.length} actions) in the viewer.`, () => this.#file(), fileFallbackText);
  }

  #fork(): void {
    this.#pause();
    this.#refresh();
    const t = this.#viewer.timeline;
    const f = this.#viewer.file;
    const at = this.#position;
    const s = t.stateAt(at);
    const where = at === 0 ? 'at the very beginning' : `in ${turnLabel(s)} (turn ${s.turn}, ${phaseName(s.phase)} phase), after action ${at}`;
    forkDialog(f.scenario, f.seats, where, (seats: Seats) => {
      try {
        startSession(f.scenario, seats, f.seed, { log: t.actions.slice(0, at), origin: { file: f, at, label: this.#viewer.source } });
      } catch (err) {
        toast(`With these seats the game up to here cannot be re-run: ${(err as Error).message}. Keep the original seats, or fork at another moment.`, 'error');
        return;
      }
      closeViewer();
      this.scene.start('Game');
    });
  }
}

/**
 * A card drawn while watching. While playing it is shown for a moment and closes by itself, so playing
 * goes on; after one step forward (`speed` null) it stays until closed. Enter or Esc close it sooner.
 */
function showCard(s: GameState, e: Extract<GameEvent, { kind: 'card' }>, speed: number | null, onCut: (close: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const handle = cardDialog(s, e.card, e.text, () => resolve());
    const close = () => { if (timer !== null) clearTimeout(timer); handle.close(); resolve(); };
    const timer = speed === null ? null : setTimeout(close, Math.max(2500, 6000 * speed));
    onCut(close);
  });
}

/** The action in words: the line it wrote to the log, else the label the action list gave it. */
function describe(before: GameState, after: GameState, action: Action, lines: { from: number; to: number }): string {
  const written = logEntries(after.log, lines.from, lines.to).find((e) => !/^[A-Z][a-z]+ phase\./.test(e.text));
  if (written) return written.text;
  const same = (a: Action) => canonicalJson({ ...a, lots: 0, amount: 0 }) === canonicalJson({ ...action, lots: 0, amount: 0 });
  const legal = action.role === 'facilitator' ? undefined : legalActions(before, action.role).find((l) => same(l.action));
  if (legal) return displayLabel(before, legal);
  if (action.type === 'endPhase') return 'Ends the step.';
  return typeWords(action.type);
}
