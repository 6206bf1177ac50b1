import * as z from 'zod';
import {
  AGREEMENT_TYPES, BOT_LEVELS, COMPARATORS, DOCTRINES, ITEM_KINDS, LANE_MODES, PATTERNS, PHASES,
  ROLE_KINDS, SEAT_KINDS, THREAT_KINDS,
} from '../vocabulary';

// Scenario files are untrusted: every object is strict (a typo is an unknown field), every
// number has its range, and texts have a length cap so a file cannot flood the screen.
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected an id of lower-case letters, digits and dashes');
const text = (max = 600) => z.string().min(1).max(max);
const count = z.number().int().min(0);
const probability = z.number().min(0).max(1);
const turn = z.number().int().min(1);
/** A track reference such as `tension:east`, `trust:poland+korea`, `support:actor` or a custom track id. */
const trackRef = z.string().min(1).max(90);
/** A role id, or `actor` / `target` inside a move or an event choice. */
const roleRef = z.string().min(1).max(40);

export const quantitySchema = z.union([
  z.strictObject({ track: trackRef }),
  z.strictObject({ budget: roleRef }),
  z.strictObject({ stock: roleRef, item: id, theatre: id.optional() }),
  z.strictObject({ techLevel: id }),
  z.strictObject({ protectedPct: id }),
  z.strictObject({ disabledRegions: id, owner: roleRef.optional() }),
  z.strictObject({ longestStockout: roleRef, item: id }),
  z.strictObject({ arms: roleRef }),
  z.strictObject({ armsChange: roleRef }),
  z.strictObject({ agreements: z.enum(AGREEMENT_TYPES), party: roleRef.optional() }),
  z.strictObject({ leakers: id }),
  z.strictObject({ onTimePct: roleRef }),
  z.strictObject({ operationalBatteries: roleRef, theatre: id.optional() }),
  /** Regions of a theatre (or 'all') left uncovered because their own battery is away. */
  z.strictObject({ gaps: id }),
  z.strictObject({ turn: z.literal(true) }),
]);
export type Quantity = z.infer<typeof quantitySchema>;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { compare: Quantity; op: (typeof COMPARATORS)[number]; value: number };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ compare: quantitySchema, op: z.enum(COMPARATORS), value: z.number() }),
  ]),
);

export const rollSchema = z.strictObject({
  die: z.number().int().min(2).max(100),
  dice: z.number().int().min(1).max(4).default(1),
  atLeast: z.number().int(),
  /** Track values added to the roll, e.g. d20 + tension − transparency. */
  addTracks: z.array(z.strictObject({ track: trackRef, factor: z.number().int().min(-3).max(3) })).max(6).default([]),
  bonuses: z.array(z.strictObject({ when: conditionSchema, add: z.number().int().min(-10).max(10) })).max(6).default([]),
});
export type RollSpec = z.infer<typeof rollSchema>;

export const richardsonDeltaSchema = z.strictObject({
  k: z.number().optional(), l: z.number().optional(), a: z.number().optional(),
  b: z.number().optional(), g: z.number().optional(), h: z.number().optional(),
});

export type Effect =
  | { adjustTrack: string; by: number }
  | { setTrack: string; to: number }
  | { grantBudget: string; amount: number }
  | { addStock: string; item: string; theatre: string; amount: number }
  | { addBattery: string; owner: string; region: string }
  | { addLine: string; owners: { role: string; share: number }[] }
  | { addCounterDrone: string }
  | { damageRegion: string; amount: number }
  | { repairRegion: string; amount: number }
  | { incident: string }
  | { hotline: string }
  | { richardson: z.infer<typeof richardsonDeltaSchema> }
  | { adjustArms: string; by: number }
  | { revealNext: string }
  | { crisis: string; attackers: number; alpha: number; attackerStaying: number; attackerDefence: number }
  | { roll: RollSpec; success: Effect[]; failure: Effect[] }
  | { when: Condition; then: Effect[]; otherwise: Effect[] }
  | { log: string };

