import type { Line, PipelineEntry } from '../state';
import { stockKey } from '../state';
import { adjustTrack, currentList, emit, own, ownMember, ownRecord, ownValue, peekField, plural, roleName, say, scenarioOf, standing, type Ctx } from '../context';
import { performRoll } from '../conditions';
import { applyEffects } from '../effects';
import { pairKey } from '../trackIds';
import {
  contractDueBy, itemName, ladderOf, lineTheatre, QUALITY_SAFE, RAMP_FACTORS, theatreName,
} from './industryShared';

// End of the industry phase (lines, then transfers, then projects) and the industry part of the
// assessment (resupply, deliveries, contracts, stockouts).

export function resolveIndustry(ctx: Ctx): void {
  const s = ctx.s;
  // Lists are read as they stand and only what changes is copied to write (ownMember): walking them
  // through the draft made a proxy for every line, transfer and project at every turn.
  const lines = currentList(s, 'lines');
  lines.forEach((line, i) => {
    if (!line.fundedThisTurn) say(ctx, `${line.name} stood idle this turn: nobody funded it.`);
    else if (line.buildLeft > 0) buildLine(ctx, ownMember(s, 'lines', i));
    else produce(ctx, ownMember(s, 'lines', i));
  });
  // Surges were paid for: they mature whether or not the line runs this turn.
  currentList(s, 'lines').forEach((plain, i) => {
    if (plain.surges.length === 0) return;
    const line = ownMember(s, 'lines', i);
    const surges = plain.surges.map((x) => ({ amount: x.amount, turnsLeft: x.turnsLeft - 1 }));
    for (const surge of surges) {
      if (surge.turnsLeft !== 0) continue;
      line.capacity += surge.amount;
      say(ctx, `The surge at ${line.name} comes on stream: capacity is now ${line.capacity} per turn.`);
    }
    line.surges = surges.filter((x) => x.turnsLeft > 0);
  });
  currentList(s, 'transfers').forEach((plain, i) => {
    const building = plain.building;
    if (!building) return;
    const t = ownMember(s, 'transfers', i);
    if (building.turnsLeft > 1) {
      t.building = { level: building.level, turnsLeft: building.turnsLeft - 1 };
      return;
    }
    const level = building.level;
    t.level = level;
    t.building = null;
    const name = ladderOf(s).find((x) => x.level === level)?.name ?? 'a new step';
    say(ctx, `${roleName(s, t.recipient)} reaches L${level}: ${name}.`);
  });
  currentList(s, 'projects').forEach((plain, i) => {
    if (plain.turnsLeft <= 0) return;
    const p = ownMember(s, 'projects', i);
    p.turnsLeft -= 1;
    if (p.turnsLeft > 0) return;
    const project = s.scenario.projects.find((x) => x.id === p.project);
    if (!project) return;
    say(ctx, `${roleName(s, p.owner)} completes ${project.name}.`);
    // The project's owner is the cause of what it does (e.g. who raised tension).
    const actor = ctx.actor;
    ctx.actor = p.owner;
    applyEffects(ctx, project.effects, { actor: p.owner, target: null }, 'industry');
    ctx.actor = actor;
  });
}

function buildLine(ctx: Ctx, line: Line): void {
  line.buildLeft -= 1;
  if (line.buildLeft > 0) {
    say(ctx, `Building ${line.name}: ${plural(line.buildLeft, 'turn')} to go.`);
    return;
  }
  line.ramp = 1;
  say(ctx, `${line.name} is built; it starts production at 25% of capacity when next funded.`);
}

function produce(ctx: Ctx, line: Line): void {
  const s = ctx.s;
  const req = line.requiredTech;
  if (req) {
    const have = standing(currentList(s, 'transfers').find((t) => t.id === req.transfer))?.level ?? 0;
    if (have < req.level) {
      say(ctx, `${line.name} cannot produce yet: needs L${req.level} (now L${have}).`);
      return;
    }
  }
  const ramp = Math.min(3, Math.max(1, line.ramp));
  const output = Math.floor(line.capacity * RAMP_FACTORS[ramp - 1]!);
  line.ramp = Math.min(3, ramp + 1);
  if (output <= 0) {
    say(ctx, `${line.name} produces nothing this turn.`);
    return;
  }
  if (line.quality < QUALITY_SAFE) {
    const spec = { die: 6, dice: 1, atLeast: 2, addTracks: [], bonuses: [] };
    if (!performRoll(ctx, 'industry', spec, `Quality check at ${line.name} (quality ${line.quality})`)) {
      line.lotsLost += 1;
      say(ctx, `${line.name} fails its quality check: this turn's lot of ${output} ${itemName(s, line.item)} is lost.`);
      return;
    }
  }
  line.produced += output;
  const theatre = lineTheatre(s, line);
  for (const { role, amount } of splitOutput(line, output)) {
    if (amount <= 0) continue;
    const key = stockKey(role, line.item, theatre);
    const stocks = own(s, 'stocks');
    stocks[key] = (stocks[key] ?? 0) + amount;
    emit(ctx, {
      kind: 'delivery', owner: role, item: line.item, theatre, amount,
      text: `${line.name} delivers ${amount} ${itemName(s, line.item)} to ${roleName(s, role)} in ${theatreName(s, theatre)}.`,
    });
  }
}

