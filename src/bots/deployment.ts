import { airTurns, loadsWaiting, type Battery, type LegalAction, type ThreatKind } from '../core';
import { lever } from './interests';
import { board, pairKey, regionDef, theatreOf, turnsLeft, type View } from './knowledge';
import { remember, type BotContext, type Choice } from './standard';
import { expectedThreats, theatreRisk, theatreRiskSwapped } from './threatModel';

// Deployment: keep coverage where the threatened value is highest, move a battery only when the
// gain over the next turns clearly beats the gap it leaves and the trust it costs, and fire a
// doctrine that fits the threat type and the interceptors at hand.

const HORIZON = 6;
/** A move must be worth this much more than staying (batteries are slow; no dithering). */
const MOVE_MARGIN = 2;

const horizon = (v: View): number => Math.max(1, Math.min(HORIZON, turnsLeft(v) + 1));

/** Turns a battery is out of action after an order: packing, transit, setting up. */
function turnsOut(v: View, mode: 'air' | 'sea'): number {
  if (mode === 'sea') return v.scenario.seaTransitTurns + 2;
  // The rules' own transit time for one more airlifted battery behind those already waiting.
  return v.scenario.airlift.loadsPerTurn > 0 ? 2 + airTurns(board(v), loadsWaiting(board(v))) : 99;
}

/** What a deployment decision works out once per battery ordered and asks for again. */
interface BatteryMemo {
  b: Battery;
  /** Its number in the view's batteries. */
  n: number;
  /** The theatre it stands in, and the owner of its home region. */
  from: string | undefined;
  host: string | undefined;
  /** Its worth where it would stand (null: where it stands). */
  worth: Map<string | null, number>;
  /** The risk of a theatre without it. */
  away: Map<string, number>;
}

/** What a deployment decision works out once and asks for again, found by its parts (no key text to build per lookup). */
interface DeployMemo {
  ctx: BotContext;
  /** By battery id. */
  batteries: Map<string, BatteryMemo>;
  /** Levers read for every move, by their kind and the role or theatre they name (their key text made once). */
  levers: Map<string, Map<string | undefined, number>>;
  /** Turns out of action after an order, by mode. */
  out: { air?: number; sea?: number };
}

/** The memo of the decision asked about last (a decision's actions are scored one after another). */
let memo: DeployMemo | null = null;

function memoOf(ctx: BotContext): DeployMemo {
  if (memo?.ctx !== ctx) memo = { ctx, batteries: new Map(), levers: new Map(), out: {} };
  return memo;
}

/** The battery an order names, with its memo (none when the view has no such battery). */
function ordered(ctx: BotContext, id: string): BatteryMemo | undefined {
  const byId = memoOf(ctx).batteries;
  let found = byId.get(id);
  if (!found) {
    const n = ctx.v.batteries.findIndex((x) => x.id === id);
    const b = ctx.v.batteries[n];
    if (!b) return undefined;
    found = { b, n, from: theatreOf(ctx.v, b.region), host: regionDef(ctx.v, b.home)?.owner, worth: new Map(), away: new Map() };
    byId.set(id, found);
  }
  return found;
}

function slot<K, L, V>(outer: Map<K, Map<L, V>>, key: K): Map<L, V> {
  let inner = outer.get(key);
  if (!inner) { inner = new Map(); outer.set(key, inner); }
  return inner;
}

/** A lever looked up once per decision by its kind and the role or theatre it names (the key text is made only the first time). */
function leverOnce(ctx: BotContext, kind: 'trust' | 'batteries' | 'gaps', part: string | undefined): number {
  const byPart = slot(memoOf(ctx).levers, kind);
  let found = byPart.get(part);
  if (found === undefined) {
    const key = kind === 'trust' ? `track:trust:${pairKey(ctx.role, part!)}` : kind === 'batteries' ? `batteries:${ctx.role}|${part}` : `gaps:${part}`;
    found = lever(ctx.i, key);
    byPart.set(part, found);
  }
  return found;
}

/** Per-turn risk the battery's presence takes off its theatre where it stands (or would stand). */
function batteryWorth(ctx: BotContext, m: BatteryMemo, at: string | null): number {
  let found = m.worth.get(at);
  if (found === undefined) { found = batteryWorthNow(ctx, m, at); m.worth.set(at, found); }
  return found;
}

function batteryWorthNow(ctx: BotContext, m: BatteryMemo, at: string | null): number {
  const { v } = ctx;
  const { n, away } = m;
  const h = horizon(v);
  const theatre = at === null ? m.from : theatreOf(v, at);
  // A theatre without exposures has no risk terms: 0 either way.
  if (theatre === undefined) return 0;
  // The risk without the battery is the same for every destination in a theatre: worked out once per decision
  // (theatreRisk keeps the risk as things stand). A move changes the terms of at most
  // the regions the battery covers before and after it.
  let without = away.get(theatre);
  if (without === undefined) { without = theatreRiskSwapped(v, ctx.i, theatre, h, n, null, null); away.set(theatre, without); }
  const with_ = at === null
    ? theatreRisk(v, ctx.i, theatre, h)
    : theatreRiskSwapped(v, ctx.i, theatre, h, n, at, null);
  return (without - with_) / h;
}

