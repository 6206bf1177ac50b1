import type { ActionOf, Rejection } from '../actions';
import type { GameState, Line } from '../state';
import { stockKey } from '../state';
import { reject } from '../rejections';
import { roleName } from '../context';
import {
  bp, budgetOf, canAfford, contractTotal, deliveredOn, isText, isWholeNumber, itemName, lineComplete, markKey,
  marked, MAX_LOTS_PER_TURN, nextStep, ownsLine, QUALITY_COST, QUALITY_MAX, REPAIR_COST, SURGE_COST,
  theatreName, transferAgreement,
} from './industryShared';

// Legality of the industry actions: never throws, never mutates; every field may be hostile.

export type IndustryAction = ActionOf<'fundLine' | 'surgeLine' | 'improveQuality' | 'startTechStep' | 'startProject' | 'orderInterceptors' | 'transferStock' | 'repairRegion'>;

const malformed = (what: string): Rejection => reject('action/malformed', `This order is incomplete: ${what}.`);

function ownedLine(s: GameState, role: string, id: unknown): Line | Rejection {
  if (!isText(id)) return malformed('it names no production line');
  const line = s.lines.find((l) => l.id === id);
  if (!line) return reject('target/unknown', `There is no production line "${id}".`, { line: id });
  if (!ownsLine(line, role)) return reject('line/not-owner', `${roleName(s, role)} is not an owner of ${line.name}.`, { line: id });
  return line;
}

function checkAfford(s: GameState, role: string, cost: number): Rejection | null {
  if (canAfford(s, role, cost)) return null;
  const name = roleName(s, role);
  return reject('budget/insufficient', `${name} cannot afford this: it costs ${bp(cost)} and ${name} has ${bp(budgetOf(s, role))}.`);
}

const isRejection = (x: unknown): x is Rejection => typeof x === 'object' && x !== null && 'code' in x && 'message' in x;

export function checkIndustry(s: GameState, a: IndustryAction): Rejection | null {
  switch (a.type) {
    case 'fundLine': {
      const line = ownedLine(s, a.role, a.line);
      if (isRejection(line)) return line;
      if (line.fundedThisTurn) return reject('limit/reached', `${line.name} is already funded this turn.`, { line: line.id });
      return checkAfford(s, a.role, line.upkeep);
    }
    case 'surgeLine': {
      const line = ownedLine(s, a.role, a.line);
      if (isRejection(line)) return line;
      if (!lineComplete(line)) return reject('line/not-ready', `${line.name} is still being built: only a finished line can be surged.`, { line: line.id });
      if (marked(s, markKey('surge', line.id)) > 0) return reject('limit/reached', `${line.name} has already been surged this turn.`, { line: line.id });
      return checkAfford(s, a.role, SURGE_COST);
    }
    case 'improveQuality': {
      const line = ownedLine(s, a.role, a.line);
      if (isRejection(line)) return line;
      if (line.quality >= QUALITY_MAX) return reject('limit/reached', `${line.name} already has the highest quality (${QUALITY_MAX}).`, { line: line.id });
      if (marked(s, markKey('quality', line.id)) > 0) return reject('limit/reached', `${line.name}'s quality has already been improved this turn.`, { line: line.id });
      return checkAfford(s, a.role, QUALITY_COST);
    }
    case 'startTechStep':
      return checkTechStep(s, a);
    case 'startProject': {
      if (!isText(a.project)) return malformed('it names no project');
      const project = s.scenario.projects.find((p) => p.id === a.project);
      if (!project) return reject('target/unknown', `There is no project "${a.project}".`, { project: a.project });
      if (!project.roles.includes(a.role)) return reject('target/invalid', `${roleName(s, a.role)} cannot start ${project.name}.`, { project: project.id });
      const started = s.projects.filter((p) => p.project === project.id && p.owner === a.role).length;
      if (started >= project.limit) return reject('limit/reached', `${roleName(s, a.role)} has already started ${project.name} ${started === 1 ? 'once' : `${started} times`}, the most allowed.`, { project: project.id });
      return checkAfford(s, a.role, project.cost);
    }
    case 'orderInterceptors':
      return checkOrder(s, a);
    case 'transferStock':
      return checkTransfer(s, a);
    case 'repairRegion': {
      if (!isText(a.region)) return malformed('it names no region');
      const def = s.scenario.regions.find((r) => r.id === a.region);
      const region = s.regions[a.region];
      if (!def || !region) return reject('target/unknown', `There is no region "${a.region}".`, { region: a.region });
      if (def.owner !== a.role) return reject('target/invalid', `${roleName(s, a.role)} can only repair its own regions; ${def.name} belongs to ${roleName(s, def.owner)}.`, { region: def.id });
      if (region.damage <= 0) return reject('region/undamaged', `${def.name} has no damage to repair.`, { region: def.id });
      return checkAfford(s, a.role, REPAIR_COST);
    }
    default:
      return reject('action/unknown', 'This is not an industry action.');
  }
}

