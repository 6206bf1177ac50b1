import './projector.css';
import { logEntries, PHASES, phaseName, plural, type RoleView } from '../core';
import { fmt, h } from './dom';
import { lineSwatch, roleOf, roleTag, shortName, swatch } from './roleStyle';

// The projector view's panels: large type for the back of a room, and only what everyone may see
// (the core's 'public' view). The board itself is drawn by the Projector scene.

export class ProjectorPanels {
  readonly #top = h('header', { class: 'proj-top' });
  readonly #side = h('aside', { class: 'proj-side', 'aria-label': 'Tracks' });
  readonly #strip = h('div', { class: 'proj-strip', 'aria-label': 'Relations between roles' });
  readonly #log = h('ol', { class: 'proj-log', 'aria-label': 'Latest events' });
  readonly #notice = h('div', { class: 'proj-notice', role: 'status' });
  readonly #banner = h('div', { class: 'proj-banner', hidden: true });

  constructor(layer: HTMLElement) {
    layer.append(this.#top, this.#side, this.#strip, this.#banner, this.#notice);
    this.waiting('Waiting for the facilitator’s window… Open this view from the facilitator console (“Projector window”).');
  }

  waiting(text: string | null): void {
    this.#notice.textContent = text ?? '';
    this.#notice.hidden = text === null;
  }

  update(v: RoleView): void {
    this.#drawTop(v);
    this.#drawSide(v);
    this.#drawStrip(v);
    this.#drawBanner(v);
  }

  #drawTop(v: RoleView): void {
    const status = v.outcome ? 'The game is over' : v.paused ? 'Paused' : v.queue[0] ? null : `${phaseName(v.phase)} under way`;
    const onStep = !v.outcome && !v.paused ? v.pendingChoice?.role ?? v.queue[0] ?? null : null;
    this.#top.replaceChildren(
      h('div', { class: 'proj-turn' },
        h('span', { class: 'proj-turn-label', text: v.scenario.turnLabels[v.turn - 1] ?? `Turn ${v.turn}` }),
        h('span', { class: 'proj-turn-count', text: `turn ${Math.min(v.turn, v.scenario.turns)} of ${v.scenario.turns}` })),
      h('ol', { class: 'proj-phases', 'aria-label': 'Phases' }, PHASES.map((p) => h('li', { class: p === v.phase ? 'current' : '', text: phaseName(p) }))),
      h('div', { class: `proj-status${v.paused ? ' paused' : ''}`, role: 'status' },
        onStep ? [roleTag(roleOf(v, onStep)), h('span', { text: ' to act' })] : h('span', { text: status ?? '' })),
      h('div', { class: 'proj-title', text: v.scenario.title }));
  }

  #drawSide(v: RoleView): void {
    this.#side.replaceChildren(h('h2', { text: 'Tension' }));
    for (const t of v.scenario.theatres) {
      const value = v.tracks[`tension:${t.id}`] ?? 0;
      this.#side.append(h('div', { class: `proj-tension${value >= 7 ? ' high' : ''}` },
        h('span', { class: 'proj-tension-name', text: t.name }),
        h('span', { class: 'proj-meter', 'aria-hidden': 'true' }, h('span', { class: 'proj-meter-fill', style: `width:${value * 10}%` })),
        h('b', { class: 'proj-big', text: value }), h('span', { class: 'proj-of', text: '/10' })));
    }
    this.#side.append(h('h2', {}, 'Nations ', h('span', { class: 'proj-key', text: 'support · reputation · readiness · budget' })));
    for (const r of v.scenario.roles) {
      this.#side.append(h('div', { class: 'proj-nation' },
        h('span', { class: 'proj-nation-name' }, swatch(r, 'sm'), h('span', { text: r.name })),
        ['support', 'reputation', 'readiness'].map((k) => h('b', { class: 'proj-num', title: k, text: v.tracks[`${k}:${r.id}`] ?? 0 })),
        h('span', { class: 'proj-bp', text: `${fmt(v.budgets[r.id] ?? 0)} BP` })));
    }
    this.#side.append(h('h2', { text: 'Latest' }), this.#log);
    this.#log.replaceChildren(...logEntries(v.log, -8).map((e) => h('li', {}, lineSwatch(e.role ? roleOf(v, e.role) : undefined), h('span', { text: e.text }))));
  }

  #drawStrip(v: RoleView): void {
    this.#strip.replaceChildren();
    const roles = v.scenario.roles;
    for (let i = 0; i < roles.length; i++)
      for (let j = i + 1; j < roles.length; j++) {
        const a = roles[i]!;
        const b = roles[j]!;
        const key = [`trust:${a.id}+${b.id}`, `trust:${b.id}+${a.id}`].find((k) => k in v.tracks);
        const agreements = v.agreements.filter((g) => g.parties.includes(a.id) && g.parties.includes(b.id)).length;
        if (!key || (a.kind === 'red') !== (b.kind === 'red') && agreements === 0 && roles.length > 3) continue;
        this.#strip.append(h('div', { class: 'proj-pair' },
          h('span', { class: 'proj-pair-names' }, swatch(a, 'sm'), swatch(b, 'sm'), ` ${shortName(a.name)} – ${shortName(b.name)}`),
          h('span', {}, 'trust ', h('b', { class: 'proj-num', text: v.tracks[key] })),
          agreements > 0 ? h('span', { class: 'proj-agreements', text: plural(agreements, 'agreement') }) : null));
      }
  }

  #drawBanner(v: RoleView): void {
    this.#banner.replaceChildren();
    const hidden = v.revealed ? v.scenario.objectives.filter((o) => o.hidden) : [];
    if (v.outcome) {
      const scores = v.scenario.roles.map((r) => h('li', {}, roleTag(r), h('b', { class: 'proj-num', text: fmt(v.outcome!.scores[r.id]?.total ?? 0) })));
      this.#banner.append(h('h2', { text: 'The game is over' }), h('p', { class: 'proj-lead', text: v.outcome.text }), h('ul', { class: 'proj-scores' }, scores));
    } else if (hidden.length > 0) {
      this.#banner.append(h('h2', { text: 'Revealed by the facilitator: the hidden objectives' }),
        h('ul', { class: 'proj-hidden' }, hidden.map((o) => h('li', {}, roleTag(roleOf(v, o.owner), o.owner), h('span', { text: ` ${o.text} (${o.points} points)` })))));
    }
    this.#banner.hidden = this.#banner.childElementCount === 0;
  }
}

