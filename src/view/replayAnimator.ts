import * as Phaser from 'phaser';
import type { GameEvent, GameState } from '../core';
import type { BoardView } from './board';
import { EventPlayer, type PlayerHooks } from './eventPlayer';

// The replay viewer's animations: one action's events at a time, through the live game's EventPlayer.
// The viewer moves freely (back, seek, jump, pause), so an animation can be cut short at any moment.
// Each action gets its own player, handed a scene and a board that answer to it alone: once it is
// cut short, everything it has drawn and still draws is hidden, and it can no longer redraw the board
// or strike a region. The viewer then puts the board at the moment shown itself.

export interface AnimatorHooks {
  /** An event card was drawn: resolve when it has been seen. `cut` is called if the action is cut short first. */
  showCard(s: GameState, e: Extract<GameEvent, { kind: 'card' }>, speed: number, onCut: (close: () => void) => void): Promise<void>;
  /** The animation of an action began (true) or ended (false, also when cut short). */
  onBusy(busy: boolean): void;
  /** A phase banner is shown: the turn and phase the board is showing now. */
  onPhase(turn: number, phase: GameState['phase']): void;
}

interface Run { live: boolean; drawn: Set<Phaser.GameObjects.GameObject>; cuts: (() => void)[]; player: EventPlayer }

export class ReplayAnimator {
  #run: Run | null = null;

  readonly #scene: Phaser.Scene;
  readonly #board: BoardView;
  readonly #hooks: AnimatorHooks;

  constructor(scene: Phaser.Scene, board: BoardView, hooks: AnimatorHooks) {
    this.#scene = scene;
    this.#board = board;
    this.#hooks = hooks;
  }

  /** Shows one action: `before` is the moment on the board, `after` the moment the action led to. */
  play(before: GameState, after: GameState, events: readonly GameEvent[], speed: number): void {
    if (this.cut()) void this.#board.update(before, 0);
    const run: Run = { live: true, drawn: new Set(), cuts: [], player: null as unknown as EventPlayer };
    const hooks: PlayerHooks = {
      speed: () => (run.live ? speed : 0),
      revealLog: () => undefined,
      showCard: (s, e) => (run.live ? this.#hooks.showCard(s, e, speed, (close) => run.cuts.push(close)) : Promise.resolve()),
      onBusy: (busy) => { if (run.live) { if (!busy) this.#run = null; this.#hooks.onBusy(busy); } },
      onPhase: (turn, phase) => { if (run.live) this.#hooks.onPhase(turn, phase); },
    };
    run.player = new EventPlayer(sceneFor(this.#scene, run), boardFor(this.#board, run), hooks);
    this.#run = run;
    run.player.push(after, events);
  }

  /** Stops the action on screen, if any: true when one was cut short (the board then shows a moment in between). */
  cut(): boolean {
    const run = this.#run;
    this.#run = null;
    if (!run) return false;
    run.live = false;
    for (const o of run.drawn) hide(o);
    for (const close of run.cuts.splice(0)) close();
    delete document.body.dataset.playing;
    this.#hooks.onBusy(false);
    return true;
  }

  get busy(): boolean {
    return this.#run !== null;
  }

  /** Resolves when the action on screen has been shown (or at once, or when it is cut short). */
  async idle(): Promise<void> {
    while (this.#run) {
      const run = this.#run;
      await Promise.race([run.player.idle(), new Promise((r) => setTimeout(r, 100))]);
      if (this.#run === run && !run.player.busy) this.#run = null;
    }
  }
}

function hide(o: Phaser.GameObjects.GameObject): void {
  const v = o as unknown as { setVisible?: (on: boolean) => unknown };
  v.setVisible?.(false);
}

/** The scene as one run sees it: what it adds is recorded, and hidden at once after the run is cut. */
function sceneFor(scene: Phaser.Scene, run: Run): Phaser.Scene {
  const add = new Proxy(scene.add, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const made = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (made instanceof Phaser.GameObjects.GameObject) {
          run.drawn.add(made);
          made.once(Phaser.GameObjects.Events.DESTROY, () => run.drawn.delete(made));
          if (!run.live) hide(made);
        }
        return made;
      };
    },
  });
  return new Proxy(scene, { get: (target, prop) => (prop === 'add' ? add : Reflect.get(target, prop)) });
}

/** The board as one run sees it: once the run is cut, it neither redraws the board nor strikes a region. */
function boardFor(board: BoardView, run: Run): BoardView {
  const regions = new Proxy(board.regions, {
    get(target, prop) {
      const region = Reflect.get(target, prop) as BoardView['regions'][string] | undefined;
      if (!region) return region;
      return { strike: (ms: number) => (run.live ? region.strike(ms) : Promise.resolve()) };
    },
  });
  return new Proxy(board, {
    get(target, prop) {
      if (prop === 'regions') return regions;
      if (prop === 'update') return (s: GameState, ms: number) => (run.live ? target.update(s, ms) : Promise.resolve());
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
