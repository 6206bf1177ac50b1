import type { TurnRecord } from '../core';
import type { Debrief } from './types';

// The CSV export: one row per turn per role, with every track that concerns the role (its own, its
// pairs with each other role, each theatre's tension, the scenario's own tracks), its stockpiles, and
// the turn's threat figures. Cells hold the core's per-turn record values unchanged; a stock the role
// never held is left empty.

export interface CsvColumn { header: string; value(record: TurnRecord, role: string): string | number }

const col = (header: string, value: CsvColumn['value']): CsvColumn => ({ header, value });

export function csvColumns(d: Debrief): CsvColumn[] {
  const cols: CsvColumn[] = [
    col('turn', (r) => r.turn),
    col('turn_label', (r) => d.turns.find((t) => t.record.turn === r.turn)?.label ?? ''),
    col('role', (_r, role) => role),
    col('role_name', (_r, role) => d.roles.find((x) => x.id === role)?.name ?? role),
    col('budget', (r, role) => r.budgets[role] ?? ''),
    col('score', (r, role) => r.scores[role] ?? ''),
  ];
  for (const kind of ['support', 'reputation', 'readiness'])
    cols.push(col(kind, (r, role) => r.tracks[`${kind}:${role}`] ?? ''));
  for (const other of d.roles)
    for (const kind of ['trust', 'interop'])
      cols.push(col(`${kind}_with_${other.id}`, (r, role) => (role === other.id ? '' : r.tracks[pairTrack(kind, role, other.id, r)] ?? '')));
  for (const t of d.theatres) {
    cols.push(col(`tension_${t.id}`, (r) => r.tracks[`tension:${t.id}`] ?? ''));
    cols.push(col(`leakers_${t.id}`, (r) => r.leakers[t.id] ?? 0));
    cols.push(col(`intercepted_${t.id}`, (r) => r.intercepted[t.id] ?? 0));
    cols.push(col(`protected_pct_${t.id}`, (r) => r.protectedPct[t.id] ?? ''));
  }
  for (const key of customTracks(d)) cols.push(col(`track_${key}`, (r) => r.tracks[key] ?? ''));
  for (const [item, theatre] of stockKinds(d))
    cols.push(col(`stock_${item}_${theatre}`, (r, role) => r.stocks[`${role}|${item}|${theatre}`] ?? ''));
  cols.push(
    col('arms_level', (r, role) => r.arms[role] ?? ''),
    col('interceptors_fired', (r) => r.interceptorsFired),
    col('interceptor_cost', (r) => r.interceptorCost),
    col('threat_cost', (r) => r.threatCost),
    col('cost_exchange', (r) => r.costExchange),
  );
  return cols;
}

/** Pair tracks are stored under the two role ids in sorted order. */
function pairTrack(kind: string, a: string, b: string, r: TurnRecord): string {
  const one = `${kind}:${a}+${b}`;
  return one in r.tracks ? one : `${kind}:${b}+${a}`;
}

function customTracks(d: Debrief): string[] {
  const first = d.turns[0]?.record.tracks ?? {};
  return Object.keys(first).filter((k) => !k.includes(':')).sort();
}

/** Every item and theatre any role held a stock of at some turn, in a stable order. */
function stockKinds(d: Debrief): [string, string][] {
  const seen = new Set<string>();
  for (const t of d.turns) for (const key of Object.keys(t.record.stocks)) seen.add(key.split('|').slice(1).join('|'));
  return [...seen].sort().map((k) => k.split('|') as [string, string]);
}

export function csvCell(v: string | number): string {
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function debriefCsv(d: Debrief): string {
  const cols = csvColumns(d);
  const lines = [cols.map((c) => csvCell(c.header)).join(',')];
  for (const t of d.turns)
    for (const role of d.roles) lines.push(cols.map((c) => csvCell(c.value(t.record, role.id))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The debrief as JSON text for other tools (spreadsheets, notebooks). */
export function debriefJson(d: Debrief): string {
  return `${JSON.stringify({ format: 'forge-shield-debrief', version: 1, ...d }, null, 2)}\n`;
}