/** Each owner gets floor(output × share); what rounding leaves goes to the largest share (first listed on ties). */
export function splitOutput(line: Pick<Line, 'owners'>, output: number): { role: string; amount: number }[] {
  const total = line.owners.reduce((sum, o) => sum + Math.max(0, o.share), 0);
  const parts = line.owners.map((o) => ({
    role: o.role,
    amount: total > 0 ? Math.floor((output * Math.max(0, o.share)) / total + 1e-9) : 0,
  }));
  let largest = 0;
  line.owners.forEach((o, i) => { if (o.share > (line.owners[largest]?.share ?? 0)) largest = i; });
  const rest = output - parts.reduce((sum, p) => sum + p.amount, 0);
  const top = parts[largest];
  if (top) top.amount += rest;
  return parts;
}

export function assessIndustry(ctx: Ctx): void {
  const s = ctx.s;
  const turn = s.turn;
  // The pipeline read as it stands, this turn's resupply at its end: its entries are only ever delivered
  // (dropped), never changed, so none is drafted.
  const pipeline: PipelineEntry[] = [...currentList(s, 'pipeline')];
  for (const r of s.scenario.resupply) {
    if (turn < r.fromTurn || r.perTurn <= 0) continue;
    pipeline.push({ owner: r.owner, item: r.item, theatre: r.theatre, amount: r.perTurn, arrives: turn + r.leadTime, source: 'resupply' });
  }
  const waiting = [];
  for (const entry of pipeline) {
    if (entry.arrives > turn) { waiting.push(entry); continue; }
    const key = stockKey(entry.owner, entry.item, entry.theatre);
    const stocks = own(s, 'stocks');
    stocks[key] = (stocks[key] ?? 0) + entry.amount;
    emit(ctx, {
      kind: 'delivery', owner: entry.owner, item: entry.item, theatre: entry.theatre, amount: entry.amount,
      text: `${entry.amount} ${itemName(s, entry.item)} ${entry.source === 'order' ? 'ordered' : 'of resupply'} arrive for ${roleName(s, entry.owner)} in ${theatreName(s, entry.theatre)}.`,
    });
  }
  s.pipeline = waiting;
  checkContracts(ctx);
  for (const [key, amount] of Object.entries(standing(peekField(s, 'stocks')))) {
    const item = key.split('|')[1];
    if (scenarioOf(s).items.find((i) => i.id === item)?.kind !== 'interceptor') continue;
    const known = standing(standing(peekField(s, 'stockout'))[key]);
    if (known !== undefined && amount > 0 && known.run === 0) continue;
    // A record kept since an earlier turn is copied to write (ownValue); a new one is added (ownRecord).
    let record = ownValue(s, 'stockout', key);
    if (record === undefined) record = ownRecord(s, 'stockout')[key] = { run: 0, longest: 0 };
    if (amount > 0) record.run = 0;
    else {
      record.run += 1;
      record.longest = Math.max(record.longest, record.run);
    }
  }
}

function checkContracts(ctx: Ctx): void {
  const s = ctx.s;
  const turn = s.turn;
  for (const c of s.scenario.contracts) {
    const due = contractDueBy(c, turn);
    const checked = c.schedule.some((x) => x.turn === turn);
    // Read as it stands first: a contract on time with no check this turn is left undrafted.
    const known = standing(standing(peekField(s, 'contracts'))[c.id]);
    if (known !== undefined && !checked && (known.delivered ?? 0) >= due) continue;
    // Written from here on: a kept record copied to write (ownValue), a new one added (ownRecord).
    let record = ownValue(s, 'contracts', c.id);
    if (record === undefined) record = ownRecord(s, 'contracts')[c.id] = { delivered: 0, late: 0, onTimeChecks: 0, onTimeMet: 0 };
    const delivered = record.delivered ?? 0;
    if (checked) {
      record.onTimeChecks += 1;
      if (delivered >= due) record.onTimeMet += 1;
    }
    if (delivered >= due) continue;
    record.late += 1;
    say(ctx, `${roleName(s, c.seller)} is behind on ${c.name}: ${delivered} of ${due} ${itemName(s, c.item)} delivered so far.`);
    adjustTrack(ctx, `reputation:${c.seller}`, -1, c.seller);
    adjustTrack(ctx, `trust:${pairKey(c.seller, c.buyer)}`, -1, c.seller);
  }
}
