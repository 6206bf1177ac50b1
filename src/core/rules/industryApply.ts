import type { ActionOf } from '../actions';
import type { GameState } from '../state';
import { stockKey } from '../state';
import { append, currentList, emit, nextId, own, ownMember, ownValue, plural, roleName, say, standing, type Ctx } from '../context';
import { performRoll } from '../conditions';
import type { IndustryAction } from './industryCheck';
import {
  APPROVAL_TARGET, APPROVAL_TARGET_PARTNERS, bp, itemName, markKey, nextStep, pay, QUALITY_COST, REPAIR_COST,
  regionName, strategicPartners, SURGE_AMOUNT, SURGE_COST, SURGE_DELAY, theatreName,
} from './industryShared';

// Effects of the industry actions; each assumes checkIndustry passed.

const bump = (s: GameState, key: string, by = 1): void => { const used = own(s, 'movesUsed'); used[key] = (used[key] ?? 0) + by; };

export function applyIndustry(ctx: Ctx, a: IndustryAction): void {
  const s = ctx.s;
  const who = roleName(s, a.role);
  switch (a.type) {
    case 'fundLine': {
      const line = ownMember(s, 'lines', currentList(s, 'lines').findIndex((l) => l.id === a.line));
      pay(s, a.role, line.upkeep);
      line.fundedThisTurn = true;
      say(ctx, `${who} funds ${line.name} for ${bp(line.upkeep)} this turn.`);
      return;
    }
    case 'surgeLine': {
      const index = currentList(s, 'lines').findIndex((l) => l.id === a.line);
      const surges = standing(standing(currentList(s, 'lines')[index]!).surges);
      const line = ownMember(s, 'lines', index);
      pay(s, a.role, SURGE_COST);
      // The list of surges is replaced, not changed in place (the member is the step's own copy).
      line.surges = [...surges, { amount: SURGE_AMOUNT, turnsLeft: SURGE_DELAY }];
      bump(s, markKey('surge', line.id));
      say(ctx, `${who} invests ${bp(SURGE_COST)} to surge ${line.name}: +${SURGE_AMOUNT} capacity in ${SURGE_DELAY} turns.`);
      return;
    }
    case 'improveQuality': {
      const line = ownMember(s, 'lines', currentList(s, 'lines').findIndex((l) => l.id === a.line));
      pay(s, a.role, QUALITY_COST);
      line.quality += 1;
      bump(s, markKey('quality', line.id));
      say(ctx, `${who} invests ${bp(QUALITY_COST)} in quality assurance at ${line.name}: quality is now ${line.quality}.`);
      return;
    }
    case 'startTechStep':
      startTechStep(ctx, a);
      return;
    case 'startProject': {
      const project = s.scenario.projects.find((p) => p.id === a.project)!;
      pay(s, a.role, project.cost);
      append(s, 'projects', { id: nextId(s, 'proj'), project: project.id, owner: a.role, turnsLeft: project.turns });
      say(ctx, `${who} starts ${project.name} for ${bp(project.cost)}; it takes ${plural(project.turns, 'turn')}.`);
      return;
    }
    case 'orderInterceptors': {
      const amount = a.lots * s.scenario.orderLot;
      const cost = a.lots * s.scenario.orderCost;
      pay(s, a.role, cost);
      bump(s, markKey('order', `${a.item}|${a.theatre}`), a.lots);
      const arrives = s.turn + s.scenario.orderLeadTime;
      append(s, 'pipeline', { owner: a.role, item: a.item, theatre: a.theatre, amount, arrives, source: 'order' });
      say(ctx, `${who} orders ${amount} ${itemName(s, a.item)} for ${theatreName(s, a.theatre)} (${plural(a.lots, 'lot')}, ${bp(cost)}); they arrive on turn ${arrives}.`);
      return;
    }
    case 'transferStock':
      transferStock(ctx, a);
      return;
    case 'repairRegion': {
      const region = ownValue(s, 'regions', a.region)!;
      pay(s, a.role, REPAIR_COST);
      region.damage = Math.max(0, region.damage - 1);
      say(ctx, `${who} repairs ${regionName(s, a.region)} for ${bp(REPAIR_COST)} (damage now ${region.damage}).`);
      return;
    }
  }
}

function startTechStep(ctx: Ctx, a: ActionOf<'startTechStep'>): void {
  const s = ctx.s;
  const t = ownMember(s, 'transfers', currentList(s, 'transfers').findIndex((x) => x.id === a.transfer));
  const step = nextStep(s, t)!;
  const donor = roleName(s, t.donor);
  const recipient = roleName(s, t.recipient);
  if (step.needsApproval) {
    const partners = strategicPartners(s, t.donor, t.recipient);
    const atLeast = partners ? APPROVAL_TARGET_PARTNERS : APPROVAL_TARGET;
    const label = `${donor}'s export-control approval for L${step.level}${partners ? ' (strategic partnership)' : ''}`;
    const approved = performRoll(ctx, 'diplomacy', { die: 6, dice: 1, atLeast, addTracks: [], bonuses: [] }, label, { actor: t.donor, target: t.recipient });
    if (!approved) {
      t.refusals += 1;
      bump(s, markKey('approval', t.id));
      say(ctx, `${donor} refuses export approval for L${step.level} (${step.name}); nothing is paid, and ${recipient} may ask again next turn.`);
      return;
    }
    say(ctx, `${donor} approves the export of L${step.level} technology to ${recipient}.`);
  }
  pay(s, t.recipient, step.cost);
  const workforce = own(s, 'workforce');
  workforce[t.recipient] = (workforce[t.recipient] ?? 0) - step.workforce;
  t.building = { level: step.level, turnsLeft: step.turns };
  say(ctx, `${recipient} starts L${step.level} (${step.name}) with ${donor}: ${bp(step.cost)} and ${step.workforce} workforce, ready in ${step.turns} turns.`);
}

function transferStock(ctx: Ctx, a: ActionOf<'transferStock'>): void {
  const s = ctx.s;
  const fromKey = stockKey(a.role, a.item, a.theatre);
  const toKey = stockKey(a.to, a.item, a.theatre);
  const stocks = own(s, 'stocks');
  stocks[fromKey] = (stocks[fromKey] ?? 0) - a.amount;
  stocks[toKey] = (stocks[toKey] ?? 0) + a.amount;
  const contract = a.contract ? s.scenario.contracts.find((c) => c.id === a.contract) : undefined;
  if (contract) {
    const record = ownValue(s, 'contracts', contract.id);
    if (record) record.delivered += a.amount;
    else s.contracts[contract.id] = { delivered: a.amount, late: 0, onTimeChecks: 0, onTimeMet: 0 };
  }
  const what = `${a.amount} ${itemName(s, a.item)} in ${theatreName(s, a.theatre)}`;
  emit(ctx, {
    kind: 'delivery', owner: a.to, item: a.item, theatre: a.theatre, amount: a.amount,
    text: `${roleName(s, a.role)} transfers ${what} to ${roleName(s, a.to)}${contract ? ` under ${contract.name}` : ''}.`,
  });
}
