import type { Action, GameState, LegalAction } from '../core';
import { renderActions, type ActionsPanelHandlers } from './actionsPanel';
import { h } from './dom';
import { nationsBox, renderNations, renderTopBar, type TopBarHandlers } from './hud';
import { LogPanel } from './logPanel';

// The panels around the board in one place: the top bar, the side panel (step, actions, end step,
// log) and the nations strip under the board.

export interface HudView {
  state: GameState;
  /** While the board replays events, the turn and phase it shows. */
  shown: { turn: number; phase: GameState['phase'] } | null;
  viewer: string | null;
  actor: string | null;
  legal: readonly LegalAction[];
  busy: boolean;
  speed: string;
}

export interface HudHandlers extends ActionsPanelHandlers, Omit<TopBarHandlers, 'speed'> {
  isBot(role: string): boolean;
}

export class GameHud {
  readonly log: LogPanel;
  readonly #top = h('header', { class: 'top-bar' });
  readonly #actions = h('div', { class: 'actions-panel' });
  readonly #nations = nationsBox();
  /** Undo and "Save & share", between the actions and the log. */
  readonly #tools = h('div', { class: 'side-tools' });
  #lastKey = '';

  readonly #handlers: HudHandlers;

  constructor(layer: HTMLElement, handlers: HudHandlers) {
    this.#handlers = handlers;
    const side = h('aside', { class: 'side panel', 'aria-label': 'Your step' }, this.#actions, this.#tools);
    this.log = new LogPanel(side);
    layer.append(this.#top, side, this.#nations);
  }

  update(v: HudView): void {
    // The top bar is rebuilt each time; a control that had focus gets it back.
    const focusedTool = this.#top.contains(document.activeElement) ? (document.activeElement as HTMLElement).id || (document.activeElement as HTMLElement).title : null;
    renderTopBar(this.#top, v.state, v.shown, v.busy ? null : v.actor, this.#handlers.isBot, { ...this.#handlers, speed: v.speed });
    if (focusedTool) [...this.#top.querySelectorAll<HTMLElement>('select, button')].find((e) => e.id === focusedTool || e.title === focusedTool)?.focus();
    renderNations(this.#nations, v.state, v.viewer);
    // Rebuild the action list only when it changes, so keyboard focus is not lost needlessly.
    const key = JSON.stringify([v.state.actionCount, v.shown, v.viewer, v.actor, v.busy, v.legal.map((l) => l.label)]);
    if (key === this.#lastKey) return;
    const focusedAction = !!(document.activeElement as HTMLElement | null)?.closest('.actions-panel');
    this.#lastKey = key;
    renderActions(this.#actions, v.state, v.shown?.phase ?? v.state.phase, v.viewer, v.actor, v.legal, v.busy, this.#handlers.isBot, this.#handlers);
    if (focusedAction) this.focusActions();
  }

  /** Replaces the side tools; the one that had focus keeps it. */
  setTools(nodes: HTMLElement[]): void {
    const focused = this.#tools.contains(document.activeElement) ? (document.activeElement as HTMLElement).id : null;
    this.#tools.replaceChildren(...nodes);
    if (focused) document.getElementById(focused)?.focus();
  }

  focusActions(): void {
    const first = this.#actions.querySelector<HTMLElement>('.action, #end-step:not([disabled])');
    first?.focus();
  }

  endButton(): HTMLButtonElement | null {
    return this.#actions.querySelector<HTMLButtonElement>('#end-step');
  }
}

export type { Action };
