import type { Effect } from './scenario/schema';
import type { Battery, GameState } from './state';
import { adjustTrack, append, currentList, emit, nextId, own, ownValue, peekField, regionName, resolveTrack, roleName, say, setTrackValue, standing, theatreName, type Ctx } from './context';
import { bindPlace, bindRole, evaluate, isDisabled, performRoll, type Binding } from './conditions';
import { interoperabilityMultiplier, salvoExchange } from './formulas';
import { pairKey } from './trackIds';
import type { Stream } from './vocabulary';

// Applies the declarative effects of cards, moves, projects, provocations and assessment rules.

export function applyEffects(ctx: Ctx, effects: readonly Effect[], b: Binding, stream: Stream): void {
  for (const effect of effects) applyEffect(ctx, effect, b, stream);
}

export function applyEffect(ctx: Ctx, e: Effect, b: Binding, stream: Stream): void {
  const s = ctx.s;
  if ('adjustTrack' in e) {
    const key = resolveTrack(s, e.adjustTrack, b.actor, b.target);
    if (key) adjustTrack(ctx, key, e.by);
  } else if ('setTrack' in e) {
    const key = resolveTrack(s, e.setTrack, b.actor, b.target);
    if (key) setTrackValue(ctx, key, e.to);
  } else if ('grantBudget' in e) {
    const role = bindRole(e.grantBudget, b);
    if (!(role in peekField(s, 'budgets'))) return;
    const budgets = own(s, 'budgets');
    const before = budgets[role] ?? 0;
    budgets[role] = Math.max(0, before + e.amount);
    say(ctx, `${roleName(s, role)} ${e.amount >= 0 ? 'gains' : 'loses'} ${Math.abs(budgets[role] - before)} budget points.`);
  } else if ('addStock' in e) {
    const role = bindRole(e.addStock, b);
    const key = `${role}|${e.item}|${e.theatre}`;
    const stocks = own(s, 'stocks');
    const before = stocks[key] ?? 0;
    stocks[key] = Math.max(0, before + e.amount);
    const item = s.scenario.items.find((i) => i.id === e.item)?.name ?? e.item;
    say(ctx, `${roleName(s, role)}'s stock of ${item} goes from ${before} to ${s.stocks[key]}.`);
  } else if ('addBattery' in e) {
    addBattery(ctx, e.addBattery, bindRole(e.owner, b), e.region);
  } else if ('addLine' in e) {
    addLine(ctx, e.addLine, e.owners.map((o) => ({ role: bindRole(o.role, b), share: o.share })));
  } else if ('addCounterDrone' in e) {
    const id = bindPlace(e.addCounterDrone, b);
    const region = ownValue(s, 'regions', id);
    if (!region) return;
    region.counterDrone += 1;
    say(ctx, `A counter-drone layer now guards ${regionName(s, id)}.`);
  } else if ('damageRegion' in e) {
    damageRegion(ctx, bindPlace(e.damageRegion, b), e.amount);
  } else if ('repairRegion' in e) {
    const id = bindPlace(e.repairRegion, b);
    const region = ownValue(s, 'regions', id);
    if (!region) return;
    region.damage = Math.max(0, region.damage - e.amount);
    say(ctx, `${regionName(s, id)} is repaired (damage ${region.damage}).`);
  } else if ('incident' in e) {
    incident(ctx, bindPlace(e.incident, b));
  } else if ('hotline' in e) {
    own(s, 'hotline')[bindPlace(e.hotline, b)] = true;
    say(ctx, 'A hotline is open: the next incident will escalate only half as far.');
  } else if ('richardson' in e) {
    // The arms race is read as it stands and replaced whole (writing into it would draft the step).
    const arms = standing(peekField(s, 'arms'));
    if (!arms) return;
    const next = { ...arms, levels: standing(arms.levels), change: standing(arms.change) };
    for (const k of ['k', 'l', 'a', 'b', 'g', 'h'] as const) {
      const d = e.richardson[k];
      if (d !== undefined) next[k] = Math.max(0, round4(arms[k] + d));
    }
    s.arms = next;
    say(ctx, `The arms-race coefficients change: reaction ${next.k} and ${next.l}, restraint ${next.a} and ${next.b}.`);
  } else if ('adjustArms' in e) {
    const role = bindRole(e.adjustArms, b);
    const arms = standing(peekField(s, 'arms'));
    const levels = arms && standing(arms.levels);
    if (!arms || !levels || !(role in levels)) return;
    const level = Math.max(0, round4((levels[role] ?? 0) + e.by));
    s.arms = { ...arms, levels: { ...levels, [role]: level }, change: standing(arms.change) };
    say(ctx, `${roleName(s, role)}'s arms level is now ${level}.`);
  } else if ('revealNext' in e) {
    const role = bindRole(e.revealNext, b);
    const intel = ownValue(s, 'intel', role);
    if (intel) { intel.nextCard = true; intel.nextWave = true; }
  } else if ('crisis' in e) {
    crisis(ctx, e);
  } else if ('roll' in e) {
    const ok = performRoll(ctx, stream, e.roll, 'Roll', b);
    applyEffects(ctx, ok ? e.success : e.failure, b, stream);
  } else if ('when' in e) {
    applyEffects(ctx, evaluate(s, e.when, b) ? e.then : e.otherwise, b, stream);
  } else {
    say(ctx, e.log);
  }
}

export const round4 = (x: number): number => Math.round(x * 10000) / 10000;