function checkTechStep(s: GameState, a: ActionOf<'startTechStep'>): Rejection | null {
  if (!isText(a.transfer)) return malformed('it names no technology transfer');
  const t = s.transfers.find((x) => x.id === a.transfer);
  if (!t) return reject('target/unknown', `There is no technology transfer "${a.transfer}".`, { transfer: a.transfer });
  const pair = `${roleName(s, t.donor)} to ${roleName(s, t.recipient)}`;
  if (a.role !== t.donor && a.role !== t.recipient)
    return reject('agreement/not-party', `${roleName(s, a.role)} takes no part in the technology transfer from ${pair}.`, { transfer: t.id });
  if (!transferAgreement(s, t.id))
    return reject('tech/no-agreement', `The technology transfer from ${pair} needs a technology-transfer agreement in force first.`, { transfer: t.id });
  if (t.building) return reject('tech/in-progress', `A step of the transfer from ${pair} is already under way (L${t.building.level}, ${t.building.turnsLeft} turns left).`, { transfer: t.id });
  const step = nextStep(s, t);
  if (t.level >= 4 || !step) return reject('tech/max-level', `${roleName(s, t.recipient)} is already at the top of the ladder (L${t.level}).`, { transfer: t.id });
  if (step.needsApproval && marked(s, markKey('approval', t.id)) > 0)
    return reject('tech/approval-refused', `Export approval for L${step.level} was refused this turn; it can be asked again next turn.`, { transfer: t.id });
  const poor = checkAfford(s, t.recipient, step.cost);
  if (poor) return poor;
  const workforce = s.workforce[t.recipient] ?? 0;
  if (workforce < step.workforce)
    return reject('workforce/insufficient', `${roleName(s, t.recipient)} needs ${step.workforce} workforce for L${step.level} and has ${workforce} this turn.`, { transfer: t.id });
  return null;
}

function checkItemTheatre(s: GameState, item: unknown, theatre: unknown): Rejection | null {
  if (!isText(item)) return malformed('it names no item');
  if (!isText(theatre)) return malformed('it names no theatre');
  if (!s.scenario.items.some((i) => i.id === item)) return reject('target/unknown', `There is no item "${item}".`, { item });
  if (!s.scenario.theatres.some((t) => t.id === theatre)) return reject('target/unknown', `There is no theatre "${theatre}".`, { theatre });
  return null;
}

export const lotsOrdered = (s: GameState, item: string, theatre: string): number => marked(s, markKey('order', `${item}|${theatre}`));

function checkOrder(s: GameState, a: ActionOf<'orderInterceptors'>): Rejection | null {
  const bad = checkItemTheatre(s, a.item, a.theatre);
  if (bad) return bad;
  if (s.scenario.items.find((i) => i.id === a.item)?.kind !== 'interceptor')
    return reject('target/invalid', `${itemName(s, a.item)} is not an interceptor: only interceptors can be ordered.`, { item: a.item });
  if (!isWholeNumber(a.lots) || a.lots < 1) return malformed('the number of lots must be a whole number of at least 1');
  const left = MAX_LOTS_PER_TURN - lotsOrdered(s, a.item, a.theatre);
  if (a.lots > left)
    return reject('limit/reached', `At most ${MAX_LOTS_PER_TURN} lots of ${itemName(s, a.item)} for ${theatreName(s, a.theatre)} can be ordered per turn; ${left} remain.`, { lots: a.lots });
  const cost = a.lots * s.scenario.orderCost;
  return checkAfford(s, a.role, cost);
}

function checkTransfer(s: GameState, a: ActionOf<'transferStock'>): Rejection | null {
  if (!isText(a.to)) return malformed('it names no recipient');
  if (!s.scenario.roles.some((r) => r.id === a.to)) return reject('target/unknown', `There is no role "${a.to}".`, { to: a.to });
  if (a.to === a.role) return reject('target/invalid', `${roleName(s, a.role)} cannot transfer stock to itself.`);
  const bad = checkItemTheatre(s, a.item, a.theatre);
  if (bad) return bad;
  if (!isWholeNumber(a.amount) || a.amount < 1) return malformed('the amount must be a whole number of at least 1');
  if (a.contract !== null && a.contract !== undefined) {
    if (!isText(a.contract)) return malformed('the contract is not named properly');
    const c = s.scenario.contracts.find((x) => x.id === a.contract);
    if (!c) return reject('target/unknown', `There is no contract "${a.contract}".`, { contract: a.contract });
    if (c.seller !== a.role || c.buyer !== a.to || c.item !== a.item || c.theatre !== a.theatre)
      return reject('target/invalid', `This delivery does not match ${c.name}: it is for ${itemName(s, c.item)} from ${roleName(s, c.seller)} to ${roleName(s, c.buyer)} in ${theatreName(s, c.theatre)}.`, { contract: c.id });
    const open = contractTotal(c) - deliveredOn(s, c);
    if (a.amount > open) return reject('limit/reached', `${c.name} needs only ${open} more.`, { contract: c.id, open });
  }
  const have = s.stocks[stockKey(a.role, a.item, a.theatre)] ?? 0;
  if (have < a.amount)
    return reject('stock/insufficient', `${roleName(s, a.role)} has only ${have} ${itemName(s, a.item)} in ${theatreName(s, a.theatre)}, not ${a.amount}.`, { have });
  return null;
}
