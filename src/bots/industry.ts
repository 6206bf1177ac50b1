import type { LegalAction, Line } from '../core';
import { effectsValue } from './effectValue';
import { lever, regionWorth, stockWorth } from './interests';
import { budgetOf, isDisabledRegion, regionDef, theatreOf, turnsLeft, type View } from './knowledge';
import { costOf, type BotContext, type Choice } from './standard';
import { expectedThreats, firstShooterAt, shotsPerThreat } from './threatModel';

// Industry: fund the lines whose output the role (or its side) needs, climb the technology ladder,
// deliver on contracts, keep interceptor stocks ahead of the expected waves, repair what matters.

const RAMP = [0.25, 0.5, 1];
const REPAIR_COST = 1;
/** DESIGN §5.2 build turns per step, for scenarios without their own ladder. */
const DEFAULT_STEP_TURNS = [2, 4, 6, 4];

const techLevel = (v: View, transfer: string): number => v.transfers.find((t) => t.id === transfer)?.level ?? 0;

/** What one unit of a line's output is worth to the role: its own share, its partners' and any contract it feeds. */
function unitWorth(ctx: BotContext, line: Line): number {
  const { v, i, role } = ctx;
  const theatre = theatreOf(v, line.region) ?? '';
  const total = line.owners.reduce((sum, o) => sum + o.share, 0) || 1;
  let w = 0;
  for (const o of line.owners) w += (o.share / total) * stockWorth(i, o.role, line.item, theatre);
  for (const c of v.scenario.contracts) {
    if (c.seller !== role || c.item !== line.item || c.theatre !== theatre || !line.owners.some((o) => o.role === role)) continue;
    const owed = c.schedule.reduce((sum, x) => sum + x.amount, 0) - (v.contracts[c.id]?.delivered ?? 0);
    const have = v.stocks[`${role}|${c.item}|${c.theatre}`] ?? 0;
    if (owed > have) w += 3 / Math.max(1, owed);
  }
  return w;
}

function lineProduces(v: View, line: Line): boolean {
  const req = line.requiredTech;
  return !req || techLevel(v, req.transfer) >= req.level;
}

/** What funding a line this turn is worth before its cost. */
export function fundWorth(ctx: BotContext, line: Line): number {
  const { v } = ctx;
  const left = turnsLeft(v) + 1;
  if (line.buildLeft > 0) {
    if (line.buildLeft >= left) return -1;
    return 1 + Math.min(6, unitWorth(ctx, line) * line.capacity * 0.5);
  }
  if (!lineProduces(v, line)) return -1;
  const ramp = RAMP[Math.min(3, Math.max(1, line.ramp)) - 1]!;
  const output = Math.floor(line.capacity * ramp) * (line.quality < 3 ? 5 / 6 : 1);
  return 0.6 + output * unitWorth(ctx, line);
}

function stepTurns(v: View, level: number): number {
  return v.scenario.techLadder?.find((x) => x.level === level)?.turns ?? DEFAULT_STEP_TURNS[level - 1] ?? 4;
}

function techWorth(ctx: BotContext, transferId: string): number {
  const { v, role, i } = ctx;
  const t = v.transfers.find((x) => x.id === transferId);
  if (!t) return -1;
  const next = t.level + 1;
  if (stepTurns(v, next) > turnsLeft(v) + 1) return lever(i, `tech:${t.id}`) > 0 ? 0.5 : -1;
  let w = lever(i, `tech:${t.id}`) + (role === t.recipient ? 2 : 0.5);
  for (const line of v.lines)
    if (line.requiredTech?.transfer === t.id && line.requiredTech.level === next && line.owners.some((o) => o.role === role)) w += 2;
  for (const tpl of v.scenario.lineTemplates) if (tpl.requiredTech?.transfer === t.id && tpl.requiredTech.level === next) w += 0.5;
  return w;
}

