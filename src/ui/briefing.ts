import type { Role, Scenario } from '../core';
import { h, textList } from './dom';
import { roleTag } from './roleStyle';

// A role's briefing before turn 1: the situation, goals, what it knows and does not, the objectives
// that score for it, and where the story comes from.

export interface BriefingOptions {
  scenario: Scenario;
  role: Role;
  /** e.g. "Begin turn 1" or "Pass to South Korea". */
  continueLabel: string;
  onContinue(): void;
  index: number;
  count: number;
}

export function renderBriefing(layer: HTMLElement, o: BriefingOptions): void {
  const { scenario: sc, role } = o;
  const objectives = sc.objectives.filter((x) => x.owner === role.id || x.owner === role.side);
  const go = h('button', { class: 'btn btn-primary btn-big', onclick: o.onContinue }, o.continueLabel);
  const panel = h('article', { class: 'briefing panel', 'aria-labelledby': 'briefing-title' },
    h('header', { class: 'briefing-head' },
      h('div', {},
        h('p', { class: 'eyebrow', text: `${sc.title} · briefing ${o.index + 1} of ${o.count}` }),
        h('h1', { id: 'briefing-title' }, roleTag(role))),
      h('div', { class: 'briefing-turns', text: `${sc.turns} turns · ${sc.turnLabels[0] ?? ''}` })),
    h('div', { class: 'briefing-cols' },
      h('section', {},
        h('h2', { text: 'The situation' }),
        h('p', { class: 'lead', text: role.briefing.situation }),
        h('h2', { text: 'Your goals' }),
        textList(role.briefing.goals)),
      h('section', {},
        role.briefing.knows.length > 0 ? [h('h2', { text: 'What you know' }), textList(role.briefing.knows)] : null,
        role.briefing.unknowns.length > 0 ? [h('h2', { text: 'What you do not know' }), textList(role.briefing.unknowns)] : null,
        objectives.length > 0 ? [
          h('h2', { text: 'What scores' }),
          h('ul', { class: 'objectives' }, objectives.map((x) => h('li', {}, h('span', { class: 'points', text: x.points }), ` ${x.text}`, x.hidden ? h('em', { text: ' (secret)' }) : null))),
        ] : null)),
    h('footer', { class: 'briefing-foot' },
      h('p', { class: 'muted small', text: sc.story.fictionalised }),
      go));
  layer.append(h('div', { class: 'briefing-wrap' }, panel));
  queueMicrotask(() => go.focus());
}
