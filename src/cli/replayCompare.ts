import { canonicalJson, hashValue } from '../core';
import { compareFork, fmt, valueOf } from '../debrief/forkCompare';
import type { ReplayFile } from '../app/replayFile';

// npm run replay -- A.json --compare B.json: two replays of the same scenario and seed side by side,
// by their action logs: where they split, the first action that differs, the outcomes, and turn by turn
// the values that differ. Exit 0: the same game; 1: they differ; 2 (in replay.ts): a file cannot be used.

export interface CompareReport { code: 0 | 1 | 2; out: string[]; err: string[]; json: Record<string, unknown> }

export function compareReplays(nameA: string, a: ReplayFile, nameB: string, b: ReplayFile): CompareReport {
  if (a.scenarioHash !== b.scenarioHash || hashValue(a.scenario) !== hashValue(b.scenario) || a.seed !== b.seed) {
    const what = (r: ReplayFile) => `${r.scenario.title} (${r.scenarioId}), seed ${r.seed}`;
    const message = `${nameB}: not the same game as ${nameA}: ${what(b)} against ${what(a)}; only replays of the same scenario and seed can be compared`;
    return { code: 2, out: [], err: [message], json: { status: 'unusable', kind: 'notComparable', problems: [message] } };
  }
  let shared = 0;
  while (shared < a.actions.length && shared < b.actions.length && canonicalJson(a.actions[shared]) === canonicalJson(b.actions[shared])) shared++;
  const c = compareFork(a, b, shared);
  const same = c.firstDifference === null && c.seatChanges.length === 0;
  const head = `${nameA} and ${nameB}: ${c.title} (${a.scenarioId}), seed ${c.seed}.`;
  if (same) {
    return {
      code: 0, err: [],
      out: [head, `The same game: the same seats and the same ${a.actions.length} actions.`],
      json: { status: 'same', files: [nameA, nameB], scenario: a.scenarioId, seed: a.seed, actions: a.actions.length },
    };
  }
  const d = c.firstDifference;
  const scores = (s: Record<string, number>) => c.roles.map((r) => `${r.name} ${s[r.id] === undefined ? '–' : fmt(s[r.id]!)}`).join(', ');
  const out = [
    head,
    shared === 0 ? 'They differ from the first action.' : `They share the first ${shared} actions (${nameA} has ${a.actions.length}, ${nameB} ${b.actions.length}); after them: ${c.split.label} (turn ${c.split.turn}), ${c.split.phase.toLowerCase()} phase.`,
    ...c.seatChanges.map((s) => `Seat: ${s.name} is ${s.original} in ${nameA}, ${s.fork} in ${nameB}.`),
    ...(d ? [`First different action: action ${d.index + 1}, ${d.label} (turn ${d.turn}), ${d.phase.toLowerCase()} phase:`, `  ${nameA}: ${d.original}`, `  ${nameB}: ${d.fork}`] : ['The actions are the same; only the seats differ.']),
    'Outcome:',
    `  ${nameA}: ${c.original.outcome} Scores: ${scores(c.original.scores)}.`,
    `  ${nameB}: ${c.fork.outcome} Scores: ${scores(c.fork.scores)}.`,
    ...[c.original.failure && `  ${nameA}: ${c.original.failure}`, c.fork.failure && `  ${nameB}: ${c.fork.failure}`].filter((x): x is string => !!x),
    `Turn by turn, at each turn's end (${nameA} → ${nameB}, only what differs):`,
  ];
  const turns = c.turns.map((t) => {
    const differs = c.metrics.filter((m) => t.differs.includes(m.key)).map((m) => ({ key: m.key, name: m.group === 'tension' ? `tension in ${m.name}` : m.group === 'score' ? `${m.name}'s score` : m.name, a: valueOf(t.original, m) ?? null, b: valueOf(t.fork, m) ?? null }));
    const where = `  Turn ${t.turn} (${t.label}): `;
    if (!t.fork) out.push(`${where}only in ${nameA}.`);
    else if (!t.original) out.push(`${where}only in ${nameB}.`);
    else out.push(`${where}${differs.length === 0 ? 'the same.' : `${differs.map((x) => `${x.name} ${x.a === null ? '–' : fmt(x.a)} → ${x.b === null ? '–' : fmt(x.b)}`).join('; ')}.`}`);
    return { turn: t.turn, label: t.label, in: [t.original ? nameA : null, t.fork ? nameB : null].filter(Boolean), outcome: { a: t.original?.outcome ?? null, b: t.fork?.outcome ?? null }, differs };
  });
  return {
    code: 1, err: [], out,
    json: {
      status: 'different', files: [nameA, nameB], scenario: a.scenarioId, seed: a.seed, shared,
      split: { turn: c.split.turn, label: c.split.label, phase: c.split.phase },
      seatChanges: c.seatChanges, firstDifference: d,
      outcomes: { a: { ...c.original, file: nameA }, b: { ...c.fork, file: nameB } },
      turns,
    },
  };
}