/** Interceptors a role will want in a theatre over the next turns, and what it holds or has coming. */
function interceptorNeed(ctx: BotContext, item: string, theatre: string, turns: number): number {
  const { v, role } = ctx;
  const mine = v.batteries.filter((b) => b.owner === role && v.scenario.batteryTypes.find((t) => t.id === b.type)?.interceptor === item
    && (theatreOf(v, b.destination ?? b.region) === theatre));
  if (mine.length === 0) return 0;
  let use = 0;
  for (const r of v.scenario.regions) {
    if (r.theatre !== theatre) continue;
    // The role's batteries as they will stand once set up.
    const first = firstShooterAt(v, r.id, mine);
    if (first) for (const kind of ['drone', 'ballistic'] as const) use += expectedThreats(v, r.id, kind, turns) * shotsPerThreat(v, role, kind, first.type.sspk[kind] * first.type.reliability * first.factor);
  }
  const missing = mine.reduce((sum, b) => sum + (b.capacity - b.rounds), 0);
  const stock = v.stocks[`${role}|${item}|${theatre}`] ?? 0;
  const coming = v.pipeline.filter((p) => p.owner === role && p.item === item && p.theatre === theatre && p.arrives <= v.turn + turns)
    .reduce((sum, p) => sum + p.amount, 0)
    + v.scenario.resupply.filter((r) => r.owner === role && r.item === item && r.theatre === theatre && r.fromTurn <= v.turn)
      .reduce((sum, r) => sum + r.perTurn * Math.max(0, turns - r.leadTime), 0);
  return use + missing + mine.length * 12 - stock - coming;
}

export function scoreIndustry(ctx: BotContext, l: LegalAction): Choice | null {
  const { v, role, i } = ctx;
  const a = l.action;
  switch (a.type) {
    case 'fundLine': {
      const line = v.lines.find((x) => x.id === a.line);
      return line ? { action: a, value: fundWorth(ctx, line) - costOf(ctx, line.upkeep) } : null;
    }
    case 'startTechStep': {
      const t = v.transfers.find((x) => x.id === a.transfer);
      if (!t) return null;
      return { action: a, value: techWorth(ctx, t.id) - (t.recipient === role ? costOf(ctx, l.cost) : 0) };
    }
    case 'surgeLine': {
      const line = v.lines.find((x) => x.id === a.line);
      if (!line || !lineProduces(v, line)) return { action: a, value: -1 };
      const worth = Math.max(0, turnsLeft(v) - 2) * 2 * unitWorth(ctx, line);
      return { action: a, value: Math.min(8, worth) - costOf(ctx, l.cost) };
    }
    case 'improveQuality': {
      const line = v.lines.find((x) => x.id === a.line);
      if (!line || line.quality >= 3) return { action: a, value: -1 };
      const worth = (Math.min(turnsLeft(v) + 1, 6) / 6) * Math.max(0, fundWorth(ctx, { ...line, buildLeft: 0, ramp: 3 }));
      return { action: a, value: Math.min(6, worth) - costOf(ctx, l.cost) };
    }
    case 'startProject': {
      const p = v.scenario.projects.find((x) => x.id === a.project);
      if (!p) return null;
      if (p.turns > turnsLeft(v) + 1) return { action: a, value: -1 };
      return { action: a, value: effectsValue(v, i, p.effects, { actor: role, target: null }) - costOf(ctx, p.cost) };
    }
    case 'orderInterceptors': {
      const lead = v.scenario.orderLeadTime;
      if (v.turn + lead > v.scenario.turns) return { action: a, value: -1 };
      const need = interceptorNeed(ctx, a.item, a.theatre, lead + 2);
      if (need <= 0) return { action: a, value: -1 };
      const max = l.amount?.max ?? 1;
      const affordable = Math.max(1, Math.floor((budgetOf(v, role) - ctx.reserve) / Math.max(0.01, v.scenario.orderCost)));
      const lots = Math.max(1, Math.min(max, affordable, Math.ceil(need / v.scenario.orderLot)));
      const worth = lots * (1.2 + Math.abs(lever(i, `stockout:${role}|${a.item}`)) * 0.5);
      return { action: { ...a, lots }, value: worth - costOf(ctx, lots * v.scenario.orderCost) };
    }
    case 'transferStock': {
      const max = l.amount?.max ?? 1;
      if (a.contract) {
        const c = v.scenario.contracts.find((x) => x.id === a.contract);
        if (!c) return null;
        const due = c.schedule.reduce((sum, x) => (x.turn <= v.turn ? sum + x.amount : sum), 0) - (v.contracts[c.id]?.delivered ?? 0);
        const amount = Math.max(1, Math.min(max, due));
        return { action: { ...a, amount }, value: 4 + lever(i, `ontime:${role}`) };
      }
      const gain = stockWorth(i, a.to, a.item, a.theatre) - stockWorth(i, role, a.item, a.theatre);
      if (gain <= 0) return { action: a, value: -1 };
      const keep = stockWorth(i, role, a.item, a.theatre) > 0 ? Math.ceil(max / 2) : max;
      const amount = Math.max(1, Math.min(max, keep));
      return { action: { ...a, amount }, value: Math.min(10, gain * amount) };
    }
    case 'repairRegion': {
      const def = regionDef(v, a.region);
      if (!def) return null;
      const worth = regionWorth(v, i, a.region);
      const value = isDisabledRegion(v, a.region) ? worth : (worth / def.stayingPower) * 0.5;
      return { action: a, value: value - costOf(ctx, l.cost) };
    }
    default:
      return null;
  }
}