function redeployValue(ctx: BotContext, m: BatteryMemo, to: string, mode: 'air' | 'sea'): number {
  const { v, role, i } = ctx;
  const { b, from, host } = m;
  const h = horizon(v);
  const out = (memoOf(ctx).out[mode] ??= turnsOut(v, mode)); // the same for every battery moved by this mode
  if (out >= h) return -1;
  let value = (h - out) * batteryWorth(ctx, m, to) - h * batteryWorth(ctx, m, null);
  // Credibility: a battery away from an ally's region costs that pair's trust every two turns.
  if (host !== undefined && host !== role) {
    const w = Math.max(0.5, leverOnce(ctx, 'trust', host) + 0.5);
    if (b.region === b.home) value -= (h / 2) * w;
    else if (to === b.home) value += (h / 2) * w;
  }
  const dest = theatreOf(v, to);
  if (from !== dest) {
    value -= Math.max(0, leverOnce(ctx, 'batteries', from)) * h;
    value += Math.max(0, leverOnce(ctx, 'batteries', dest)) * (h - out);
  }
  if (b.region === b.home) value += (leverOnce(ctx, 'gaps', from) + lever(i, 'gaps:all')) * h;
  return value - MOVE_MARGIN;
}

function halfCoverValue(ctx: BotContext, { b, n, from: theatre }: BatteryMemo, region: string | null): number {
  const v = ctx.v;
  const h = Math.min(3, horizon(v));
  if (theatre === undefined) return -1;
  const before = theatreRisk(v, ctx.i, theatre, h);
  const after = theatreRiskSwapped(v, ctx.i, theatre, h, n, b.region, region);
  return before - after - 0.2;
}

/** Rounds at hand (in batteries and in stock where they stand) against the shots the coming waves need. */
function stockRatio(ctx: BotContext): number {
  return remember(ctx, 'stockRatio', () => stockRatioNow(ctx));
}

function stockRatioNow(ctx: BotContext): number {
  const { v, role } = ctx;
  let have = 0;
  const theatres: (string | undefined)[] = [];
  const items: (string | undefined)[] = [];
  // Regions the role's batteries cover, fully or by half, in the order they come.
  const covered: string[] = [];
  const h = horizon(v);
  for (const b of v.batteries) {
    if (b.owner !== role) continue;
    have += b.rounds;
    const theatre = theatreOf(v, b.region);
    if (!theatres.includes(theatre)) theatres.push(theatre);
    // What the battery fires (a battery of an unknown type counts as undefined, as the lookup gives).
    const item = v.scenario.batteryTypes.find((t) => t.id === b.type)?.interceptor;
    if (!items.includes(item)) items.push(item);
    if (!covered.includes(b.region)) covered.push(b.region);
    if (b.halfCover && !covered.includes(b.halfCover)) covered.push(b.halfCover);
  }
  // Stock keys are owner|item|theatre: only the role's own are split.
  const mine = `${role}|`;
  for (const key in v.stocks) {
    if (!key.startsWith(mine)) continue;
    const [owner, item, theatre] = key.split('|');
    if (owner === role && theatres.includes(theatre) && items.includes(item)) have += v.stocks[key]!;
  }
  let need = 0;
  // A fixed 1.2 shots per threat, whatever the doctrine now, so the choice cannot flip back and forth.
  for (const r of covered) for (const k of ['drone', 'ballistic'] as const) need += expectedThreats(v, r, k, h) * 1.2;
  return need <= 0 ? 10 : have / need;
}

/** Doctrine by threat type and stock, with a margin around each threshold so the choice does not flicker. */
function desiredDoctrine(ctx: BotContext, kind: ThreatKind): string {
  const ratio = stockRatio(ctx);
  const now = ctx.v.doctrines[ctx.role]?.[kind];
  const above = (threshold: number, favoured: boolean) => ratio >= threshold * (favoured ? 0.8 : 1.25);
  if (kind === 'drone') return above(0.8, now === 'shootLookShoot') ? 'shootLookShoot' : 'single';
  if (above(1.5, now === 'barrage')) return 'barrage';
  return above(0.7, now !== 'single') ? 'shootLookShoot' : 'single';
}

export function scoreDeployment(ctx: BotContext, l: LegalAction): Choice | null {
  const a = l.action;
  switch (a.type) {
    case 'setDoctrine':
      return { action: a, value: desiredDoctrine(ctx, a.threat) === a.doctrine ? 1 : -1 };
    case 'setHalfCover': {
      const m = ordered(ctx, a.battery);
      return m ? { action: a, value: halfCoverValue(ctx, m, a.region) } : null;
    }
    case 'orderRedeploy': {
      const m = ordered(ctx, a.battery);
      return m ? { action: a, value: redeployValue(ctx, m, a.to, a.mode) } : null;
    }
    default:
      return null;
  }
}