export const effectSchema: z.ZodType<Effect, unknown> = z.lazy(() =>
  z.union([
    z.strictObject({ adjustTrack: trackRef, by: z.number().int().min(-10).max(10) }),
    z.strictObject({ setTrack: trackRef, to: z.number().int().min(0).max(10) }),
    z.strictObject({ grantBudget: roleRef, amount: z.number().min(-50).max(50) }),
    z.strictObject({ addStock: roleRef, item: id, theatre: id, amount: z.number().int().min(-100000).max(100000) }),
    z.strictObject({ addBattery: id, owner: roleRef, region: id }),
    z.strictObject({ addLine: id, owners: z.array(z.strictObject({ role: roleRef, share: z.number().min(0).max(100) })).min(1) }),
    z.strictObject({ addCounterDrone: id }),
    z.strictObject({ damageRegion: id, amount: z.number().int().min(1).max(10) }),
    z.strictObject({ repairRegion: id, amount: z.number().int().min(1).max(10) }),
    z.strictObject({ incident: id }),
    z.strictObject({ hotline: id }),
    z.strictObject({ richardson: richardsonDeltaSchema }),
    z.strictObject({ adjustArms: roleRef, by: z.number().min(-10).max(10) }),
    z.strictObject({ revealNext: roleRef }),
    z.strictObject({
      crisis: id, attackers: count, alpha: z.number().min(0).max(10),
      attackerStaying: z.number().min(0.1).max(10), attackerDefence: z.number().min(0).max(10),
    }),
    z.strictObject({ roll: rollSchema, success: z.array(effectSchema).max(12), failure: z.array(effectSchema).max(12).default([]) }),
    z.strictObject({ when: conditionSchema, then: z.array(effectSchema).max(12), otherwise: z.array(effectSchema).max(12).default([]) }),
    z.strictObject({ log: text(300) }),
  ]) as z.ZodType<Effect, unknown>,
);

const effects = z.array(effectSchema).max(16);

const briefingSchema = z.strictObject({
  situation: text(1500),
  goals: z.array(text(300)).min(1).max(8),
  knows: z.array(text(300)).max(8).default([]),
  unknowns: z.array(text(300)).max(8).default([]),
});

const roleSchema = z.strictObject({
  id,
  name: text(40),
  kind: z.enum(ROLE_KINDS),
  side: id,
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #e69f00'),
  pattern: z.enum(PATTERNS),
  seat: z.enum(SEAT_KINDS),
  bot: z.enum(BOT_LEVELS).default('standard'),
  briefing: briefingSchema,
  budget: z.strictObject({ start: z.number().min(0), perTurn: z.number().min(0), cap: z.number().min(0) }),
  workforce: count.default(0),
  support: z.number().int().min(0).max(10).default(5),
  reputation: z.number().int().min(0).max(10).default(5),
  readiness: z.number().int().min(0).max(10).default(5),
  doctrine: z.strictObject({ drone: z.enum(DOCTRINES), ballistic: z.enum(DOCTRINES) }).default({ drone: 'single', ballistic: 'barrage' }),
  score: z.array(z.strictObject({ label: text(60), quantity: quantitySchema, weight: z.number().min(-10).max(10) })).max(8).default([]),
});

const theatreSchema = z.strictObject({
  id, name: text(40), tension: z.number().int().min(0).max(10),
  frame: z.strictObject({ x: z.number(), y: z.number(), w: z.number().positive(), h: z.number().positive() }),
  detection: probability.default(1),
});

const regionSchema = z.strictObject({
  id, name: text(40), theatre: id, owner: roleRef, value: count, stayingPower: z.number().int().min(1).max(20),
  x: z.number(), y: z.number(), counterDrone: count.default(0),
});

const laneSchema = z.strictObject({ id, from: id, to: id, mode: z.enum(LANE_MODES), transit: z.number().int().min(1).max(12).default(1) });

const itemSchema = z.strictObject({ id, name: text(40), kind: z.enum(ITEM_KINDS), unitCost: z.number().min(0) });

