import { AGREEMENT_NAMES, PHASES, phaseName, plural, roleName, turnLabel, type GameState } from '../core';
import { fmt, h, option } from './dom';
import { roleOf, roleTag, swatch } from './roleStyle';

// The frame around the board: the turn and phase bar (whose step it is), and the nations strip with
// budgets, the tracks that decide the game in large numerals, and trust between roles.

export interface TopBarHandlers {
  onSpeed(speed: string): void;
  onHelp(): void;
  onObjectives(): void;
  onMenu(): void;
  speed: string;
}

export function renderTopBar(el: HTMLElement, s: GameState, shown: { turn: number; phase: GameState['phase'] } | null, actor: string | null, isBot: (r: string) => boolean, handlers: TopBarHandlers): void {
  const phase = shown?.phase ?? s.phase;
  const who = actor === null
    ? h('span', { class: 'step-who', text: s.outcome && !shown ? 'The game is over' : `${phaseName(phase)} under way…` })
    : h('span', { class: 'step-who' }, roleTag(roleOf(s, actor)), h('span', { text: isBot(actor) ? ' (bot) is deciding…' : s.pendingChoice ? ' must answer an event' : '’s step' }));
  const speed: HTMLSelectElement = h('select', { id: 'speed', 'aria-label': 'Animation speed', onchange: () => handlers.onSpeed(speed.value) },
    [['normal', 'Normal speed'], ['fast', 'Fast'], ['skip', 'Skip animations']].map(([v, t]) => option(v!, t!, v === handlers.speed)));
  topBar(el, s, shown,
    h('div', { class: 'step-box', role: 'status', 'aria-live': 'polite' }, who),
    [speed, h('button', { class: 'btn', title: 'Your objectives (O)', onclick: handlers.onObjectives }, 'Goals')], handlers);
}

/** The top bar of the board and of the replay viewer: the turn, the phases, `middle`, then the tools with help and the menu. */
export function topBar(el: HTMLElement, s: GameState, shown: { turn: number; phase: GameState['phase'] } | null, middle: HTMLElement, tools: HTMLElement[], on: { onHelp(): void; onMenu(): void }): void {
  const turn = shown?.turn ?? s.turn;
  const phase = shown?.phase ?? s.phase;
  el.replaceChildren(
    h('div', { class: 'turn-box' },
      h('span', { class: 'turn-label', text: turnLabel(s, turn) }),
      h('span', { class: 'turn-count', text: `turn ${Math.min(turn, s.scenario.turns)} of ${s.scenario.turns}` })),
    h('ol', { class: 'phase-chips', 'aria-label': 'Phases of the turn' },
      PHASES.map((p) => h('li', { class: `phase-chip${p === phase ? ' current' : ''}`, 'aria-current': p === phase ? 'step' : undefined, text: phaseName(p) }))),
    middle,
    h('div', { class: 'top-tools' },
      tools,
      h('button', { class: 'btn btn-icon', 'aria-label': 'Help and keyboard shortcuts', title: 'Help (?)', onclick: on.onHelp }, '?'),
      h('button', { class: 'btn btn-icon', 'aria-label': 'Leave to the main menu', title: 'Main menu', onclick: on.onMenu }, '⌂')));
}

/** The box the nations strip is drawn in (the board's and the replay viewer's). */
export const nationsBox = (): HTMLElement => h('div', { class: 'nations', 'aria-label': 'Nations and relations' });

/** The nations strip: one card per role, then the pair tracks and agreements. */
export function renderNations(el: HTMLElement, s: GameState, viewer: string | null): void {
  el.replaceChildren();
  const roles = [...s.scenario.roles].sort((a, b) => Number(b.id === viewer) - Number(a.id === viewer));
  el.classList.toggle('compact', roles.length >= 3);
  for (const r of roles) {
    const seat = s.seats[r.id];
    const who = r.id === viewer ? 'you' : seat?.kind === 'bot' ? 'bot' : seat?.kind === 'scripted' ? 'scripted' : 'human';
    const track = (name: string, key: string) => h('span', { class: 'mini-track', title: name }, h('b', { text: s.tracks[key] ?? 0 }),
      h('span', { class: 'mini-name' }, h('span', { class: 'long', text: name }), h('span', { class: 'short', 'aria-hidden': 'true', text: SHORT[name] ?? name })));
    el.append(h('section', { class: `nation${s.queue[0] === r.id ? ' on-step' : ''}`, 'aria-label': r.name },
      h('div', { class: 'nation-stripe', 'aria-hidden': 'true' }, swatch(r, 'lg')),
      h('div', { class: 'nation-main' },
        h('div', { class: 'nation-name' },
          h('span', { class: 'nation-title', text: r.name }),
          h('span', { class: `seat-tag seat-${who}`, text: who }),
          h('span', { class: 'budget', title: 'Budget points' }, h('span', { class: 'big-num', text: fmt(s.budgets[r.id] ?? 0) }), h('span', { class: 'unit', text: ' BP' }))),
        h('div', { class: 'nation-tracks' },
          track('support', `support:${r.id}`), track('reputation', `reputation:${r.id}`), track('readiness', `readiness:${r.id}`))),
    ));
  }
  el.append(relations(s));
}

function relations(s: GameState): HTMLElement {
  const box = h('section', { class: 'relations', 'aria-label': 'Relations between roles' });
  const roles = s.scenario.roles;
  const listed = s.scenario.pairs.length > 0 ? s.scenario.pairs.map((p) => p.roles) : pairsOf(roles.map((r) => r.id));
  for (const [a, b] of listed) {
    const key = Object.keys(s.tracks).find((k) => k === `trust:${a}+${b}` || k === `trust:${b}+${a}`);
    const interop = key ? s.tracks[key.replace('trust:', 'interop:')] : undefined;
    const agreements = s.agreements.filter((g) => g.parties.includes(a) && g.parties.includes(b));
    const transfers = s.transfers.filter((t) => (t.donor === a && t.recipient === b) || (t.donor === b && t.recipient === a));
    box.append(h('div', { class: 'pair' },
      h('div', { class: 'pair-names' }, swatch(roleOf(s, a), 'sm'), ` ${roleName(s, a)} – `, swatch(roleOf(s, b), 'sm'), ` ${roleName(s, b)}`),
      h('div', { class: 'pair-tracks' },
        h('span', { class: 'pair-track' }, 'trust ', h('b', { class: 'big-num', text: key ? `${s.tracks[key]}` : '–' })),
        interop !== undefined ? h('span', { class: 'pair-track' }, 'interop ', h('b', { text: interop })) : null,
        transfers.map((t) => h('span', { class: 'pair-track', title: `Technology from ${roleName(s, t.donor)} to ${roleName(s, t.recipient)}` },
          'tech ', h('b', { text: `L${t.level}` }), t.building ? `→L${t.building.level} · ${plural(t.building.turnsLeft, 'turn')}` : ''))),
      agreements.length > 0
        ? h('div', { class: 'pair-agreements' }, agreements.map((g) => h('span', { class: 'agreement-chip' },
          h('img', { src: g.type === 'intelSharing' ? 'icons/intel.svg' : 'icons/agreement.svg', alt: '', class: 'inline-icon' }), AGREEMENT_NAMES[g.type])))
        : h('div', { class: 'pair-agreements muted', text: 'no agreements yet' })));
  }
  return box;
}

function pairsOf(ids: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push([ids[i]!, ids[j]!]);
  return out.slice(0, 6);
}

const SHORT: Record<string, string> = { support: 'supp.', reputation: 'rep.', readiness: 'ready' };
