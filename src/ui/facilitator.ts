import './facilitator.css';
import {
  FACILITATOR, legalActions, revealLabel, trackBounds, trackName, turnLabel, phaseName, type Action, type ApplyResult, type GameEvent, type GameState, type Scenario, type Seats,
} from '../core';
import { hoverTip, openDialog, toast } from './dialog';
import { cap, h, option } from './dom';
import { openDebrief } from './debrief';
import { printBriefings } from './printBriefings';
import { lead, newChannelId, projectorUrl, type Leader } from './projectorChannel';

// The facilitator's console: a panel over the board for the teacher. Every button sends an ordinary
// facilitator action through the store, so the log (and any replay of it) holds the whole lesson.

/** What the console needs of the app's store (the panels do not import the app layer). */
export interface ConsoleStore {
  getState(): GameState;
  getLog(): readonly Action[];
  game(): { scenario: Scenario; seed: string; seats: Seats; actions: Action[] };
  dispatch(action: Action): ApplyResult;
  subscribe(listener: (state: GameState, events: readonly GameEvent[], action: Action | null) => void): () => void;
}

export class FacilitatorConsole {
  readonly el: HTMLElement;
  readonly #toggle: HTMLButtonElement;
  #open = false;
  #leader: Leader | null = null;
  #track = '';
  #card = '';
  readonly #unsubscribe: () => void;
  /** The console is rebuilt only when its choices change; numbers and the status line update in place. */
  #shapeKey = '';
  #live: (() => void)[] = [];
  #draft = { title: '', text: '', track: '', by: '1' };

  readonly #store: ConsoleStore;

