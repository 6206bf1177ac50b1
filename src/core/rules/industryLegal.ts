import { answered, entry, type LegalAction } from '../actions';
import type { GameState } from '../state';
import { roleName } from '../context';
import { lotsOrdered } from './industryCheck';
import {
  APPROVAL_TARGET, APPROVAL_TARGET_PARTNERS, budgetOf, canAfford, contractDueBy, contractTotal, deliveredOn, itemName, lineComplete,
  markKey, marked, MAX_LOTS_PER_TURN, nextStep, ownsLine, QUALITY_COST, QUALITY_MAX, REPAIR_COST, regionName,
  strategicPartners, SURGE_AMOUNT, SURGE_COST, SURGE_DELAY, theatreName, transferAgreement,
} from './industryShared';

// The industry moves open to a role now; each one passes checkIndustry as it stands.

export function legalIndustry(s: GameState, role: string, out: LegalAction[] = []): LegalAction[] {
  if (s.phase !== 'industry') return out;
  for (const line of s.lines) {
    if (answered(out)) return out;
    if (!ownsLine(line, role)) continue;
    if (!line.fundedThisTurn && canAfford(s, role, line.upkeep))
      out.push(entry({ type: 'fundLine', role, line: line.id }, line.upkeep, () => [
        `Fund ${line.name}`,
        line.buildLeft > 0 ? `Construction of ${line.name} advances one turn.` : `${line.name} produces ${itemName(s, line.item)} this turn.`,
      ]));
    if (lineComplete(line) && marked(s, markKey('surge', line.id)) === 0 && canAfford(s, role, SURGE_COST))
      out.push(entry({ type: 'surgeLine', role, line: line.id }, SURGE_COST,
        () => [`Surge ${line.name}`, `${line.name} gains +${SURGE_AMOUNT} capacity per turn after ${SURGE_DELAY} turns.`]));
    if (line.quality < QUALITY_MAX && marked(s, markKey('quality', line.id)) === 0 && canAfford(s, role, QUALITY_COST))
      out.push(entry({ type: 'improveQuality', role, line: line.id }, QUALITY_COST,
        () => [`Improve quality at ${line.name}`, `Quality at ${line.name} rises from ${line.quality} to ${line.quality + 1}.`]));
  }
  for (const t of s.transfers) {
    if (answered(out)) return out;
    if ((t.donor !== role && t.recipient !== role) || t.building || !transferAgreement(s, t.id)) continue;
    const step = nextStep(s, t);
    if (!step || t.level >= 4) continue;
    if (step.needsApproval && marked(s, markKey('approval', t.id)) > 0) continue;
    if (!canAfford(s, t.recipient, step.cost) || (s.workforce[t.recipient] ?? 0) < step.workforce) continue;
    out.push(entry({ type: 'startTechStep', role, transfer: t.id }, step.cost, () => {
      const needs = strategicPartners(s, t.donor, t.recipient) ? APPROVAL_TARGET_PARTNERS : APPROVAL_TARGET;
      const approval = step.needsApproval ? ` ${roleName(s, t.donor)} must first approve the export (d6 ≥ ${needs}).` : '';
      return [
        `Start L${step.level}: ${step.name}`,
        `${roleName(s, t.recipient)} spends ${step.cost} BP and ${step.workforce} workforce to reach L${step.level} in ${step.turns} turns.${approval}`,
      ];
    }));
  }
  for (const p of s.scenario.projects) {
    if (answered(out)) return out;
    if (!p.roles.includes(role) || !canAfford(s, role, p.cost)) continue;
    if (s.projects.filter((x) => x.project === p.id && x.owner === role).length >= p.limit) continue;
    out.push(entry({ type: 'startProject', role, project: p.id }, p.cost, () => [`Start ${p.name}`, p.text]));
  }
  orders(s, role, out);
  transfers(s, role, out);
  for (const r of s.scenario.regions) {
    if (answered(out)) return out;
    if (r.owner !== role || (s.regions[r.id]?.damage ?? 0) <= 0 || !canAfford(s, role, REPAIR_COST)) continue;
    out.push(entry({ type: 'repairRegion', role, region: r.id }, REPAIR_COST, () => [`Repair ${r.name}`, `${regionName(s, r.id)} loses 1 damage.`]));
  }
  return out;
}