export function addBattery(ctx: Ctx, type: string, owner: string, region: string): Battery | null {
  const t = ctx.s.scenario.batteryTypes.find((x) => x.id === type);
  if (!t) return null;
  const capacity = t.launchers * t.roundsPerLauncher;
  const battery: Battery = {
    id: nextId(ctx.s, 'bat'), name: `${t.name} ${currentList(ctx.s, 'batteries').filter((x) => standing(x).owner === owner).length + 1}`, type, owner,
    region, home: region, halfCover: null, status: 'setup', destination: null, mode: null, loadsLeft: 0, turnsLeft: 1,
    rounds: capacity, capacity, awayTurns: 0,
  };
  append(ctx.s, 'batteries', battery);
  say(ctx, `${roleName(ctx.s, owner)} fields a new ${t.name} battery at ${regionName(ctx.s, region)}; it sets up this turn.`);
  return battery;
}

export function addLine(ctx: Ctx, templateId: string, owners: { role: string; share: number }[]): string | null {
  const t = ctx.s.scenario.lineTemplates.find((x) => x.id === templateId);
  if (!t) return null;
  const id = nextId(ctx.s, 'line');
  append(ctx.s, 'lines', {
    id, name: t.name, item: t.item, region: t.region, owners, buildLeft: t.buildTurns, ramp: t.buildTurns === 0 ? 1 : 0,
    capacity: t.capacity, surges: [], upkeep: t.upkeep, quality: t.quality, requiredTech: t.requiredTech ?? null,
    fundedThisTurn: false, produced: 0, lotsLost: 0,
  });
  say(ctx, `Work begins on a new production line: ${t.name} at ${regionName(ctx.s, t.region)}.`);
  return id;
}

export function damageRegion(ctx: Ctx, regionId: string, amount: number): void {
  if (!peekField(ctx.s, 'regions')[regionId]) return;
  const wasDisabled = isDisabled(ctx.s, regionId);
  const region = ownValue(ctx.s, 'regions', regionId)!;
  region.damage += amount;
  if (!wasDisabled && isDisabled(ctx.s, regionId)) say(ctx, `${regionName(ctx.s, regionId)} is disabled.`);
}

/** An incident climbs the escalation ladder: +1, or +2 at tension 7 and above; an open hotline halves it. */
export function incident(ctx: Ctx, theatre: string): void {
  const key = `tension:${theatre}`;
  const tracks = peekField(ctx.s, 'tracks');
  if (!(key in tracks)) return;
  let step = (tracks[key] ?? 0) >= 7 ? 2 : 1;
  if (peekField(ctx.s, 'hotline')[theatre]) {
    step = Math.floor(step / 2);
    own(ctx.s, 'hotline')[theatre] = false;
    say(ctx, 'The hotline is used: both sides talk, and the incident escalates less.');
  }
  say(ctx, `An incident in ${theatreName(ctx.s, theatre)}.`);
  adjustTrack(ctx, key, step);
}

/**
 * An alliance whose members hold regions in the crisis theatre must agree to act together:
 * 2d6 ≥ 6 + (members − 3). If they do, its deterrence bonus (members − 2, at most 4) joins the defence.
 */
function allianceConsensus(ctx: Ctx, owners: string[]): number {
  const alliance = currentList(ctx.s, 'agreements').map(standing).find((a) => a.type === 'alliance' && standing(a.parties).some((p) => owners.includes(p)));
  if (!alliance) return 0;
  const members = alliance.parties.length;
  const agreed = performRoll(ctx, 'diplomacy', { die: 6, dice: 2, atLeast: 6 + (members - 3), addTracks: [], bonuses: [] }, 'Alliance consensus in the crisis');
  if (!agreed) {
    say(ctx, 'The alliance cannot agree in time: each member defends alone.');
    return 0;
  }
  return Math.max(0, Math.min(4, members - 2));
}

/** A crisis fought out with the Hughes salvo model: the theatre's operational batteries defend. */
function crisis(ctx: Ctx, e: Extract<Effect, { crisis: string }>): void {
  const s = ctx.s;
  const regions = s.scenario.regions.filter((r) => r.theatre === e.crisis);
  const regionIds = new Set(regions.map((r) => r.id));
  const defenders = currentList(s, 'batteries').map(standing).filter((x) => x.status === 'operational' && regionIds.has(x.region));
  const owners = [...new Set(defenders.map((x) => x.owner))].sort();
  let interop = 0;
  let pairs = 0;
  for (let i = 0; i < owners.length; i++)
    for (let j = i + 1; j < owners.length; j++) { interop += peekField(s, 'tracks')[`interop:${pairKey(owners[i]!, owners[j]!)}`] ?? 0; pairs += 1; }
  const multiplier = owners.length > 1 ? interoperabilityMultiplier(interop / pairs) : 1;
  const deterrence = allianceConsensus(ctx, regions.map((r) => r.owner));
  const result = salvoExchange({
    A: e.attackers, B: defenders.length, alpha: e.alpha, beta: 1, a1: e.attackerStaying, b1: 2,
    a3: e.attackerDefence, b3: round4((1 + deterrence * 0.25) * multiplier),
  });
  const losses = Math.round(result.lossesB);
  say(ctx, `A crisis: ${e.attackers} attacking units against ${defenders.length} defending batteries (combined defence ×${round4(multiplier)}). Defenders lose ${losses}, attackers ${Math.round(result.lossesA)}.`);
  const byValue = [...regions].sort((x, y) => y.value - x.value || (x.id < y.id ? -1 : 1));
  for (let i = 0; i < losses && byValue.length > 0; i++) damageRegion(ctx, byValue[i % byValue.length]!.id, 1);
  if (losses > 0) emit(ctx, { kind: 'log', text: 'The crisis leaves damage behind.' });
}
