import { AGREEMENT_TYPES, plural } from '../core';
import type { Debrief, Decision } from '../debrief';
import { cap, h, textList } from './dom';
import { allianceGraph, lineChart, SERIES_COLOURS, seriesKey, spanChart, type Series } from './debriefCharts';
import { roleTag, shortName } from './roleStyle';

// The debrief's sections, each built from the computed debrief alone; the panel shows them as tabs
// and the print view stacks them on A4 pages.

const turnsOf = (d: Debrief) => d.turns.map((t) => t.record.turn);
const roleName = (d: Debrief, id: string) => (id === 'facilitator' ? 'The facilitator' : d.roles.find((r) => r.id === id)?.name ?? id);
const theatreColour = (i: number) => SERIES_COLOURS[(i + 5) % SERIES_COLOURS.length]!;
export const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) >= 100 ? 0 : 1));
/** Ratios and costs below 10 keep two decimals. */
const fmt2 = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2));

const roleSeries = (d: Debrief, pick: (rec: Debrief['turns'][number]['record'], role: string) => number | null): Series[] =>
  d.roles.map((r, i) => ({ name: r.name, colour: r.colour, style: i, values: d.turns.map((t) => pick(t.record, r.id)) }));

const theatreSeries = (d: Debrief, pick: (t: Debrief['turns'][number], theatre: string) => number | null): Series[] =>
  d.theatres.map((th, i) => ({ name: th.name, colour: theatreColour(i), style: i, values: d.turns.map((t) => pick(t, th.id)) }));

export function scoresSection(d: Debrief): HTMLElement {
  const best = Math.max(0, ...Object.values(d.scores).map((s) => s.total));
  const cards = d.roles.map((r) => {
    const s = d.scores[r.id];
    if (!s) return null;
    return h('section', { class: 'score-card keep', 'aria-label': `${r.name}: ${fmt(s.total)} points` },
      h('header', {}, roleTag(r, r.id), h('span', { class: `score-total${s.total === best && best > 0 ? ' top' : ''}`, text: fmt(s.total) })),
      h('table', { class: 'breakdown' }, h('tbody', {},
        s.breakdown.length === 0 ? h('tr', {}, h('td', { class: 'muted', text: 'No points scored.' })) : null,
        s.breakdown.map((b) => h('tr', { class: 'score-row' }, h('td', { text: b.label }), h('td', { class: 'num', text: fmt(b.points) }))))));
  });
  return h('div', { class: 'debrief-section' },
    h('p', { class: 'lead', text: d.outcome ? d.outcome.text : `The game was not finished: the debrief covers ${plural(d.turns.length, 'turn')}.` }),
    d.failure ? h('p', { class: 'warning', role: 'alert', text: `The log stops being valid at action ${d.failure.index + 1} (turn ${d.failure.turn}): ${d.failure.message} The debrief covers the game up to there.` }) : null,
    h('div', { class: 'scores debrief-scores' }, cards),
    lineChart({ title: 'Score per role, turn by turn', yLabel: 'Points', x: turnsOf(d), series: roleSeries(d, (rec, role) => rec.scores[role] ?? null), width: 1100, height: 250 }));
}

export function chartsSection(d: Debrief): HTMLElement {
  const x = turnsOf(d);
  const stockSeries: Series[] = [];
  for (const r of d.roles)
    d.theatres.forEach((th) => {
      const values = d.turns.map((t) => {
        const keys = Object.keys(t.record.stocks).filter((k) => k.startsWith(`${r.id}|`) && k.endsWith(`|${th.id}`));
        return keys.length === 0 ? null : keys.reduce((sum, k) => sum + (t.record.stocks[k] ?? 0), 0);
      });
      if (values.some((v) => v !== null)) stockSeries.push({ name: `${r.name} in ${th.name}`, colour: r.colour, style: stockSeries.length, values });
    });
  return h('div', { class: 'debrief-section charts' },
    lineChart({ title: 'Tension per theatre (10 = shared loss)', yLabel: 'Tension', x, yMin: 0, yMax: 10, series: theatreSeries(d, (t, id) => t.record.tracks[`tension:${id}`] ?? null) }),
    lineChart({ title: 'Interceptor stockpiles at each turn’s end', yLabel: 'Interceptors', x, yMin: 0, integer: true, series: stockSeries }),
    lineChart({ title: 'Regions under full air-defence cover', yLabel: '% of regions', x, yMin: 0, yMax: 100, series: theatreSeries(d, (t, id) => { const c = t.coverage[id]; return c && c.regions > 0 ? Math.round((100 * c.full) / c.regions) : null; }) }),
    lineChart({ title: 'Coverage gaps (a battery away, its home uncovered)', yLabel: 'Regions open', x, yMin: 0, integer: true, series: theatreSeries(d, (t, id) => t.coverage[id]?.gaps ?? null) }),
    lineChart({ title: 'Leakers: threats that got through', yLabel: 'Leakers', x, yMin: 0, integer: true, series: theatreSeries(d, (t, id) => t.record.leakers[id] ?? 0) }),
    lineChart({ title: 'Region value protected', yLabel: '% of value', x, yMin: 0, yMax: 100, series: theatreSeries(d, (t, id) => t.record.protectedPct[id] ?? null) }));
}

