import type { GameState } from '../core';
import { downloadText, fmt, h } from './dom';
import { roleTag } from './roleStyle';

// The end screen: the outcome, every role's score with how it was earned, and the ways on
// (the debrief, the replay file, again, the menu).

export interface EndOptions {
  onAgain(): void;
  onMenu(): void;
  /** The replay file to save. */
  replay(): { name: string; text: string };
  /** Opens the debrief (charts, timeline, turning points, exports). */
  onDebrief(): void;
  /** A forked game: opens it beside the original it was forked from. */
  onCompare: (() => void) | null;
}

const HEADINGS: Record<string, string> = {
  victory: 'Victory', sharedLoss: 'Shared loss', lastTurn: 'The last turn is over', facilitator: 'Ended by the facilitator',
};

export function renderEndScreen(layer: HTMLElement, s: GameState, o: EndOptions): void {
  const out = s.outcome;
  if (!out) return;
  const sides = out.winningSides.map((id) => s.scenario.sides.find((x) => x.id === id)?.name ?? id);
  const heading = out.reason === 'victory' || (out.reason === 'lastTurn' && sides.length > 0) ? `${HEADINGS.victory} for ${sides.join(' and ')}` : HEADINGS[out.reason] ?? 'Game over';
  const best = Math.max(...Object.values(out.scores).map((x) => x.total), 0);
  const scores = s.scenario.roles.map((r) => {
    const sc = out.scores[r.id];
    if (!sc) return null;
    return h('section', { class: 'score-card', 'aria-label': `${r.name}: ${sc.total} points` },
      h('header', {}, roleTag(r), h('span', { class: `score-total${sc.total === best && best > 0 ? ' top' : ''}`, text: fmt(sc.total) })),
      h('table', { class: 'breakdown' },
        h('tbody', {}, sc.breakdown.map((b) => h('tr', {}, h('td', { text: b.label }), h('td', { class: 'num', text: fmt(b.points) }))))));
  });
  const again = h('button', { class: 'btn btn-primary btn-big', onclick: o.onAgain }, 'Play again with the same seed');
  const menu = h('button', { class: 'btn btn-secondary btn-big', onclick: o.onMenu }, 'Main menu');
  const debrief = h('button', { class: 'btn btn-secondary btn-big btn-debrief', onclick: o.onDebrief }, 'Debrief');
  const compare = o.onCompare ? h('button', { class: 'btn btn-secondary btn-big btn-compare', title: 'Compare with the original (C)', onclick: o.onCompare }, 'Compare with the original ', h('kbd', { text: 'C' })) : null;
  const save = h('button', { class: 'btn btn-secondary btn-big', onclick: () => { const file = o.replay(); downloadText(file.name, file.text); } }, 'Save the replay');
  layer.append(h('div', { class: 'end panel', role: 'region', 'aria-labelledby': 'end-title' },
    h('p', { class: 'eyebrow', text: `${s.scenario.title} · seed ${s.seed}` }),
    h('h1', { id: 'end-title', class: `outcome outcome-${out.reason}`, text: heading }),
    h('p', { class: 'lead', text: out.text }),
    h('div', { class: 'scores' }, scores),
    h('div', { class: 'end-buttons' }, again, debrief, compare, save, menu)));
  queueMicrotask(() => again.focus());
}

