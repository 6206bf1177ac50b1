import * as Phaser from 'phaser';
import { logSize, phaseName, type GameEvent, type GameState } from '../core';
import { phaseBanner, playDelivery, playWave } from './animations';
import type { BoardView } from './board';
import { scaled } from './draw';

// Plays what each accepted action reported, in order, one batch at a time: phase banners, cards,
// waves, deliveries and moves. The log reveals each line as its event is shown.

type Interception = Extract<GameEvent, { kind: 'interception' }>;

export interface PlayerHooks {
  /** Animation time scale now (0 = skip). */
  speed(): number;
  /** Reveal the log up to this many entries of the batch's state. */
  revealLog(state: GameState, count: number): void;
  /** An event card was drawn; resolve once the players have seen it. */
  showCard(state: GameState, event: Extract<GameEvent, { kind: 'card' }>): Promise<void>;
  /** Called whenever the player goes idle or busy. */
  onBusy(busy: boolean): void;
  /** A new phase is being shown (the store's state may already be further on). */
  onPhase(turn: number, phase: GameState['phase']): void;
}

export class EventPlayer {
  readonly #queue: { state: GameState; events: readonly GameEvent[] }[] = [];
  #running = false;
  #waiters: (() => void)[] = [];

  readonly #scene: Phaser.Scene;
  readonly #board: BoardView;
  readonly #hooks: PlayerHooks;

  constructor(scene: Phaser.Scene, board: BoardView, hooks: PlayerHooks) {
    this.#scene = scene;
    this.#board = board;
    this.#hooks = hooks;
  }

  push(state: GameState, events: readonly GameEvent[]): void {
    this.#queue.push({ state, events });
    if (!this.#running) void this.#run();
  }

  get busy(): boolean {
    return this.#running;
  }

  /** Resolves when everything queued has been shown. */
  idle(): Promise<void> {
    return this.#running ? new Promise((resolve) => this.#waiters.push(resolve)) : Promise.resolve();
  }

  async #run(): Promise<void> {
    this.#running = true;
    this.#hooks.onBusy(true);
    while (this.#queue.length > 0) {
      const batch = this.#queue.shift()!;
      try {
        await this.#playBatch(batch.state, batch.events);
      } catch (err) {
        console.error('Could not show an event:', err);
      }
    }
    this.#running = false;
    this.#hooks.onBusy(false);
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  async #playBatch(s: GameState, events: readonly GameEvent[]): Promise<void> {
    const base = logSize(s.log) - events.length;
    let shown = base;
    const reveal = (n: number) => { shown = Math.max(shown, base + n); this.#hooks.revealLog(s, shown); };
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const speed = this.#hooks.speed();
      document.body.dataset.playing = e.kind;
      // Each event's own log line shows as it starts (a wave's further lines as its threats arrive).
      reveal(i + 1);
      switch (e.kind) {
        case 'phase': {
          this.#hooks.onPhase(e.turn, e.phase);
          const hint = e.text.replace(/^[A-Z][a-z]+ phase\.\s*/, '');
          if (e.phase !== 'events' && e.phase !== 'assessment') await phaseBanner(this.#scene, `${phaseName(e.phase)} phase`, hint, speed);
          else await phaseBanner(this.#scene, `${phaseName(e.phase)}`, '', speed * 0.6);
          break;
        }
        case 'card':
          await this.#hooks.showCard(s, e);
          break;
        case 'interception': {
          let j = i;
          // The wave: its interceptions and what they cause, up to the next phase, card, move or delivery.
          while (j < events.length && ['interception', 'log', 'track', 'roll'].includes(events[j]!.kind)) j++;
          const wave = events.slice(i, j).filter((x): x is Interception => x.kind === 'interception');
          const step = wave.length > 0 ? scaled(420, speed) : 0;
          wave.forEach((_, k) => setTimeout(() => reveal(indexOfNth(events, i, k) + 1), step * k + scaled(1100, speed)));
          await playWave(this.#scene, this.#board, s, wave, speed);
          reveal(j);
          i = j - 1;
          break;
        }
        case 'delivery':
          await playDelivery(this.#scene, this.#board, s, e, speed);
          break;
        case 'redeploy':
          await this.#board.update(s, scaled(700, speed));
      }
    }
    reveal(events.length);
    delete document.body.dataset.playing;
    await this.#board.update(s, scaled(450, this.#hooks.speed()));
  }
}

/** Index in `events` of the k-th interception at or after `from`. */
function indexOfNth(events: readonly GameEvent[], from: number, k: number): number {
  let n = -1;
  for (let i = from; i < events.length; i++) if (events[i]!.kind === 'interception' && ++n === k) return i;
  return from;
}
