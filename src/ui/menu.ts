import { BOT_LEVELS, type BotLevel, type Role, type Scenario, type ScenarioError, type Seat, type Seats } from '../core';
import { h, option } from './dom';
import { roleTag, swatch } from './roleStyle';

// The main menu: the scenarios with title, summary, roles and length; seats (human or bot with its
// level); the seed (random, shown, editable); start. A scenario file from disk is checked by the
// same parser and its problems are listed by path.

export type MenuEntry = { ok: true; file: string; scenario: Scenario } | { ok: false; file: string; errors: ScenarioError[] };

export interface MenuOptions {
  entries: MenuEntry[];
  seed: string;
  newSeed(): string;
  readFile(text: string): { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };
  onStart(scenario: Scenario, seats: Seats, seed: string): void;
  defaultSeats(scenario: Scenario): Seats;
  /** The classroom box under the seed (facilitator seat, session link, briefings); its seats join the game's. */
  classroom: (scenario: Scenario, current: () => { seats: Seats; seed: string }) => { element: HTMLElement; seats(): Seats };
  /** Opens a replay file chosen from disk (its text and its name). */
  onOpenReplay: (text: string, fileName: string) => void;
  /** Copies a link that starts this set-up (scenario, seats, seed). */
  onShare: (scenario: Scenario, seats: Seats, seed: string) => void;
  /** Shown above the scenarios: a saved game to resume, a link that could not be opened, kept saves. */
  notices: HTMLElement[];
}

export function renderMenu(layer: HTMLElement, o: MenuOptions): void {
  const entries = [...o.entries];
  let selected = entries.findIndex((e) => e.ok && e.scenario.id === 'first-contract');
  if (selected < 0) selected = entries.findIndex((e) => e.ok);
  let seed = o.seed;
  const seatChoice: Record<string, string> = {};

  const list = h('div', { class: 'menu-list', role: 'group', 'aria-label': 'Scenarios' });
  const setup = h('section', { class: 'menu-setup panel', 'aria-label': 'Game set-up' });
  const fileProblems = h('div', { class: 'file-problems', role: 'alert' });
  const loadScenario = jsonFileButton('Load a scenario file…', (text, name) => {
    const result = o.readFile(text);
    fileProblems.replaceChildren();
    if (result.ok) {
      entries.push({ ok: true, file: name, scenario: result.scenario });
      selected = entries.length - 1;
      drawList();
      drawSetup();
    } else {
      fileProblems.append(
        h('h3', { text: `${name} cannot be played:` }),
        h('ul', {}, result.errors.slice(0, 8).map((p) => h('li', {}, h('code', { text: p.path }), ` ${p.message}`))),
      );
      if (result.errors.length > 8) fileProblems.append(h('p', { text: `…and ${result.errors.length - 8} more.` }));
    }
  });

  function drawList(): void {
    list.replaceChildren();
    entries.forEach((e, i) => {
      if (!e.ok) {
        list.append(h('div', { class: 'scenario-card broken' },
          h('strong', { text: `${e.file} cannot be played` }),
          h('span', { class: 'muted', text: `${e.errors[0]?.path ?? ''}: ${e.errors[0]?.message ?? ''}` })));
        return;
      }
      const sc = e.scenario;
      const card = h('button', {
        class: `scenario-card${i === selected ? ' selected' : ''}`,
        'aria-pressed': i === selected ? 'true' : 'false',
        onclick: () => {
          selected = i;
          drawList();
          drawSetup();
          (setup.querySelector('select, input') as HTMLElement | null)?.focus();
        },
      },
      h('span', { class: 'scenario-title', text: sc.title }),
      h('span', { class: 'scenario-meta' },
        h('span', { class: 'roles' }, sc.roles.map((r) => h('span', { class: 'mini-role' }, swatch(r, 'sm'), r.name))),
        h('span', { class: 'length', text: lengthText(sc) })));
      list.append(card);
    });
  }

  function drawSetup(): void {
    setup.replaceChildren();
    const e = entries[selected];
    if (!e || !e.ok) {
      setup.append(h('p', { text: 'No playable scenario. Add scenario files to the scenarios folder, or load one from disk.' }));
      return;
    }
    const sc = e.scenario;
    const defaults = o.defaultSeats(sc);
    const seats = h('div', { class: 'seats' });
    for (const r of sc.roles) {
      const key = `${sc.id}:${r.id}`;
      seatChoice[key] ??= seatValue(defaults[r.id]);
      seats.append(seatPicker(`seat-${r.id}`, r, [...PLAYERS, ...(r.seat === 'scripted' ? ['scripted'] : [])], seatChoice[key], (v) => { seatChoice[key] = v; },
        h('span', { class: 'muted', text: r.kind === 'red' ? 'threat cell' : r.kind })));
    }
    const seedInput: HTMLInputElement = h('input', { id: 'seed', type: 'text', value: seed, spellcheck: 'false', autocomplete: 'off', maxlength: 40, oninput: () => { seed = seedInput.value; } });
    const reroll = h('button', { class: 'btn btn-secondary', onclick: () => { seed = o.newSeed(); seedInput.value = seed; } }, 'New seed');
    const start = h('button', { class: 'btn btn-primary btn-big', onclick: () => o.onStart(sc, { ...chosenSeats(), ...classroom.seats() }, seed.trim() || o.newSeed()) }, `Start “${sc.title}”`);
    const chosenSeats = (): Seats => {
      const chosen: Seats = {};
      for (const r of sc.roles) chosen[r.id] = seatFrom(seatChoice[`${sc.id}:${r.id}`] ?? 'human');
      return chosen;
    };
    // A link needs a seed: an empty field gets a fresh one, shown.
    const seedNow = () => {
      if (!seed.trim()) { seed = o.newSeed(); seedInput.value = seed; }
      return seed.trim();
    };
    const classroom = o.classroom(sc, () => ({ seats: chosenSeats(), seed: seedNow() }));
    const share = h('button', { class: 'btn btn-secondary', onclick: () => o.onShare(sc, chosenSeats(), seedNow()) }, 'Share link');
    setup.append(
      h('h2', { text: sc.title }),
      h('p', { class: 'summary', text: sc.summary }),
      h('h3', { text: 'Who plays which role' }),
      seats,
      h('div', { class: 'seed-row' }, h('label', { for: 'seed', text: 'Seed' }), seedInput, reroll),
      h('p', { class: 'muted small', text: 'The same seed, seats and moves always give the same game.' }),
      classroom.element,
      h('div', { class: 'start-row' }, start, share),
    );
  }

  const side = h('section', { class: 'menu-left' },
    o.notices,
    h('h2', { class: 'section-title', text: 'Scenarios' }),
    list,
    h('div', { class: 'menu-file' }, loadScenario, jsonFileButton('Open a replay file…', o.onOpenReplay)),
    fileProblems);
  layer.append(h('div', { class: 'menu' }, side, setup));
  drawList();
  drawSetup();
  queueMicrotask(() => (list.querySelector('.selected') as HTMLElement | null)?.focus());
}

