import type { Condition, Effect, Quantity, Scenario } from './schema';
import type { ScenarioError } from './messages';
import { parseTrackRef } from '../trackIds';

// Checks that every id a scenario mentions exists, once. zod has already checked shapes and ranges.
export function checkReferences(s: Scenario): ScenarioError[] {
  const checker = createChecker(s);
  checkWhole(s, checker);
  return checker.errors;
}

/** Checks effects written outside a scenario file (a facilitator's custom card) against the scenario. */
export function checkEffectReferences(s: Scenario, effects: readonly Effect[], path: string): ScenarioError[] {
  const checker = createChecker(s);
  effects.forEach((e, i) => checker.effect(e, `${path}[${i}]`, false));
  return checker.errors;
}

type Checker = ReturnType<typeof createChecker>;

function createChecker(s: Scenario) {
  const errors: ScenarioError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const ids = (list: readonly { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      if (seen.has(entry.id)) err(`${name}[${i}].id`, `duplicate id "${entry.id}": ids must be unique within ${name}`);
      seen.add(entry.id);
    });
    return seen;
  };
  const roles = ids(s.roles, 'roles');
  const sides = ids(s.sides, 'sides');
  const theatres = ids(s.theatres, 'theatres');
  const regions = ids(s.regions, 'regions');
  ids(s.lanes, 'lanes');
  const items = ids(s.items, 'items');
  const threatTypes = ids(s.threatTypes, 'threatTypes');
  const batteryTypes = ids(s.batteryTypes, 'batteryTypes');
  ids(s.batteries, 'batteries');
  const templates = ids(s.lineTemplates, 'lineTemplates');
  ids(s.lines, 'lines');
  const transfers = ids(s.techTransfers, 'techTransfers');
  ids(s.projects, 'projects');
  ids(s.moves, 'moves');
  ids(s.deck, 'deck');
  ids(s.provocations, 'provocations');
  ids(s.contracts, 'contracts');
  ids(s.objectives, 'objectives');
  ids(s.sharedLoss, 'sharedLoss');
  const customTracks = ids(s.tracks, 'tracks');
  ids(s.assessmentRules, 'assessmentRules');

  const ref = (set: Set<string>, value: string | undefined, path: string, what: string) => {
    if (value !== undefined && !set.has(value)) err(path, `unknown ${what} "${value}"`);
  };
  const role = (value: string, path: string, placeholders: boolean) => {
    if (placeholders && (value === 'actor' || value === 'target')) return;
    ref(roles, value, path, 'role');
  };
  const track = (value: string, path: string, placeholders: boolean) => {
    const parsed = parseTrackRef(value);
    if (!parsed) return err(path, `"${value}" is not a track: use tension:<theatre>, support:<role>, reputation:<role>, readiness:<role>, trust:<role>+<other role>, interop:<role>+<other role> or a track id`);
    if (parsed.kind === 'tension') { if (!(placeholders && parsed.theatre === 'target')) ref(theatres, parsed.theatre, path, 'theatre'); }
    else if (parsed.kind === 'custom') ref(customTracks, parsed.id, path, 'track');
    else if ('a' in parsed) {
      role(parsed.a, path, placeholders);
      role(parsed.b, path, placeholders);
    } else role(parsed.role, path, placeholders);
  };
  const place = (value: string, path: string, placeholders: boolean) => {
    if (!(placeholders && value === 'target')) ref(regions, value, path, 'region');
  };
  const quantity = (q: Quantity, path: string, ph: boolean) => {
    if ('track' in q) track(q.track, `${path}.track`, ph);
    if ('budget' in q) role(q.budget, `${path}.budget`, ph);
    if ('stock' in q) { role(q.stock, `${path}.stock`, ph); ref(items, q.item, `${path}.item`, 'item'); ref(theatres, q.theatre, `${path}.theatre`, 'theatre'); }
    if ('techLevel' in q) ref(transfers, q.techLevel, `${path}.techLevel`, 'technology transfer');
    if ('protectedPct' in q && q.protectedPct !== 'all') ref(theatres, q.protectedPct, `${path}.protectedPct`, 'theatre');
    if ('disabledRegions' in q) { if (q.disabledRegions !== 'all') ref(theatres, q.disabledRegions, `${path}.disabledRegions`, 'theatre'); if (q.owner) role(q.owner, `${path}.owner`, ph); }
    if ('longestStockout' in q) { role(q.longestStockout, `${path}.longestStockout`, ph); ref(items, q.item, `${path}.item`, 'item'); }
    if ('arms' in q) role(q.arms, `${path}.arms`, ph);
    if ('armsChange' in q) role(q.armsChange, `${path}.armsChange`, ph);
    if ('agreements' in q && q.party) role(q.party, `${path}.party`, ph);
    if ('leakers' in q && q.leakers !== 'all') ref(theatres, q.leakers, `${path}.leakers`, 'theatre');
    if ('onTimePct' in q) role(q.onTimePct, `${path}.onTimePct`, ph);
    if ('gaps' in q && q.gaps !== 'all') ref(theatres, q.gaps, `${path}.gaps`, 'theatre');
    if ('operationalBatteries' in q) { role(q.operationalBatteries, `${path}.operationalBatteries`, ph); ref(theatres, q.theatre, `${path}.theatre`, 'theatre'); }
  };
  const condition = (c: Condition, path: string, ph: boolean): void => {
    if ('all' in c) c.all.forEach((x, i) => condition(x, `${path}.all[${i}]`, ph));
    else if ('any' in c) c.any.forEach((x, i) => condition(x, `${path}.any[${i}]`, ph));
    else if ('not' in c) condition(c.not, `${path}.not`, ph);
    else quantity(c.compare, `${path}.compare`, ph);
  };
  const roll = (r: { addTracks: { track: string }[]; bonuses: { when: Condition }[] }, path: string, ph: boolean) => {
    r.addTracks.forEach((t, i) => track(t.track, `${path}.addTracks[${i}].track`, ph));
    r.bonuses.forEach((b, i) => condition(b.when, `${path}.bonuses[${i}].when`, ph));
  };
  const effect = (e: Effect, path: string, ph: boolean): void => {
    if ('adjustTrack' in e) track(e.adjustTrack, `${path}.adjustTrack`, ph);
    else if ('setTrack' in e) track(e.setTrack, `${path}.setTrack`, ph);
    else if ('grantBudget' in e) role(e.grantBudget, `${path}.grantBudget`, ph);
    else if ('addStock' in e) { role(e.addStock, `${path}.addStock`, ph); ref(items, e.item, `${path}.item`, 'item'); ref(theatres, e.theatre, `${path}.theatre`, 'theatre'); }
    else if ('addBattery' in e) { ref(batteryTypes, e.addBattery, `${path}.addBattery`, 'battery type'); role(e.owner, `${path}.owner`, ph); ref(regions, e.region, `${path}.region`, 'region'); }
    else if ('addLine' in e) { ref(templates, e.addLine, `${path}.addLine`, 'line template'); e.owners.forEach((o, i) => role(o.role, `${path}.owners[${i}].role`, ph)); }
    else if ('addCounterDrone' in e) place(e.addCounterDrone, `${path}.addCounterDrone`, ph);
    else if ('damageRegion' in e) place(e.damageRegion, `${path}.damageRegion`, ph);
    else if ('repairRegion' in e) place(e.repairRegion, `${path}.repairRegion`, ph);
    else if ('incident' in e) { if (!(ph && e.incident === 'target')) ref(theatres, e.incident, `${path}.incident`, 'theatre'); }
    else if ('hotline' in e) { if (!(ph && e.hotline === 'target')) ref(theatres, e.hotline, `${path}.hotline`, 'theatre'); }
    else if ('adjustArms' in e) role(e.adjustArms, `${path}.adjustArms`, ph);
    else if ('revealNext' in e) role(e.revealNext, `${path}.revealNext`, ph);
    else if ('crisis' in e) ref(theatres, e.crisis, `${path}.crisis`, 'theatre');
    else if ('roll' in e) {
      roll(e.roll, `${path}.roll`, ph);
      e.success.forEach((x, i) => effect(x, `${path}.success[${i}]`, ph));
      e.failure.forEach((x, i) => effect(x, `${path}.failure[${i}]`, ph));
    } else if ('when' in e) {
      condition(e.when, `${path}.when`, ph);
      e.then.forEach((x, i) => effect(x, `${path}.then[${i}]`, ph));
      e.otherwise.forEach((x, i) => effect(x, `${path}.otherwise[${i}]`, ph));
    }
  };

  return { errors, err, ids: { roles, sides, theatres, regions, items, threatTypes, batteryTypes, templates, transfers }, ref, role, track, quantity, condition, roll, effect };
}

