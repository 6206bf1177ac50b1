import type { Scenario } from '../scenario/schema';
import type { GameState, Line, TechTransfer } from '../state';
import { currentList, own, regionName, roleName, standing, theatreName } from '../context';

// Helpers and design numbers shared by the industry rules (DESIGN §5.2, §5.3, DOMAIN b4).

export type LadderStep = NonNullable<Scenario['techLadder']>[number];

/** DESIGN §5.2: the ladder used when a scenario does not bring its own. */
export const DEFAULT_TECH_LADDER: readonly LadderStep[] = [
  { level: 1, name: 'local integration', cost: 2, turns: 2, workforce: 1, needsApproval: false },
  { level: 2, name: 'licensed launcher production', cost: 3, turns: 4, workforce: 2, needsApproval: false },
  { level: 3, name: 'missile production at the joint plant', cost: 4, turns: 6, workforce: 3, needsApproval: true },
  { level: 4, name: 'co-development and export', cost: 3, turns: 4, workforce: 2, needsApproval: true },
];

/** [A] design numbers of this family. */
export const SURGE_COST = 2;
export const SURGE_AMOUNT = 2;
export const SURGE_DELAY = 2;
export const QUALITY_COST = 1;
export const QUALITY_MAX = 5;
/** While quality is below this, each producing turn rolls a d6 and a 1 loses the lot. */
export const QUALITY_SAFE = 3;
export const REPAIR_COST = 1;
export const MAX_LOTS_PER_TURN = 10;
export const RAMP_FACTORS = [0.25, 0.5, 1] as const;
/** d6 needed for export-control approval; lower with a strategic partnership in force. */
export const APPROVAL_TARGET = 3;
export const APPROVAL_TARGET_PARTNERS = 2;

export const ladderOf = (s: GameState): readonly LadderStep[] => s.scenario.techLadder ?? DEFAULT_TECH_LADDER;
export const nextStep = (s: GameState, t: TechTransfer): LadderStep | undefined => ladderOf(s).find((x) => x.level === t.level + 1);

export const round2 = (x: number): number => Math.round(x * 100) / 100;
export const bp = (x: number): string => `${round2(x)} BP`;
export const budgetOf = (s: GameState, role: string): number => s.budgets[role] ?? 0;
/** Budgets hold cents; the tolerance keeps 3 × 0.2 BP affordable with 0.6 BP. */
export const canAfford = (s: GameState, role: string, cost: number): boolean => budgetOf(s, role) + 1e-9 >= cost;

export function pay(s: GameState, role: string, cost: number): void {
  const budgets = own(s, 'budgets');
  budgets[role] = Math.max(0, round2((budgets[role] ?? 0) - cost));
}

export const itemName = (s: GameState, id: string): string => s.scenario.items.find((i) => i.id === id)?.name ?? id;
export { regionName, theatreName };
export const lineTheatre = (s: GameState, line: Line): string => s.scenario.regions.find((r) => r.id === line.region)?.theatre ?? '';
export const ownsLine = (line: Line, role: string): boolean => line.owners.some((o) => o.role === role);
export const lineComplete = (line: Line): boolean => line.buildLeft <= 0 && line.ramp >= 1;

// Once-per-turn marks live in `movesUsed`, which startTurn clears; the prefix keeps them apart
// from scenario move ids (those cannot contain a colon).
export const markKey = (kind: 'surge' | 'quality' | 'approval' | 'order', id: string): string => `industry:${kind}:${id}`;
export const marked = (s: GameState, key: string): number => s.movesUsed[key] ?? 0;

export function transferAgreement(s: GameState, transfer: string): boolean {
  return s.agreements.some((a) => a.type === 'techTransfer' && a.transfer === transfer && (a.turnsLeft === null || a.turnsLeft > 0));
}

/** A defence pact or alliance in force between the two roles counts as a strategic partnership. */
export function strategicPartners(s: GameState, a: string, b: string): boolean {
  // Read as the list stands (a step's members may be drafts; reading through the draft would make some).
  return currentList(s, 'agreements').some((member) => {
    const x = standing(member);
    return (x.type === 'defencePact' || x.type === 'alliance') && x.parties.includes(a) && x.parties.includes(b) && (x.turnsLeft === null || x.turnsLeft > 0);
  });
}

export type Contract = Scenario['contracts'][number];

export const contractTotal = (c: Contract): number => c.schedule.reduce((sum, x) => sum + x.amount, 0);
export const contractDueBy = (c: Contract, turn: number): number =>
  c.schedule.reduce((sum, x) => (x.turn <= turn ? sum + x.amount : sum), 0);
export const deliveredOn = (s: GameState, c: Contract): number => s.contracts[c.id]?.delivered ?? 0;

export const isWholeNumber = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
export const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