/** A button that opens the file chooser for a JSON file and gives `use` its text and name; its input is emptied first, so the same file can be chosen again. */
function jsonFileButton(label: string, use: (text: string, name: string) => void): HTMLElement[] {
  const input: HTMLInputElement = h('input', {
    type: 'file', accept: '.json,application/json', class: 'sr-only', tabindex: -1,
    onchange: () => {
      const file = input.files?.[0];
      if (file) void file.text().then((text) => { input.value = ''; use(text, file.name); });
    },
  });
  return [h('button', { class: 'btn btn-secondary', onclick: () => input.click() }, label), input];
}

function lengthText(sc: Scenario): string {
  const first = sc.turnLabels[0];
  const last = sc.turnLabels[Math.min(sc.turns, sc.turnLabels.length) - 1];
  return `${sc.turns} turns${first && last && sc.turnLabels.length >= sc.turns ? ` · ${first} – ${last}` : ''}`;
}

/** The seats a person can choose for a role (a scripted role may also stay scripted). */
export const PLAYERS = ['human', ...BOT_LEVELS.map((l) => `bot:${l}`)];

/** A labelled seat picker for a role; its values are those of seatValue(). */
export function seatPicker(id: string, role: Role, values: readonly string[], chosen: string | undefined, onChange: (value: string) => void, note = h('span')): HTMLElement {
  const select: HTMLSelectElement = h('select', { id, onchange: () => onChange(select.value) },
    values.map((v) => option(v, v === 'human' ? 'Human' : v === 'scripted' ? 'Scripted by the rules' : `Bot — ${v.slice(4)}`, v === chosen)));
  return h('label', { class: 'seat', for: id }, roleTag(role), note, select);
}

/** A seat as the value of a seat picker's option ("human", "bot:<level>", "scripted"), and back. */
export const seatValue = (seat: Seat | undefined): string =>
  seat?.kind === 'bot' ? `bot:${seat.level}` : seat?.kind === 'scripted' ? 'scripted' : 'human';

export function seatFrom(value: string): Seat {
  if (value.startsWith('bot:')) return { kind: 'bot', level: value.slice(4) as BotLevel };
  if (value === 'scripted') return { kind: 'scripted' };
  return { kind: 'human' };
}
