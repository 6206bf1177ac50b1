import { logEntries, logSize, type GameState } from '../core';
import { h, option } from './dom';
import { nationsBox, renderNations, topBar } from './hud';
import { turnHeading } from './logPanel';
import { lineSwatch, roleOf, roleTag } from './roleStyle';

// The replay viewer's panels: a top bar with the moment shown, the controls (play, speed, step by
// action and by turn, jump to a turn, a scrubber), the current action in words, and the log up to
// that moment with the current action's lines marked (colour, a bar and the word "now").

/** `ms`: the pause between actions; `animation`: the time scale of waves, cards and banners (0 = none). */
export const VIEWER_SPEEDS = [
  { id: 'slow', label: 'Slow, full animations', ms: 1000, animation: 1 },
  { id: 'normal', label: 'Normal, short animations', ms: 330, animation: 0.4 },
  { id: 'fast', label: 'Fast, no animations', ms: 100, animation: 0 },
] as const;
export type ViewerSpeed = (typeof VIEWER_SPEEDS)[number]['id'];

export interface ViewerHandlers {
  onSeek(position: number): void;
  onStep(delta: number): void;
  onTurn(delta: number): void;
  onJump(turn: number): void;
  onPlay(): void;
  onSpeed(speed: ViewerSpeed): void;
  onFork(): void;
  onSave(): void;
  onShare(): void;
  onDebrief(): void;
  onHelp(): void;
  onMenu(): void;
}

export interface ViewerView {
  state: GameState;
  position: number;
  length: number;
  playing: boolean;
  speed: ViewerSpeed;
  /** The action that led to this moment, in words (null at the start). */
  current: { role: string; text: string } | null;
  /** Log lines [from, to) the current action wrote. */
  currentLines: { from: number; to: number };
  verdict: { ok: boolean; text: string };
  /** The replay reaches the end of the game (else the debrief covers the game so far). */
  finished: boolean;
  /** While an action's animation plays: the turn and phase it has reached (the top bar shows them). */
  shown: { turn: number; phase: GameState['phase'] } | null;
}

export class ReplayViewerPanel {
  readonly #top = h('header', { class: 'top-bar viewer-top' });
  readonly #controls = h('div', { class: 'viewer-controls' });
  readonly #now = h('div', { class: 'viewer-now', role: 'status', 'aria-live': 'polite' });
  readonly #list = h('ol', { class: 'log-list viewer-log', tabindex: 0, 'aria-label': 'Game log up to the moment shown (press L to come here)' });
  readonly #nations = nationsBox();
  readonly #scrub: HTMLInputElement;
  readonly #turnField: HTMLInputElement;
  readonly #playButton: HTMLButtonElement;
  readonly #speedSelect: HTMLSelectElement;
  readonly #position = h('span', { class: 'viewer-position' });
  readonly #debriefButton: HTMLButtonElement;

  readonly #on: ViewerHandlers;