function checkWhole(s: Scenario, c: Checker): void {
  const { err, ref, role, quantity, condition, roll, effect } = c;
  const { roles, sides, theatres, regions, items, threatTypes, batteryTypes, transfers } = c.ids;
  const regionTheatre = new Map(s.regions.map((r) => [r.id, r.theatre]));
  const RESERVED = ['actor', 'target', 'facilitator', 'all', 'public'];
  s.roles.forEach((r, i) => { if (RESERVED.includes(r.id)) err(`roles[${i}].id`, `"${r.id}" is a reserved word; choose another role id`); });
  const lines = new Set(s.lines.map((l) => l.id));
  const adjacent = (a: string, b: string) => s.lanes.some((l) => (l.from === a && l.to === b) || (l.from === b && l.to === a));
  const withinGame = (value: number | undefined, path: string) => {
    if (value !== undefined && value > s.turns) err(path, `turn ${value} is after the last turn (${s.turns})`);
  };
  const itemKind = new Map(s.items.map((x) => [x.id, x.kind]));
  if (s.turnLabels.length !== s.turns) err('turnLabels', `expected one label per turn (${s.turns}), got ${s.turnLabels.length}`);
  s.roles.forEach((r, i) => {
    ref(sides, r.side, `roles[${i}].side`, 'side');
    r.score.forEach((x, j) => quantity(x.quantity, `roles[${i}].score[${j}].quantity`, false));
  });
  s.regions.forEach((r, i) => { ref(theatres, r.theatre, `regions[${i}].theatre`, 'theatre'); role(r.owner, `regions[${i}].owner`, false); });
  s.lanes.forEach((l, i) => {
    if (!regions.has(l.from)) err(`lanes[${i}].from`, `lane leads from an unknown region "${l.from}"`);
    if (!regions.has(l.to)) err(`lanes[${i}].to`, `lane leads to an unknown region "${l.to}"`);
    if (l.from === l.to) err(`lanes[${i}].to`, 'a lane must join two different regions');
  });
  s.pairs.forEach((p, i) => {
    p.roles.forEach((r, j) => role(r, `pairs[${i}].roles[${j}]`, false));
    if (p.roles[0] === p.roles[1]) err(`pairs[${i}].roles`, 'a pair needs two different roles');
    const key = [...p.roles].sort().join('+');
    if (s.pairs.slice(0, i).some((q) => [...q.roles].sort().join('+') === key)) err(`pairs[${i}].roles`, `the pair ${p.roles.join(' and ')} is listed twice`);
  });
  s.tracks.forEach((t, i) => {
    if (t.min > t.max) err(`tracks[${i}].max`, `expected max ≥ min (${t.min}), got ${t.max}`);
    if (t.start < t.min || t.start > t.max) err(`tracks[${i}].start`, `expected a start between ${t.min} and ${t.max}, got ${t.start}`);
  });
  s.batteryTypes.forEach((b, i) => {
    ref(items, b.interceptor, `batteryTypes[${i}].interceptor`, 'item');
    const kind = itemKind.get(b.interceptor);
    if (kind !== undefined && kind !== 'interceptor') err(`batteryTypes[${i}].interceptor`, `item "${b.interceptor}" is a ${kind}, not an interceptor`);
  });
  s.batteries.forEach((b, i) => {
    ref(batteryTypes, b.type, `batteries[${i}].type`, 'battery type');
    role(b.owner, `batteries[${i}].owner`, false);
    ref(regions, b.region, `batteries[${i}].region`, 'region');
    ref(regions, b.halfCover, `batteries[${i}].halfCover`, 'region');
    if (b.halfCover !== undefined && regions.has(b.halfCover) && !adjacent(b.region, b.halfCover))
      err(`batteries[${i}].halfCover`, `a battery half-covers a region joined to its own by a lane; "${b.halfCover}" is not next to "${b.region}"`);
  });
  s.stockpiles.forEach((x, i) => { role(x.owner, `stockpiles[${i}].owner`, false); ref(items, x.item, `stockpiles[${i}].item`, 'item'); ref(theatres, x.theatre, `stockpiles[${i}].theatre`, 'theatre'); });
  s.resupply.forEach((x, i) => { role(x.owner, `resupply[${i}].owner`, false); ref(items, x.item, `resupply[${i}].item`, 'item'); ref(theatres, x.theatre, `resupply[${i}].theatre`, 'theatre'); });
  const lineLike = (l: Scenario['lineTemplates'][number], path: string) => {
    ref(items, l.item, `${path}.item`, 'item');
    ref(regions, l.region, `${path}.region`, 'region');
    ref(transfers, l.requiredTech?.transfer, `${path}.requiredTech.transfer`, 'technology transfer');
  };
  s.lineTemplates.forEach((l, i) => lineLike(l, `lineTemplates[${i}]`));
  s.lines.forEach((l, i) => {
    lineLike(l, `lines[${i}]`);
    l.owners.forEach((o, j) => role(o.role, `lines[${i}].owners[${j}].role`, false));
    const total = l.owners.reduce((sum, o) => sum + o.share, 0);
    if (Math.abs(total - 100) > 1e-9) err(`lines[${i}].owners`, `shares must add up to 100, got ${total}`);
  });
  s.techTransfers.forEach((t, i) => {
    role(t.donor, `techTransfers[${i}].donor`, false);
    role(t.recipient, `techTransfers[${i}].recipient`, false);
    if (t.donor === t.recipient) err(`techTransfers[${i}].recipient`, 'donor and recipient must differ');
  });
  s.techLadder?.forEach((step, i) => { if (step.level !== i + 1) err(`techLadder[${i}].level`, `expected level ${i + 1}, got ${step.level}`); });
  s.projects.forEach((p, i) => { p.roles.forEach((r, j) => role(r, `projects[${i}].roles[${j}]`, false)); p.effects.forEach((e, j) => effect(e, `projects[${i}].effects[${j}]`, true)); });
  s.moves.forEach((m, i) => {
    m.roles.forEach((r, j) => role(r, `moves[${i}].roles[${j}]`, false));
    if (m.requires) condition(m.requires, `moves[${i}].requires`, true);
    m.effects.forEach((e, j) => effect(e, `moves[${i}].effects[${j}]`, true));
  });
  s.agreements.forEach((a, i) => {
    a.parties.forEach((r, j) => role(r, `agreements[${i}].parties[${j}]`, false));
    ref(transfers, a.transfer, `agreements[${i}].transfer`, 'technology transfer');
    ref(lines, a.line, `agreements[${i}].line`, 'production line');
  });
  s.contracts.forEach((c, i) => {
    role(c.seller, `contracts[${i}].seller`, false); role(c.buyer, `contracts[${i}].buyer`, false);
    ref(items, c.item, `contracts[${i}].item`, 'item'); ref(theatres, c.theatre, `contracts[${i}].theatre`, 'theatre');
    c.schedule.forEach((x, j) => withinGame(x.turn, `contracts[${i}].schedule[${j}].turn`));
  });
  s.deck.forEach((c, i) => {
    c.effects.forEach((e, j) => effect(e, `deck[${i}].effects[${j}]`, false));
    if (c.choice) {
      role(c.choice.role, `deck[${i}].choice.role`, false);
      c.choice.options.forEach((o, j) => o.effects.forEach((e, k) => effect(e, `deck[${i}].choice.options[${j}].effects[${k}]`, true)));
    }
  });
  s.waves.forEach((w, i) => {
    ref(theatres, w.theatre, `waves[${i}].theatre`, 'theatre');
    ref(threatTypes, w.threat, `waves[${i}].threat`, 'threat type');
    if (w.min > w.max) err(`waves[${i}].max`, `expected max ≥ min (${w.min}), got ${w.max}`);
    if (w.fromTurn > w.toTurn) err(`waves[${i}].toTurn`, `expected toTurn ≥ fromTurn (${w.fromTurn}), got ${w.toTurn}`);
    withinGame(w.toTurn, `waves[${i}].toTurn`);
    w.targets.forEach((t, j) => {
      if (!regions.has(t)) err(`waves[${i}].targets[${j}]`, `unknown region "${t}"`);
      else if (regionTheatre.get(t) !== w.theatre) err(`waves[${i}].targets[${j}]`, `region "${t}" is not in theatre "${w.theatre}"`);
    });
  });
  s.provocations.forEach((p, i) => {
    ref(theatres, p.theatre, `provocations[${i}].theatre`, 'theatre');
    withinGame(p.toTurn, `provocations[${i}].toTurn`);
    roll(p.roll, `provocations[${i}].roll`, false);
    p.success.forEach((e, j) => effect(e, `provocations[${i}].success[${j}]`, false));
  });
  if (s.richardson) {
    role(s.richardson.x, 'richardson.x', false);
    role(s.richardson.y, 'richardson.y', false);
    if (s.richardson.x === s.richardson.y) err('richardson.y', 'an arms race needs two different roles');
  }
  s.assessmentRules.forEach((r, i) => { condition(r.when, `assessmentRules[${i}].when`, false); r.effects.forEach((e, j) => effect(e, `assessmentRules[${i}].effects[${j}]`, false)); });
  s.objectives.forEach((o, i) => {
    if (!roles.has(o.owner) && !sides.has(o.owner)) err(`objectives[${i}].owner`, `unknown role or side "${o.owner}"`);
    condition(o.condition, `objectives[${i}].condition`, false);
    withinGame(o.byTurn, `objectives[${i}].byTurn`);
  });
  s.victory.forEach((v, i) => { ref(sides, v.side, `victory[${i}].side`, 'side'); condition(v.condition, `victory[${i}].condition`, false); });
  s.sharedLoss.forEach((l, i) => condition(l.condition, `sharedLoss[${i}].condition`, false));
}
