import type { Scenario } from '../core';
import { h, textList } from './dom';
import { openPrintView } from './printView';
import { swatch } from './roleStyle';

// Role briefings on paper, one A4 page per role, to hand to each team before the session. A team's
// page carries its own secret objectives (marked so) and nobody else's.

export function printBriefings(sc: Scenario): void {
  const pages = sc.roles.map((role) => {
    const objectives = sc.objectives.filter((x) => x.owner === role.id || x.owner === role.side);
    return h('article', { class: 'print-page briefing-print', 'aria-label': `Briefing for ${role.name}` },
      h('p', { class: 'eyebrow', text: `${sc.title} · role briefing · ${sc.turns} turns (${sc.turnLabels[0] ?? ''} – ${sc.turnLabels[sc.turns - 1] ?? ''})` }),
      h('h1', {}, swatch(role, 'md'), ` ${role.name}`),
      h('p', { class: 'muted', text: sc.summary }),
      h('h2', { text: 'The situation' }),
      h('p', { text: role.briefing.situation }),
      h('h2', { text: 'Your goals' }),
      textList(role.briefing.goals),
      role.briefing.knows.length > 0 ? [h('h2', { text: 'What you know' }), textList(role.briefing.knows)] : null,
      role.briefing.unknowns.length > 0 ? [h('h2', { text: 'What you do not know' }), textList(role.briefing.unknowns)] : null,
      objectives.length > 0 ? [
        h('h2', { text: 'What scores' }),
        h('table', {}, h('tbody', {}, objectives.map((x) => h('tr', {},
          h('td', { class: 'num', text: `${x.points} pts` }),
          h('td', {}, x.text, x.hidden ? h('span', { class: 'secret', text: ' — secret: for your team only' }) : null))))),
      ] : null,
      h('h2', { text: 'Where the story comes from' }),
      h('p', { class: 'muted', text: sc.story.fictionalised }),
      sc.story.sources.length > 0 ? h('ul', { class: 'muted' }, sc.story.sources.map((s) => h('li', { text: `${s.publication}, ${s.date}: ${s.note}` }))) : null);
  });
  openPrintView(`Role briefings: ${sc.title}`, pages);
}
