import { airTurns, loadsWaiting, type Battery, type LegalAction, type ThreatKind } from '../core';
import { lever, trackWeight } from './interests';
import { board, pairKey, regionDef, theatreOf, turnsLeft, type View } from './knowledge';
import { remember, type BotContext, type Choice } from './standard';
import { expectedThreats, exposure, theatreRisk, theatreRiskSwapped } from './threatModel';

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

/** Per-turn risk the battery's presence takes off its theatre where it stands (or would stand). */
function batteryWorth(ctx: BotContext, b: Battery, at: string | null): number {
  return remember(ctx, `worth|${b.id}|${at ?? 'here'}`, () => {
    const v = ctx.v;
    const h = horizon(v);
    const theatre = theatreOf(v, at ?? b.region);
    if (theatre === undefined || exposure(v, theatre, h).length === 0) return 0;
    // The risk without the battery is the same for every destination in a theatre, and the risk as things stand
    // the same for every battery: each is worked out once per decision. A move changes the terms of at most
    // the regions the battery covers before and after it.
    const without = remember(ctx, `away|${b.id}|${theatre}|${h}`, () => theatreRiskSwapped(v, ctx.i, theatre, h, b.id, null));
    const with_ = at === null
      ? remember(ctx, `risk|${theatre}|${h}`, () => theatreRisk(v, ctx.i, theatre, h))
      : theatreRiskSwapped(v, ctx.i, theatre, h, b.id, { region: at, halfCover: null, status: 'operational' });
    return (without - with_) / h;
  });
}

function redeployValue(ctx: BotContext, b: Battery, to: string, mode: 'air' | 'sea'): number {
  const { v, role, i } = ctx;
  const h = horizon(v);
  const out = remember(ctx, mode, () => turnsOut(v, mode)); // the same for every battery moved by this mode
  if (out >= h) return -1;
  let value = (h - out) * batteryWorth(ctx, b, to) - h * batteryWorth(ctx, b, null);
  // Credibility: a battery away from an ally's region costs that pair's trust every two turns.
  const host = regionDef(v, b.home)?.owner;
  if (host !== undefined && host !== role) {
    const w = Math.max(0.5, trackWeight(i, `trust:${pairKey(role, host)}`) + 0.5);
    if (b.region === b.home) value -= (h / 2) * w;
    else if (to === b.home) value += (h / 2) * w;
  }
  const from = theatreOf(v, b.region);
  const dest = theatreOf(v, to);
  if (from !== dest) {
    value -= Math.max(0, lever(i, `batteries:${role}|${from}`)) * h;
    value += Math.max(0, lever(i, `batteries:${role}|${dest}`)) * (h - out);
  }
  if (b.region === b.home) value += (lever(i, `gaps:${from}`) + lever(i, 'gaps:all')) * h;
  return value - MOVE_MARGIN;
}

function halfCoverValue(ctx: BotContext, b: Battery, region: string | null): number {
  const v = ctx.v;
  const h = Math.min(3, horizon(v));
  const theatre = theatreOf(v, b.region);
  if (theatre === undefined) return -1;
  const before = remember(ctx, `risk|${theatre}|${h}`, () => theatreRisk(v, ctx.i, theatre, h));
  const after = theatreRiskSwapped(v, ctx.i, theatre, h, b.id, { halfCover: region });
  return before - after - 0.2;
}

/** Rounds at hand (in batteries and in stock where they stand) against the shots the coming waves need. */
function stockRatio(ctx: BotContext): number {
  return remember(ctx, 'stockRatio', () => stockRatioNow(ctx));
}

function stockRatioNow(ctx: BotContext): number {
  const { v, role } = ctx;
  const mine = v.batteries.filter((b) => b.owner === role);
  let have = mine.reduce((sum, b) => sum + b.rounds, 0);
  const theatres = new Set(mine.map((b) => theatreOf(v, b.region)));
  // What the role's batteries fire (a battery of an unknown type counts as undefined, as the lookup gives).
  const items = new Set(mine.map((b) => v.scenario.batteryTypes.find((t) => t.id === b.type)?.interceptor));
  for (const [key, amount] of Object.entries(v.stocks)) {
    const [owner, item, theatre] = key.split('|');
    if (owner === role && theatres.has(theatre) && items.has(item)) have += amount;
  }
  let need = 0;
  const covered = new Set(mine.flatMap((b) => [b.region, b.halfCover ?? '']));
  for (const r of covered) {
    if (!r) continue;
    // A fixed 1.2 shots per threat, whatever the doctrine now, so the choice cannot flip back and forth.
    for (const k of ['drone', 'ballistic'] as const) need += expectedThreats(v, r, k, horizon(v)) * 1.2;
  }
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
  const { v } = ctx;
  const a = l.action;
  switch (a.type) {
    case 'setDoctrine':
      return { action: a, value: desiredDoctrine(ctx, a.threat) === a.doctrine ? 1 : -1 };
    case 'setHalfCover': {
      const b = v.batteries.find((x) => x.id === a.battery);
      return b ? { action: a, value: halfCoverValue(ctx, b, a.region) } : null;
    }
    case 'orderRedeploy': {
      const b = v.batteries.find((x) => x.id === a.battery);
      return b ? { action: a, value: redeployValue(ctx, b, a.to, a.mode) } : null;
    }
    default:
      return null;
  }
}