  constructor(layer: HTMLElement, store: ConsoleStore) {
    this.#store = store;
    this.el = h('section', {
      class: 'fac-console panel', id: 'facilitator-console', 'aria-label': 'Facilitator console', hidden: true,
      // The board's hover details belong to the board (facilitator.css also hides them over the console).
      onpointerenter: () => hoverTip(null, 0, 0),
      onkeydown: (e) => { if ((e as KeyboardEvent).key === 'Escape' && !(e.target as HTMLElement).closest('select')) { e.preventDefault(); this.setOpen(false); } },
    });
    this.#toggle = h('button', { class: 'btn fac-toggle', 'aria-expanded': 'false', 'aria-controls': 'facilitator-console', onclick: () => this.setOpen(!this.#open) },
      h('span', { text: 'Facilitator' }), h('kbd', { text: 'F' }));
    layer.append(this.#toggle, this.el);
    this.#unsubscribe = store.subscribe((_s, _e, action) => {
      if (action) this.#leader?.send(store.getLog().length - 1, action);
      if (this.#open) this.#refresh();
    });
  }

  setOpen(open: boolean): void {
    this.#open = open;
    this.el.hidden = !open;
    this.#toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) {
      this.#shapeKey = '';
      this.#refresh();
      queueMicrotask(() => this.el.querySelector<HTMLElement>('button')?.focus());
    } else this.#toggle.focus();
  }

  isOpen(): boolean {
    return this.#open;
  }

  dispose(): void {
    this.#unsubscribe();
    this.#leader?.close();
    this.#leader = null;
  }

  #send(action: Action): boolean {
    // While paused the store holds the bots; the resume lets them play on.
    const result = this.#store.dispatch(action);
    if (!result.ok) {
      toast(result.rejection.message, 'error');
      return false;
    }
    return true;
  }

  #refresh(): void {
    const s = this.#store.getState();
    const key = JSON.stringify([s.paused, s.revealed, s.outcome !== null, s.pendingChoice !== null, this.#card, this.#track]);
    if (key !== this.#shapeKey) { this.#shapeKey = key; this.#render(); }
    for (const update of this.#live) update();
  }

  #render(): void {
    const s = this.#store.getState();
    this.#live = [];
    const focusedId = (document.activeElement as HTMLElement | null)?.closest('.fac-console') ? document.activeElement?.id : null;
    this.el.replaceChildren();
    const legal = legalActions(s, FACILITATOR);
    const over = s.outcome !== null;
    const button = (label: string, id: string, run: () => void, kind = '', disabled = false) =>
      h('button', { class: `btn ${kind}`, id, disabled, onclick: run }, label);
    this.el.append(
      h('header', { class: 'fac-head' },
        h('h2', { text: 'Facilitator console' }),
        this.#liveText('p', { class: `fac-status${s.paused ? ' paused' : ''}`, role: 'status' }, (now) =>
          now.outcome ? 'The game is over.' : `${now.paused ? 'Paused' : 'Running'} · ${turnLabel(now)} (turn ${now.turn} of ${now.scenario.turns}) · ${phaseName(now.phase)}`),
        button('Close', 'fac-close', () => this.setOpen(false), 'btn-icon-text')),
      h('div', { class: 'fac-row' },
        s.paused
          ? button('Resume the game', 'fac-resume', () => this.#send({ type: 'resumeGame', role: FACILITATOR }), 'btn-primary', over)
          : button('Pause the game', 'fac-pause', () => this.#send({ type: 'pauseGame', role: FACILITATOR }), 'btn-primary', over),
        button(revealLabel(s.revealed), 'fac-reveal',
          () => this.#send({ type: 'revealHidden', role: FACILITATOR, reveal: !s.revealed }), '', over),
        button('Projector window', 'fac-projector', () => this.#openProjector())),
      this.#injectSection(s, legal.some((l) => l.action.type === 'injectCard')),
      this.#customSection(s, over),
      this.#trackSection(s, over),
      h('div', { class: 'fac-row fac-foot' },
        button('Debrief so far', 'fac-debrief', () => openDebrief(this.#store.game())),
        button('Print role briefings', 'fac-briefings', () => printBriefings(s.scenario)),
        h('span', { class: 'fac-spacer' }),
        button('End the game…', 'fac-end', () => this.#confirmEnd(), 'btn-danger', over)),
    );
    if (focusedId) document.getElementById(focusedId)?.focus();
  }

  #injectSection(s: GameState, canInject: boolean): HTMLElement {
    const deck = s.scenario.deck;
    if (!deck.some((c) => c.id === this.#card)) this.#card = deck[0]?.id ?? '';
    const select: HTMLSelectElement = h('select', { id: 'fac-card', 'aria-label': 'Event card to inject', onchange: () => { this.#card = select.value; this.#refresh(); } }, deck.map((c) => option(c.id, c.title, c.id === this.#card)));
    const chosen = deck.find((c) => c.id === this.#card);
    const go = h('button', { class: 'btn', id: 'fac-inject', disabled: !canInject || !chosen, onclick: () => { if (chosen) this.#send({ type: 'injectCard', role: FACILITATOR, card: chosen.id, custom: null }); } }, 'Inject this card');
    return h('section', { class: 'fac-block' },
      h('h3', { text: 'Inject an event card from the deck' }),
      deck.length === 0 ? h('p', { class: 'muted', text: 'This scenario has no event deck.' }) : [
        h('div', { class: 'fac-row' }, select, go),
        !canInject && s.pendingChoice
          ? h('p', { class: 'fac-card-text fac-wait', text: 'An event choice is open: a deck card can be injected once it is answered.' })
          : chosen ? h('p', { class: 'fac-card-text', text: chosen.text }) : null,
      ]);
  }

  #customSection(s: GameState, over: boolean): HTMLElement {
    const title: HTMLInputElement = h('input', { type: 'text', id: 'fac-custom-title', maxlength: 80, placeholder: 'Title', 'aria-label': 'Title of the card', value: this.#draft.title, oninput: () => { this.#draft.title = title.value; } });
    const text: HTMLTextAreaElement = h('textarea', { id: 'fac-custom-text', maxlength: 500, rows: 2, placeholder: 'What happens, in a sentence or two', 'aria-label': 'Text of the card', oninput: () => { this.#draft.text = text.value; } });
    text.value = this.#draft.text;
    const tracks = Object.keys(s.tracks);
    const track: HTMLSelectElement = h('select', { id: 'fac-custom-track', 'aria-label': 'Track the card moves', onchange: () => { this.#draft.track = track.value; } },
      option('', 'No track change (news only)'),
      tracks.map((k) => option(k, cap(trackName(s, k)), k === this.#draft.track)));
    const by: HTMLSelectElement = h('select', { id: 'fac-custom-by', 'aria-label': 'By how much', onchange: () => { this.#draft.by = by.value; } }, [-3, -2, -1, 1, 2, 3].map((n) => option(n, n > 0 ? `+${n}` : `${n}`, String(n) === this.#draft.by)));
    const play = () => {
      const custom = { title: title.value.trim(), text: text.value.trim(), effects: track.value ? [{ adjustTrack: track.value, by: Number(by.value) }] : [] };
      if (!custom.title || !custom.text) { toast('A card needs a title and a text.', 'error'); return; }
      if (this.#send({ type: 'injectCard', role: FACILITATOR, card: null, custom })) {
        this.#draft = { title: '', text: '', track: '', by: '1' };
        title.value = '';
        text.value = '';
      }
    };
    const go = h('button', { class: 'btn', id: 'fac-custom-inject', disabled: over, onclick: play }, 'Play this card');
    return h('section', { class: 'fac-block' },
      h('h3', { text: 'Write a card on the spot' }),
      h('div', { class: 'fac-row' }, title, track, by), text,
      h('div', { class: 'fac-row' }, go));
  }

  #trackSection(s: GameState, over: boolean): HTMLElement {
    const keys = Object.keys(s.tracks);
    if (!keys.includes(this.#track)) this.#track = keys.find((k) => k.startsWith('tension:')) ?? keys[0] ?? '';
    const select: HTMLSelectElement = h('select', { id: 'fac-track', 'aria-label': 'Track to adjust', onchange: () => { this.#track = select.value; this.#refresh(); } }, keys.map((k) => option(k, cap(trackName(s, k)), k === this.#track)));
    const [min, max] = trackBounds(s, this.#track);
    const valueOf = (now: GameState) => now.tracks[this.#track] ?? 0;
    const step = (by: number, label: string, id: string) => {
      const b = h('button', { class: 'btn', id, onclick: () => this.#send({ type: 'adjustTrack', role: FACILITATOR, track: this.#track, by }) }, label);
      this.#live.push(() => { const next = valueOf(this.#store.getState()) + by; b.disabled = over || next < min || next > max; });
      return b;
    };
    return h('section', { class: 'fac-block' },
      h('h3', { text: 'Adjust a track' }),
      h('div', { class: 'fac-row' }, select, step(-1, 'Lower by 1', 'fac-lower'), step(1, 'Raise by 1', 'fac-raise')),
      this.#liveText('p', { class: 'muted small' }, (now) => `Now ${valueOf(now)}; it stays between ${min} and ${max}.`));
  }

  /** An element whose text follows the game (kept up to date by refresh()). */
  #liveText<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, text: (s: GameState) => string): HTMLElementTagNameMap[K] {
    const el = h(tag, attrs);
    this.#live.push(() => {
      const now = this.#store.getState();
      const next = text(now);
      if (el.textContent !== next) el.textContent = next;
    });
    return el;
  }

  #confirmEnd(): void {
    const reason = h('input', { type: 'text', id: 'fac-end-reason', maxlength: 200, placeholder: 'For example: time is up', 'aria-label': 'Why the game ends (optional)' });
    openDialog({
      title: 'End the game now?',
      body: [h('p', { text: 'Scores are counted as they stand, and everyone sees the end screen and the debrief.' }), reason],
      buttons: [
        { label: 'End the game', kind: 'danger', onClick: () => { this.#send({ type: 'endGame', role: FACILITATOR, reason: reason.value.trim() }); } },
        { label: 'Keep playing', focus: true },
      ],
    });
  }

  #openProjector(): void {
    const id = newChannelId();
    this.#leader?.close();
    this.#leader = lead(id, () => this.#store.game());
    const win = window.open(projectorUrl(id), `forge-projector-${id}`, 'popup,width=1280,height=720');
    if (!win) toast('The browser blocked the new window. Allow pop-ups for this page, then try again.', 'error');
    else toast('Projector window opened: drag it to the projector screen and make it full screen (F11).');
  }
}