const threatTypeSchema = z.strictObject({ id, name: text(40), kind: z.enum(THREAT_KINDS), unitCost: z.number().min(0) });

const batteryTypeSchema = z.strictObject({
  id, name: text(40), launchers: z.number().int().min(1).max(16), roundsPerLauncher: z.number().int().min(1).max(32),
  interceptor: id, sspk: z.strictObject({ drone: probability, ballistic: probability }), reliability: probability.default(1),
});

const batterySchema = z.strictObject({ id, name: text(40), type: id, owner: roleRef, region: id, halfCover: id.optional() });

const lineTemplateSchema = z.strictObject({
  id, name: text(60), item: id, region: id, buildTurns: z.number().int().min(0).max(20), capacity: count,
  upkeep: z.number().min(0), quality: z.number().int().min(0).max(5),
  requiredTech: z.strictObject({ transfer: id, level: z.number().int().min(0).max(4) }).optional(),
});

const lineSchema = lineTemplateSchema.extend({
  owners: z.array(z.strictObject({ role: roleRef, share: z.number().min(0).max(100) })).min(1),
  built: z.boolean().default(false),
});

const ladderStepSchema = z.strictObject({
  level: z.number().int().min(1).max(4), name: text(60), cost: z.number().min(0), turns: z.number().int().min(1).max(20),
  workforce: count, needsApproval: z.boolean(),
});

const projectSchema = z.strictObject({
  id, name: text(60), text: text(300), roles: z.array(roleRef).min(1), cost: z.number().min(0),
  turns: z.number().int().min(1).max(20), limit: z.number().int().min(1).max(20), effects,
});

const moveSchema = z.strictObject({
  id, name: text(60), text: text(300), roles: z.array(roleRef).min(1), phase: z.enum(PHASES),
  cost: z.number().min(0), perTurn: z.number().int().min(1).max(10).default(1),
  target: z.enum(['none', 'role', 'region', 'theatre']).default('none'),
  requires: conditionSchema.optional(), effects,
});

const cardSchema = z.strictObject({
  id, title: text(80), text: text(500), source: text(300).optional(), copies: z.number().int().min(1).max(4).default(1),
  effects: effects.default([]),
  choice: z.strictObject({
    role: roleRef, prompt: text(200),
    options: z.array(z.strictObject({ label: text(80), effects })).min(2).max(4),
  }).optional(),
});

const waveEntrySchema = z.strictObject({
  theatre: id, fromTurn: turn, toTurn: turn, threat: id, min: count, max: count, targets: z.array(id).min(1),
});

const provocationSchema = z.strictObject({
  id, text: text(200), theatre: id, fromTurn: turn, toTurn: turn, roll: rollSchema, success: effects,
});

const contractSchema = z.strictObject({
  id, name: text(80), seller: roleRef, buyer: roleRef, item: id, theatre: id,
  schedule: z.array(z.strictObject({ turn, amount: z.number().int().min(1) })).min(1),
});

const agreementInForceSchema = z.strictObject({
  type: z.enum(AGREEMENT_TYPES), parties: z.array(roleRef).min(2).max(7),
  duration: z.number().int().min(1).max(40).optional(), transfer: id.optional(), line: id.optional(),
});

