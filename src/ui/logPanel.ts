import { logEntries, logSize, phaseName, type GameState, type LogEntry } from '../core';
import { h } from './dom';
import { announce } from './overlay';
import { lineSwatch, roleOf } from './roleStyle';

// The log in plain sentences, newest at the bottom, with a heading for each turn. Lines appear as
// the board shows what they describe. L focuses it; arrow keys and Page Up/Down scroll it.

export class LogPanel {
  readonly #list: HTMLElement;
  #shown = 0;
  #lastTurn = 0;

  constructor(host: HTMLElement) {
    this.#list = h('ol', { class: 'log-list', tabindex: 0, 'aria-label': 'Game log (press L to come here; arrow keys scroll)' });
    host.append(h('section', { class: 'log' },
      h('h2', { class: 'log-title', 'aria-hidden': 'true' }, 'Log ', h('kbd', { text: 'L' })), this.#list));
  }

  /** Shows the state's log up to `count` entries. */
  show(s: GameState, count: number): void {
    const upto = Math.min(count, logSize(s.log));
    if (upto < this.#shown) {
      this.#list.replaceChildren();
      this.#shown = 0;
      this.#lastTurn = 0;
    }
    let newest = '';
    for (const e of logEntries(s.log, this.#shown, upto)) {
      if (e.turn !== this.#lastTurn) {
        this.#lastTurn = e.turn;
        this.#list.append(turnHeading(s, e.turn));
      }
      this.#list.append(this.#line(s, e));
      newest = e.text;
    }
    this.#shown = upto;
    if (newest) {
      this.#list.lastElementChild?.scrollIntoView({ block: 'end' });
      announce(newest);
    }
  }

  #line(s: GameState, e: LogEntry): HTMLElement {
    const isPhase = /^[A-Z][a-z]+ phase\./.test(e.text) && e.text.startsWith(phaseName(e.phase));
    const role = e.role ? roleOf(s, e.role) : undefined;
    const tone = /struck|disabled|loses|falls|refus|collapse|without .*cover/i.test(e.text) ? ' bad' : /intercept|brought it down|hit it|rises|delivers|agreed|accept/i.test(e.text) ? ' good' : '';
    return h('li', { class: `log-line${isPhase ? ' log-phase' : ''}${tone}` },
      lineSwatch(role),
      h('span', { text: e.text }));
  }

  focus(): void {
    this.#list.focus();
  }
}

/** The line that opens a turn in a log. */
export const turnHeading = (s: GameState, turn: number): HTMLElement =>
  h('li', { class: 'log-turn', text: `${s.scenario.turnLabels[turn - 1] ?? `Turn ${turn}`} — turn ${turn}` });