export const TRACK_KINDS = [
  ['support', 'Domestic support'], ['reputation', 'Reputation'], ['readiness', 'Readiness'], ['trust', 'Trust between pairs'], ['interop', 'Interoperability between pairs'],
] as const;

export function trackChart(d: Debrief, kind: (typeof TRACK_KINDS)[number][0]): HTMLElement {
  const title = TRACK_KINDS.find((k) => k[0] === kind)![1];
  if (kind === 'trust' || kind === 'interop') {
    const keys = Object.keys(d.turns[0]?.record.tracks ?? {}).filter((k) => k.startsWith(`${kind}:`));
    const series = keys.map((key, i) => {
      const [a, b] = key.slice(kind.length + 1).split('+') as [string, string];
      return { name: `${roleName(d, a)} – ${roleName(d, b)}`, colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!, style: i, values: d.turns.map((t) => t.record.tracks[key] ?? null) };
    });
    return lineChart({ title: `${title}, turn by turn`, yLabel: title.split(' ')[0]!, x: turnsOf(d), yMin: 0, yMax: kind === 'trust' ? 10 : 5, series, width: 1100, height: 260 });
  }
  return lineChart({ title: `${title}, turn by turn`, yLabel: title, x: turnsOf(d), yMin: 0, yMax: 10, series: roleSeries(d, (rec, role) => rec.tracks[`${kind}:${role}`] ?? null), width: 1100, height: 260 });
}


export function allianceGraphAt(d: Debrief, turn: number): HTMLElement {
  const rec = d.turns.find((t) => t.record.turn === turn)?.record;
  const edges = [];
  const names: { text: string; style: number }[] = [];
  for (const a of rec?.agreements ?? []) {
    const style = Math.max(0, (AGREEMENT_TYPES as readonly string[]).indexOf(a.type));
    const span = d.alliances.find((s) => s.type === a.type && s.parties.join('+') === [...a.parties].sort().join('+'));
    const name = span?.name ?? a.type;
    names.push({ text: `${cap(name)}: ${a.parties.map((p) => roleName(d, p)).join(', ')}`, style });
    for (let i = 0; i < a.parties.length; i++)
      for (let j = i + 1; j < a.parties.length; j++) edges.push({ a: a.parties[i]!, b: a.parties[j]!, label: name, style });
  }
  const nodes = d.roles.map((r) => ({ id: r.id, name: r.name, colour: r.colour }));
  const legend = h('ul', { class: 'agreement-list' }, names.length === 0 ? h('li', { class: 'muted', text: 'No agreements in force.' }) : names.map((n) => h('li', {}, seriesKey({ colour: '#dfe7ef', style: n.style }), n.text)));
  return h('div', { class: 'graph-at keep' }, allianceGraph(`Agreements in force at the end of turn ${turn}`, nodes, edges), legend);
}

export function allianceSpans(d: Debrief): HTMLElement {
  const bars = d.alliances.map((s, i) => {
    const lead = d.roles.find((r) => r.id === s.parties[0]);
    return {
      label: `${cap(s.name)}: ${s.parties.map((p) => shortName(roleName(d, p))).join(' + ')}`,
      from: s.from, to: s.to, colour: lead?.colour ?? '#9fb0c3', style: i,
      text: s.from === s.to ? `turn ${s.from}` : `turns ${s.from}–${s.to}`,
    };
  });
  if (bars.length === 0) return h('p', { class: 'muted', text: 'No agreement was ever in force.' });
  return spanChart('Who had which agreement when (each bar is labelled; its colour is the first party named)', d.scenario.turns, bars);
}

