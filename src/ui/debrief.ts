import './debrief.css';
import { computeDebrief, debriefCsv, debriefJson, type Debrief, type DebriefInput } from '../debrief';
import { downloadText as download, h, option, tabList } from './dom';
import { openPanel } from './dialog';
import { openPrintView } from './printView';
import { roleTag } from './roleStyle';
import {
  allianceGraphAt, allianceSpans, chartsSection, costSection, questionsSection, scoresSection, timelineTable, TRACK_KINDS, trackChart, turningSection,
} from './debriefSections';

// The debrief panel: opened from the end screen, the facilitator console or the replay viewer with a
// scenario, seed, seats and action log. Everything on it is computed from the log (src/debrief/).

const TABS = [
  ['scores', 'Scores'], ['charts', 'Charts'], ['tracks', 'Tracks'], ['alliances', 'Alliances'], ['turning', 'Turning points'],
  ['timeline', 'Timeline'], ['cost', 'Cost exchange'], ['questions', 'Questions'],
] as const;
type Tab = (typeof TABS)[number][0];

/** `game`: the scenario, seed, seats and action log to debrief. */
export function openDebrief(game: DebriefInput): void {
  const d = computeDebrief(game);
  const body = h('div', { class: 'debrief-body', id: 'debrief-body', role: 'tabpanel', tabindex: 0 });
  const tabs = h('div', { class: 'debrief-tabs', role: 'tablist', 'aria-label': 'Debrief sections' });
  let trackKind: (typeof TRACK_KINDS)[number][0] = 'support';
  let graphTurn = d.turns.length;
  let timelineRole: string | null = null;

  const section = (tab: Tab): HTMLElement => {
    switch (tab) {
      case 'scores': return scoresSection(d);
      case 'charts': return chartsSection(d);
      case 'tracks': {
        const select: HTMLSelectElement = h('select', { id: 'debrief-track', 'aria-label': 'Which track',
          onchange: () => { trackKind = select.value as typeof trackKind; holder.replaceChildren(trackChart(d, trackKind)); } },
          TRACK_KINDS.map(([k, name]) => option(k, name, k === trackKind)));
        const holder = h('div', {}, trackChart(d, trackKind));
        return h('div', { class: 'debrief-section' }, h('label', { class: 'inline-field', for: 'debrief-track' }, 'Track ', select), holder);
      }
      case 'alliances': {
        if (d.turns.length === 0) return h('p', { class: 'muted', text: 'No turn was completed.' });
        const slider: HTMLInputElement = h('input', { type: 'range', id: 'debrief-graph-turn', min: 1, max: d.turns.length, value: graphTurn, 'aria-label': 'Turn shown in the graph',
          oninput: () => { graphTurn = Number(slider.value); out.textContent = `turn ${graphTurn}`; holder.replaceChildren(allianceGraphAt(d, graphTurn)); } });
        const out = h('output', { for: 'debrief-graph-turn', text: `turn ${graphTurn}` });
        const holder = h('div', {}, allianceGraphAt(d, graphTurn));
        return h('div', { class: 'debrief-section alliances' },
          h('div', { class: 'alliance-top' }, h('div', {}, h('label', { class: 'inline-field', for: 'debrief-graph-turn' }, 'Show the end of ', slider, out), holder)),
          allianceSpans(d));
      }
      case 'turning': return h('div', { class: 'debrief-section' },
        h('p', { class: 'muted', text: 'The turns with the largest swings in score or tension, with what changed and the decisions and events behind it.' }),
        turningSection(d, true));
      case 'timeline': {
        const select: HTMLSelectElement = h('select', { id: 'debrief-role', 'aria-label': 'Whose decisions',
          onchange: () => { timelineRole = select.value || null; holder.replaceChildren(timelineTable(d, timelineRole)); } },
          option('', 'Everyone', timelineRole === null),
          d.roles.map((r) => option(r.id, r.name, timelineRole === r.id)),
          d.seats.facilitator ? option('facilitator', 'The facilitator', timelineRole === 'facilitator') : null);
        const holder = h('div', {}, timelineTable(d, timelineRole));
        return h('div', { class: 'debrief-section' }, h('label', { class: 'inline-field', for: 'debrief-role' }, 'Whose decisions ', select), holder);
      }
      case 'cost': return costSection(d);
      case 'questions': return questionsSection(d);
    }
  };

  const show = tabList(tabs, TABS.map(([id, name]) =>
    h('button', { class: 'debrief-tab', role: 'tab', id: `debrief-tab-${id}`, 'aria-controls': 'debrief-body' }, name)), (i) => {
    const tab = TABS[i]![0];
    body.setAttribute('aria-labelledby', `debrief-tab-${tab}`);
    body.replaceChildren(section(tab));
    body.scrollTop = 0;
  });

  const stem = `${safe(d.scenario.id)}-${safe(d.seed)}-debrief`;
  openPanel('debrief', `${d.scenario.title} · seed ${d.seed} · ${d.turns.length} of ${d.scenario.turns} turns · ${d.actionCount} actions`, 'Debrief', [
    ['Export CSV', () => download(`${stem}.csv`, debriefCsv(d), 'text/csv')],
    ['Export JSON', () => download(`${stem}.json`, debriefJson(d))],
    ['Print view', () => printDebrief(d)],
  ], [tabs, body]);
  show(0);
  queueMicrotask(() => tabs.querySelector<HTMLElement>('[aria-selected=true]')?.focus());
}

/** The whole debrief on A4 pages: scores and questions, charts, tracks, alliances and turning points, costs, timeline. */
export function printDebrief(d: Debrief): void {
  const page = (...children: (Node | null)[]) => h('article', { class: 'print-page debrief-print' }, children);
  const title = (text: string) => h('h2', { text });
  openPrintView(`Debrief: ${d.scenario.title}`, [
    page(
      h('p', { class: 'eyebrow', text: `${d.scenario.title} · seed ${d.seed} · ${d.turns.length} of ${d.scenario.turns} turns` }),
      h('h1', { text: 'Debrief' }),
      title('Scores and how they were earned'), scoresSection(d),
      title('Questions'), questionsSection(d)),
    page(title('Tracks, stockpiles, coverage and leakers'), h('div', { class: 'charts' }, ...chartsSection(d).children)),
    page(title('Tracks by role and pair'), ...TRACK_KINDS.map(([k]) => trackChart(d, k))),
    page(title('Alliances over time'), d.turns.length > 0 ? allianceGraphAt(d, d.turns.length) : null, allianceSpans(d), title('Turning points'), turningSection(d, true)),
    page(title('Cost exchange'), costSection(d)),
    page(title('Decision timeline'), h('p', { class: 'muted' }, 'Every decision in order (ending a step is left out). Roles: ', ...d.roles.map((r) => roleTag(r, r.id))), timelineTable(d, null)),
  ]);
}

const safe = (x: string) => x.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