function orders(s: GameState, role: string, out: LegalAction[]): void {
  const { orderCost, orderLot, orderLeadTime } = s.scenario;
  const affordable = orderCost > 0 ? Math.floor(budgetOf(s, role) / orderCost + 1e-9) : MAX_LOTS_PER_TURN;
  // Not a lot affordable: no order can be offered (each one's most is at most this).
  if (affordable < 1) return;
  for (const item of s.scenario.items) {
    if (answered(out)) return;
    if (item.kind !== 'interceptor') continue;
    for (const theatre of s.scenario.theatres) {
      const hasStock = `${role}|${item.id}|${theatre.id}` in s.stocks;
      const hasRegion = s.scenario.regions.some((r) => r.owner === role && r.theatre === theatre.id);
      if (!hasStock && !hasRegion) continue;
      const max = Math.min(MAX_LOTS_PER_TURN - lotsOrdered(s, item.id, theatre.id), affordable);
      if (max < 1) continue;
      out.push(entry({ type: 'orderInterceptors', role, item: item.id, theatre: theatre.id, lots: 1 }, orderCost, () => [
        `Order ${item.name} for ${theatre.name}`,
        `Each lot of ${orderLot} ${item.name} costs ${orderCost} BP and arrives in ${theatre.name} after ${orderLeadTime} turns.`,
      ], { field: 'lots', min: 1, max }));
    }
  }
}

function transfers(s: GameState, role: string, out: LegalAction[]): void {
  const others = s.scenario.roles.filter((r) => r.id !== role && r.kind !== 'red');
  const mine = `${role}|`;
  // for…in rather than Object.entries (the same order, no list of pairs): asked at every industry decision.
  const stocks = s.stocks;
  for (const key in stocks) {
    if (answered(out)) return;
    const amount = stocks[key]!;
    const whole = Math.floor(amount);
    // Another role's stock, or less than one: passed over before the key is split (ids hold no '|').
    if (whole < 1 || !key.startsWith(mine)) continue;
    const [, item, theatre] = key.split('|');
    if (!item || !theatre) continue;
    if (!s.scenario.items.some((i) => i.id === item) || !s.scenario.theatres.some((t) => t.id === theatre)) continue;
    for (const to of others)
      out.push(entry({ type: 'transferStock', role, to: to.id, item, theatre, amount: 1, contract: null }, 0, () => [
        `Give ${itemName(s, item)} to ${to.name}`,
        `${to.name} receives ${itemName(s, item)} from your stock in ${theatreName(s, theatre)} (up to ${whole}).`,
      ], { field: 'amount', min: 1, max: whole }));
  }
  for (const c of s.scenario.contracts) {
    if (answered(out)) return;
    if (c.seller !== role) continue;
    const delivered = deliveredOn(s, c);
    const dueNow = contractDueBy(c, s.turn) - delivered;
    const have = s.stocks[`${role}|${c.item}|${c.theatre}`] ?? 0;
    const max = Math.min(Math.floor(have), contractTotal(c) - delivered);
    if (dueNow < 1 || max < 1) continue;
    out.push(entry({ type: 'transferStock', role, to: c.buyer, item: c.item, theatre: c.theatre, amount: 1, contract: c.id }, 0, () => [
      `Deliver on ${c.name}`,
      `${roleName(s, c.buyer)} receives ${itemName(s, c.item)} under ${c.name}; ${dueNow} are due by now.`,
    ], { field: 'amount', min: 1, max }));
  }
}