export function turningSection(d: Debrief, compact: boolean): HTMLElement {
  if (d.turningPoints.length === 0) return h('p', { class: 'muted', text: 'No turn changed the scores or the tension.' });
  return h('ol', { class: 'turning-points' }, d.turningPoints.map((p) => {
    // The teacher's own interventions lead: they are what the class will ask about first.
    const ordered = [...p.decisions.filter((x) => x.role === 'facilitator'), ...p.decisions.filter((x) => x.role !== 'facilitator')];
    const shown = compact ? ordered.filter((x) => !/^[^:]*: Fire /.test(x.text)).slice(0, 8) : ordered;
    return h('li', { class: 'turning keep' },
      h('h3', { text: `${p.label} — turn ${p.turn}` }),
      h('p', { class: 'muted', text: `Score swing ${fmt(p.scoreSwing)} points · tension swing ${p.tensionSwing}` }),
      h('div', { class: 'turning-cols' },
        h('div', {}, h('h4', { text: 'What changed' }), textList(p.changes)),
        h('div', {},
          p.events.length > 0 ? [h('h4', { text: 'Events' }), textList(p.events)] : null,
          h('h4', { text: 'Decisions behind it' }),
          h('ul', {}, shown.map((x) => h('li', { text: x.text })),
            shown.length < p.decisions.length ? h('li', { class: 'muted', text: `…and ${p.decisions.length - shown.length} more in the timeline.` }) : null))));
  }));
}

export function timelineTable(d: Debrief, role: string | null): HTMLElement {
  const rows: Decision[] = d.decisions.filter((x) => role === null || x.role === role);
  if (rows.length === 0) return h('p', { class: 'muted', text: 'No decisions recorded for this seat.' });
  let lastTurn = 0;
  return h('table', { class: 'timeline' },
    h('thead', {}, h('tr', {}, h('th', { text: 'Turn' }), h('th', { text: 'Phase' }), h('th', { text: 'Who' }), h('th', { text: 'Decision' }))),
    h('tbody', {}, rows.map((x) => {
      const first = x.turn !== lastTurn;
      lastTurn = x.turn;
      return h('tr', { class: first ? 'turn-start' : '' },
        h('td', { class: 'num', text: first ? x.turn : '' }),
        h('td', { text: cap(x.phase) }),
        h('td', {}, roleTag(d.roles.find((r) => r.id === x.role), roleName(d, x.role))),
        h('td', { text: x.text }));
    })));
}

export function costSection(d: Debrief): HTMLElement {
  const rows = d.costExchange;
  const fired = rows.reduce((s, r) => s + r.fired, 0);
  const spent = rows.reduce((s, r) => s + r.interceptorCost, 0);
  const threat = rows.reduce((s, r) => s + r.threatCost, 0);
  return h('div', { class: 'debrief-section' },
    h('p', { class: 'lead', text: `Over the game: ${fired} interceptors fired, costing $${fmt2(spent)}M, against threats costing $${fmt2(threat)}M${threat > 0 ? ` — ${fmt2(spent / threat)} dollars of defence per dollar of attack` : ''}.` }),
    lineChart({ title: 'Cost-exchange ratio per turn (defence cost ÷ attack cost)', yLabel: 'Ratio', x: turnsOf(d), yMin: 0, width: 1100, height: 220,
      series: [{ name: 'Cost-exchange ratio', colour: '#E69F00', style: 0, values: rows.map((r) => (r.fired > 0 ? r.ratio : null)) }] }),
    h('table', { class: 'cost-table keep' },
      h('thead', {}, h('tr', {}, ['Turn', 'Interceptors fired', 'Their cost ($M)', 'Threats’ cost ($M)', 'Ratio'].map((t, i) => h('th', { class: i > 0 ? 'num' : '', text: t })))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('td', { text: r.turn }), h('td', { class: 'num', text: r.fired }), h('td', { class: 'num', text: fmt2(r.interceptorCost) }),
        h('td', { class: 'num', text: fmt2(r.threatCost) }), h('td', { class: 'num', text: r.fired > 0 ? fmt2(r.ratio) : '–' }))))));
}

export function questionsSection(d: Debrief): HTMLElement {
  return h('div', { class: 'debrief-section questions' },
    h('h3', { text: 'For discussion' }),
    textList(d.scenario.discussionQuestions, { class: 'question-list' }, 'ol'),
    h('h3', { text: 'What this scenario teaches' }),
    textList(d.scenario.teachingGoals));
}