export const scenarioSchema = z.strictObject({
  formatVersion: z.literal(1),
  id, title: text(80), summary: text(800), turns: z.number().int().min(1).max(40),
  turnLabels: z.array(text(20)).min(1).max(40),
  teachingGoals: z.array(text(300)).min(1).max(8),
  discussionQuestions: z.array(text(300)).min(1).max(10),
  story: z.strictObject({
    sources: z.array(z.strictObject({ publication: text(120), date: text(40), note: text(300) })).max(12),
    fictionalised: text(800),
  }),
  sides: z.array(z.strictObject({ id, name: text(40) })).min(1).max(7),
  roles: z.array(roleSchema).min(1, 'a scenario needs at least one role').max(7),
  theatres: z.array(theatreSchema).min(1).max(4),
  regions: z.array(regionSchema).min(1).max(30),
  lanes: z.array(laneSchema).max(60).default([]),
  pairs: z.array(z.strictObject({ roles: z.tuple([roleRef, roleRef]), trust: z.number().int().min(0).max(10), interop: z.number().int().min(0).max(5) })).max(21).default([]),
  tracks: z.array(z.strictObject({ id, name: text(40), min: z.number().int(), max: z.number().int(), start: z.number().int() })).max(12).default([]),
  items: z.array(itemSchema).max(12).default([]),
  threatTypes: z.array(threatTypeSchema).max(6).default([]),
  batteryTypes: z.array(batteryTypeSchema).max(6).default([]),
  batteries: z.array(batterySchema).max(40).default([]),
  stockpiles: z.array(z.strictObject({ owner: roleRef, item: id, theatre: id, amount: count })).max(40).default([]),
  resupply: z.array(z.strictObject({ owner: roleRef, item: id, theatre: id, perTurn: count, leadTime: z.number().int().min(0).max(20), fromTurn: turn.default(1) })).max(20).default([]),
  orderCost: z.number().min(0).default(1),
  orderLot: z.number().int().min(1).default(12),
  orderLeadTime: z.number().int().min(0).max(20).default(4),
  airlift: z.strictObject({ loadsPerTurn: count, loadsPerBattery: z.number().int().min(1) }).default({ loadsPerTurn: 12, loadsPerBattery: 18 }),
  seaTransitTurns: z.number().int().min(1).max(12).default(4),
  lineTemplates: z.array(lineTemplateSchema).max(12).default([]),
  lines: z.array(lineSchema).max(20).default([]),
  techTransfers: z.array(z.strictObject({ id, donor: roleRef, recipient: roleRef, level: z.number().int().min(0).max(4) })).max(8).default([]),
  techLadder: z.array(ladderStepSchema).length(4).optional(),
  projects: z.array(projectSchema).max(12).default([]),
  moves: z.array(moveSchema).max(24).default([]),
  agreementTypes: z.array(z.enum(AGREEMENT_TYPES)).default([...AGREEMENT_TYPES]),
  agreements: z.array(agreementInForceSchema).max(20).default([]),
  contracts: z.array(contractSchema).max(12).default([]),
  eventsPerTurn: z.number().int().min(0).max(3).default(1),
  deck: z.array(cardSchema).max(60).default([]),
  waves: z.array(waveEntrySchema).max(40).default([]),
  provocations: z.array(provocationSchema).max(12).default([]),
  richardson: z.strictObject({
    x: roleRef, y: roleRef, k: z.number(), l: z.number(), a: z.number(), b: z.number(), g: z.number(), h: z.number(),
    start: z.strictObject({ x: z.number().min(0), y: z.number().min(0) }),
  }).optional(),
  assessmentRules: z.array(z.strictObject({ id, text: text(200), when: conditionSchema, effects })).max(20).default([]),
  objectives: z.array(z.strictObject({
    id, owner: roleRef, hidden: z.boolean().default(false), text: text(200), condition: conditionSchema,
    points: z.number().int().min(0).max(100), byTurn: turn.optional(),
  })).max(40).default([]),
  victory: z.array(z.strictObject({ side: id, text: text(200), condition: conditionSchema, when: z.enum(['end', 'anyTurn']).default('end') })).min(1).max(10),
  sharedLoss: z.array(z.strictObject({ id, text: text(200), condition: conditionSchema })).max(10).default([]),
  phaseHints: z.partialRecord(z.enum(PHASES), text(300)).default({}),
  basis: z.array(z.strictObject({ what: text(120), tag: z.enum(['R', 'D', 'A']), note: text(300) })).max(80).default([]),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Role = Scenario['roles'][number];
export type Region = Scenario['regions'][number];
export type Card = Scenario['deck'][number];
export type Move = Scenario['moves'][number];
export type LineTemplate = Scenario['lineTemplates'][number];
export type BatteryType = Scenario['batteryTypes'][number];