  constructor(layer: HTMLElement, on: ViewerHandlers) {
    this.#on = on;
    const button = (label: string, title: string, run: () => void) =>
      h('button', { class: 'btn viewer-btn', title, 'aria-label': title, onclick: run }, label);
    this.#playButton = button('▶ Play', 'Play (P or Space)', on.onPlay);
    this.#scrub = h('input', { type: 'range', min: 0, max: 0, value: 0, step: 1, class: 'viewer-scrub', 'aria-label': 'Position in the replay (arrow keys move one action)', oninput: () => on.onSeek(Number(this.#scrub.value)) });
    const jump = () => { const t = Number(this.#turnField.value); if (Number.isInteger(t)) on.onJump(t); };
    this.#turnField = h('input', { type: 'number', id: 'viewer-turn', min: 1, value: 1, class: 'viewer-turn', onkeydown: (e) => { if ((e as KeyboardEvent).key === 'Enter') { e.preventDefault(); jump(); } } });
    this.#speedSelect = h('select', { 'aria-label': 'Playing speed', onchange: () => on.onSpeed(this.#speedSelect.value as ViewerSpeed) }, VIEWER_SPEEDS.map((s) => option(s.id, s.label)));
    this.#controls.append(
      h('div', { class: 'viewer-row' },
        button('« Turn', 'Back one turn (Page Up)', () => on.onTurn(-1)),
        button('‹ Action', 'Back one action (Left arrow)', () => on.onStep(-1)),
        this.#playButton,
        button('Action ›', 'Forward one action (Right arrow)', () => on.onStep(1)),
        button('Turn »', 'Forward one turn (Page Down)', () => on.onTurn(1))),
      this.#scrub,
      h('div', { class: 'viewer-row' },
        button('Start', 'To the start (Home)', () => on.onSeek(0)),
        this.#position,
        button('End', 'To the end (End)', () => on.onSeek(Number.MAX_SAFE_INTEGER))),
      h('div', { class: 'viewer-row' },
        h('label', { for: 'viewer-turn', class: 'viewer-jump' }, 'Jump to turn', this.#turnField),
        h('button', { class: 'btn viewer-btn', onclick: jump }, 'Go'),
        this.#speedSelect));
    this.#debriefButton = h('button', { class: 'btn', onclick: on.onDebrief }, 'Debrief');
    const side = h('aside', { class: 'side panel viewer-side', 'aria-label': 'Replay controls' },
      this.#controls, this.#now,
      h('div', { class: 'viewer-actions' },
        h('button', { class: 'btn btn-primary', title: 'Play from here (F)', onclick: on.onFork }, 'Play from here'),
        h('button', { class: 'btn', title: 'Save the replay file (R)', onclick: on.onSave }, 'Save file'),
        h('button', { class: 'btn', title: 'Share link (K)', onclick: on.onShare }, 'Share link'),
        this.#debriefButton),
      h('section', { class: 'log viewer-log-box' }, h('h2', { class: 'log-title', 'aria-hidden': 'true' }, 'Log ', h('kbd', { text: 'L' })), this.#list));
    layer.append(this.#top, side, this.#nations);
  }

  update(v: ViewerView): void {
    const s = v.state;
    topBar(this.#top, s, v.shown,
      h('div', { class: 'step-box viewer-title' },
        h('span', { class: 'viewer-badge', text: 'Replay' }),
        h('span', { class: `verdict-chip ${v.verdict.ok ? 'verdict-ok' : 'verdict-bad'}`, title: v.verdict.text },
          h('span', { 'aria-hidden': 'true', text: v.verdict.ok ? '✓ ' : '✗ ' }), v.verdict.ok ? 'verified' : 'not verified')),
      [], this.#on);
    renderNations(this.#nations, s, null);
    this.#scrub.max = String(v.length);
    this.#scrub.value = String(v.position);
    this.#turnField.max = String(s.scenario.turns);
    if (document.activeElement !== this.#turnField) this.#turnField.value = String(Math.min(s.turn, s.scenario.turns));
    this.#speedSelect.value = v.speed;
    this.#playButton.textContent = v.playing ? '‖ Pause' : '▶ Play';
    this.#playButton.setAttribute('aria-pressed', v.playing ? 'true' : 'false');
    this.#position.textContent = `Action ${v.position} of ${v.length}`;
    this.#debriefButton.textContent = v.finished ? 'Debrief' : 'Debrief so far';
    this.#debriefButton.title = v.finished
      ? 'Debrief of the whole game (D)'
      : 'Debrief (D): the replay ends before the game does, so it covers the game so far';
    if (v.current) {
      const role = roleOf(s, v.current.role);
      this.#now.replaceChildren(h('span', { class: 'now-tag', text: 'Now' }), ...(role ? [roleTag(role)] : []), h('span', { class: 'now-text', text: v.current.text }));
    } else this.#now.replaceChildren(h('span', { class: 'now-text muted', text: 'The start of the game, before anyone has acted.' }));
    this.#renderLog(s, v.currentLines);
  }

  #renderLog(s: GameState, current: { from: number; to: number }): void {
    this.#list.replaceChildren();
    let lastTurn = 0;
    let mark: HTMLElement | null = null;
    // Long games: the last 400 lines are enough to read around the moment shown.
    const start = Math.max(0, logSize(s.log) - 400);
    let i = start - 1;
    for (const e of logEntries(s.log, start)) {
      i += 1;
      if (e.turn !== lastTurn) {
        lastTurn = e.turn;
        this.#list.append(turnHeading(s, e.turn));
      }
      const now = i >= current.from && i < current.to;
      const role = e.role ? roleOf(s, e.role) : undefined;
      const line = h('li', { class: `log-line${now ? ' log-current' : ''}`, 'aria-current': now ? 'step' : undefined },
        lineSwatch(role),
        h('span', { text: e.text }));
      this.#list.append(line);
      if (now && !mark) mark = line;
    }
    (mark ?? this.#list.lastElementChild as HTMLElement | null)?.scrollIntoView({ block: 'nearest' });
  }

  focusLog(): void {
    this.#list.focus();
  }

  focusTurn(): void {
    this.#turnField.focus();
    this.#turnField.select();
  }
}