/** BP the role should keep through diplomacy for this turn's industry: lines it will fund, its next tech step. */
export function industryReserve(ctx: BotContext): number {
  const { v, role } = ctx;
  let reserve = 0;
  for (const line of v.lines) {
    const share = line.owners.find((o) => o.role === role)?.share ?? 0;
    if (share >= 50 && fundWorth(ctx, line) > line.upkeep * ctx.i.bp) reserve += line.upkeep;
  }
  for (const t of v.transfers) {
    if (t.recipient !== role || t.building || t.level >= 4) continue;
    if (!v.agreements.some((g) => g.type === 'techTransfer' && g.transfer === t.id)) continue;
    const cost = v.scenario.techLadder?.find((x) => x.level === t.level + 1)?.cost ?? [2, 3, 4, 3][t.level] ?? 0;
    if (techWorth(ctx, t.id) > cost * ctx.i.bp) reserve += cost;
  }
  // Repairs after a wave, and interceptors before the stock runs out.
  const damaged = v.scenario.regions.filter((r) => r.owner === role && (v.regions[r.id]?.damage ?? 0) > 0).length;
  const [threatened, orders] = needs(ctx);
  reserve += Math.min(3, damaged + (threatened ? 1 : 0)) * REPAIR_COST;
  for (let n = 0; n < orders; n++) reserve += v.scenario.orderCost;
  return reserve;
}

/** What needsNow read when last asked, then what it gave: a role's diplomacy decisions come one after another, and most change none of it. */
let needsKept: unknown[] = [];

/** needsNow, kept while what it reads is the same: the role, the view's scenario, turn, phase, seats, batteries, agreements, doctrines, stocks, pipeline and each theatre's revealed waves. */
export function needs(ctx: BotContext): [boolean, number] {
  const { role, v } = ctx;
  const reads = [role, v.scenario, v.turn, v.phase, v.seats, v.batteries, v.agreements, v.doctrines, v.stocks, v.pipeline, ...v.scenario.theatres.map((t) => v.plannedWaves[t.id])];
  // A scenario of another length of reads is another scenario: not the same.
  if (reads.some((x, n) => x !== needsKept[n])) needsKept = [...reads, needsNow(ctx)];
  return needsKept[reads.length] as [boolean, number];
}

/** Whether the role's regions expect threats in the next two turns, and how many of its interceptor stocks (item and theatre) run short before an order would arrive. */
export function needsNow(ctx: BotContext): [boolean, number] {
  const { v, role } = ctx;
  const threatened = v.scenario.regions.some((r) => r.owner === role && (expectedThreats(v, r.id, 'drone', 2) + expectedThreats(v, r.id, 'ballistic', 2)) > 0);
  let orders = 0;
  for (const theatre of v.scenario.theatres)
    for (const item of v.scenario.items)
      if (item.kind === 'interceptor' && interceptorNeed(ctx, item.id, theatre.id, v.scenario.orderLeadTime + 2) > 0) orders++;
  return [threatened, orders];
}
