import * as z from 'zod/mini';
import {
  AGREEMENT_TYPES, BOT_LEVELS, COMPARATORS, DOCTRINES, ITEM_KINDS, LANE_MODES, PATTERNS, PHASES,
  ROLE_KINDS, SEAT_KINDS, THREAT_KINDS,
} from '../vocabulary';

// zod/mini is zod's tree-shakable build (the full build adds ≈ 20 KB gzip to the game's JS). It brings no
// messages of its own (every issue says "Invalid input" unless a schema gives a message): issueToError
// (messages.ts) words every issue for people, so zod's English locale (≈ 0.8 KB gzip) is not loaded.

// Scenario files are untrusted: every object is strict (a typo is an unknown field), every
// number has its range, and texts have a length cap so a file cannot flood the screen.
const bounds = (min?: number, max?: number) => [...(min === undefined ? [] : [z.gte(min)]), ...(max === undefined ? [] : [z.lte(max)])];
/** A whole number, optionally within [min, max] (checks in zod's usual order: int, ≥ min, ≤ max). */
const whole = (min?: number, max?: number) => z.number().check(z.int(), ...bounds(min, max));
const real = (min?: number, max?: number) => z.number().check(...bounds(min, max));
const list = <T extends z.core.SomeType>(item: T, { min, max }: { min?: number; max?: number }) =>
  z.array(item).check(...(min === undefined ? [] : [z.minLength(min)]), ...(max === undefined ? [] : [z.maxLength(max)]));
/** A list of at most `max` items, empty when the file leaves it out. */
const optionalList = <T extends z.core.SomeType>(item: T, max: number) => z._default(list(item, { max }), []);
const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected an id of lower-case letters, digits and dashes'));
const text = (max = 600) => z.string().check(z.minLength(1), z.maxLength(max));
const count = whole(0);
const probability = real(0, 1);
const turn = whole(1);
/** A track reference such as `tension:east`, `trust:poland+korea`, `support:actor` or a custom track id. */
const trackRef = z.string().check(z.minLength(1), z.maxLength(90));
/** A role id, or `actor` / `target` inside a move or an event choice. */
const roleRef = z.string().check(z.minLength(1), z.maxLength(40));

export const quantitySchema = z.union([
  z.strictObject({ track: trackRef }),
  z.strictObject({ budget: roleRef }),
  z.strictObject({ stock: roleRef, item: id, theatre: z.optional(id) }),
  z.strictObject({ techLevel: id }),
  z.strictObject({ protectedPct: id }),
  z.strictObject({ disabledRegions: id, owner: z.optional(roleRef) }),
  z.strictObject({ longestStockout: roleRef, item: id }),
  z.strictObject({ arms: roleRef }),
  z.strictObject({ armsChange: roleRef }),
  z.strictObject({ agreements: z.literal(AGREEMENT_TYPES), party: z.optional(roleRef) }),
  z.strictObject({ leakers: id }),
  z.strictObject({ onTimePct: roleRef }),
  z.strictObject({ operationalBatteries: roleRef, theatre: z.optional(id) }),
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

// Recursive schemas refer to themselves through getters (zod's way to declare recursive objects).
export const conditionSchema: z.ZodMiniType<Condition> = z.union([
  z.strictObject({ get all(): z.ZodMiniArray<z.ZodMiniType<Condition>> { return list(conditionSchema, { min: 1 }); } }),
  z.strictObject({ get any(): z.ZodMiniArray<z.ZodMiniType<Condition>> { return list(conditionSchema, { min: 1 }); } }),
  z.strictObject({ get not(): z.ZodMiniType<Condition> { return conditionSchema; } }),
  z.strictObject({ compare: quantitySchema, op: z.literal(COMPARATORS), value: z.number() }),
]);

export const rollSchema = z.strictObject({
  die: whole(2, 100),
  dice: z._default(whole(1, 4), 1),
  atLeast: whole(),
  /** Track values added to the roll, e.g. d20 + tension − transparency. */
  addTracks: optionalList(z.strictObject({ track: trackRef, factor: whole(-3, 3) }), 6),
  bonuses: optionalList(z.strictObject({ when: conditionSchema, add: whole(-10, 10) }), 6),
});
export type RollSpec = z.infer<typeof rollSchema>;

export const richardsonDeltaSchema = z.strictObject({
  k: z.optional(z.number()), l: z.optional(z.number()), a: z.optional(z.number()),
  b: z.optional(z.number()), g: z.optional(z.number()), h: z.optional(z.number()),
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

type Effects = z.ZodMiniType<Effect[], unknown>;
export const effectSchema: z.ZodMiniType<Effect, unknown> = z.union([
  z.strictObject({ adjustTrack: trackRef, by: whole(-10, 10) }),
  z.strictObject({ setTrack: trackRef, to: whole(0, 10) }),
  z.strictObject({ grantBudget: roleRef, amount: real(-50, 50) }),
  z.strictObject({ addStock: roleRef, item: id, theatre: id, amount: whole(-100000, 100000) }),
  z.strictObject({ addBattery: id, owner: roleRef, region: id }),
  z.strictObject({ addLine: id, owners: list(z.strictObject({ role: roleRef, share: real(0, 100) }), { min: 1 }) }),
  z.strictObject({ addCounterDrone: id }),
  z.strictObject({ damageRegion: id, amount: whole(1, 10) }),
  z.strictObject({ repairRegion: id, amount: whole(1, 10) }),
  z.strictObject({ incident: id }),
  z.strictObject({ hotline: id }),
  z.strictObject({ richardson: richardsonDeltaSchema }),
  z.strictObject({ adjustArms: roleRef, by: real(-10, 10) }),
  z.strictObject({ revealNext: roleRef }),
  z.strictObject({
    crisis: id, attackers: count, alpha: real(0, 10),
    attackerStaying: real(0.1, 10), attackerDefence: real(0, 10),
  }),
  z.strictObject({ roll: rollSchema, get success(): Effects { return list(effectSchema, { max: 12 }); }, get failure(): Effects { return optionalList(effectSchema, 12); } }),
  z.strictObject({ when: conditionSchema, get then(): Effects { return list(effectSchema, { max: 12 }); }, get otherwise(): Effects { return optionalList(effectSchema, 12); } }),
  z.strictObject({ log: text(300) }),
  ]) as z.ZodMiniType<Effect, unknown>;

const effects = list(effectSchema, { max: 16 });

const briefingSchema = z.strictObject({
  situation: text(1500),
  goals: list(text(300), { min: 1, max: 8 }),
  knows: optionalList(text(300), 8),
  unknowns: optionalList(text(300), 8),
});

const roleSchema = z.strictObject({
  id,
  name: text(40),
  kind: z.literal(ROLE_KINDS),
  side: id,
  colour: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #e69f00')),
  pattern: z.literal(PATTERNS),
  seat: z.literal(SEAT_KINDS),
  bot: z._default(z.literal(BOT_LEVELS), 'standard'),
  briefing: briefingSchema,
  budget: z.strictObject({ start: real(0), perTurn: real(0), cap: real(0) }),
  workforce: z._default(count, 0),
  support: z._default(whole(0, 10), 5),
  reputation: z._default(whole(0, 10), 5),
  readiness: z._default(whole(0, 10), 5),
  doctrine: z._default(z.strictObject({ drone: z.literal(DOCTRINES), ballistic: z.literal(DOCTRINES) }), { drone: 'single', ballistic: 'barrage' }),
  score: optionalList(z.strictObject({ label: text(60), quantity: quantitySchema, weight: real(-10, 10) }), 8),
});

const theatreSchema = z.strictObject({
  id, name: text(40), tension: whole(0, 10),
  frame: z.strictObject({ x: z.number(), y: z.number(), w: z.number().check(z.gt(0)), h: z.number().check(z.gt(0)) }),
  detection: z._default(probability, 1),
});

const regionSchema = z.strictObject({
  id, name: text(40), theatre: id, owner: roleRef, value: count, stayingPower: whole(1, 20),
  x: z.number(), y: z.number(), counterDrone: z._default(count, 0),
});

const laneSchema = z.strictObject({ id, from: id, to: id, mode: z.literal(LANE_MODES), transit: z._default(whole(1, 12), 1) });

const itemSchema = z.strictObject({ id, name: text(40), kind: z.literal(ITEM_KINDS), unitCost: real(0) });

const threatTypeSchema = z.strictObject({ id, name: text(40), kind: z.literal(THREAT_KINDS), unitCost: real(0) });

const batteryTypeSchema = z.strictObject({
  id, name: text(40), launchers: whole(1, 16), roundsPerLauncher: whole(1, 32),
  interceptor: id, sspk: z.strictObject({ drone: probability, ballistic: probability }), reliability: z._default(probability, 1),
});

const batterySchema = z.strictObject({ id, name: text(40), type: id, owner: roleRef, region: id, halfCover: z.optional(id) });

// A line is its template's fields and its owners (one shape object shared: zod's extend() costs 0.35 KB of the game's JS).
const lineTemplateShape = {
  id, name: text(60), item: id, region: id, buildTurns: whole(0, 20), capacity: count,
  upkeep: real(0), quality: whole(0, 5),
  requiredTech: z.optional(z.strictObject({ transfer: id, level: whole(0, 4) })),
};
const lineTemplateSchema = z.strictObject(lineTemplateShape);

const lineSchema = z.strictObject({
  ...lineTemplateShape,
  owners: list(z.strictObject({ role: roleRef, share: real(0, 100) }), { min: 1 }),
  built: z._default(z.boolean(), false),
});

const ladderStepSchema = z.strictObject({
  level: whole(1, 4), name: text(60), cost: real(0), turns: whole(1, 20),
  workforce: count, needsApproval: z.boolean(),
});

const projectSchema = z.strictObject({
  id, name: text(60), text: text(300), roles: list(roleRef, { min: 1 }), cost: real(0),
  turns: whole(1, 20), limit: whole(1, 20), effects,
});

const moveSchema = z.strictObject({
  id, name: text(60), text: text(300), roles: list(roleRef, { min: 1 }), phase: z.literal(PHASES),
  cost: real(0), perTurn: z._default(whole(1, 10), 1),
  target: z._default(z.literal(['none', 'role', 'region', 'theatre']), 'none'),
  requires: z.optional(conditionSchema), effects,
});

const cardSchema = z.strictObject({
  id, title: text(80), text: text(500), source: z.optional(text(300)), copies: z._default(whole(1, 4), 1),
  effects: z._default(effects, []),
  choice: z.optional(z.strictObject({
    role: roleRef, prompt: text(200),
    options: list(z.strictObject({ label: text(80), effects }), { min: 2, max: 4 }),
  })),
});

const waveEntrySchema = z.strictObject({
  theatre: id, fromTurn: turn, toTurn: turn, threat: id, min: count, max: count, targets: list(id, { min: 1 }),
});

const provocationSchema = z.strictObject({
  id, text: text(200), theatre: id, fromTurn: turn, toTurn: turn, roll: rollSchema, success: effects,
});

const contractSchema = z.strictObject({
  id, name: text(80), seller: roleRef, buyer: roleRef, item: id, theatre: id,
  schedule: list(z.strictObject({ turn, amount: whole(1) }), { min: 1 }),
});

const agreementInForceSchema = z.strictObject({
  type: z.literal(AGREEMENT_TYPES), parties: list(roleRef, { min: 2, max: 7 }),
  duration: z.optional(whole(1, 40)), transfer: z.optional(id), line: z.optional(id),
});

export const scenarioSchema = z.strictObject({
  formatVersion: z.literal(1),
  id, title: text(80), summary: text(800), turns: whole(1, 40),
  turnLabels: list(text(20), { min: 1, max: 40 }),
  teachingGoals: list(text(300), { min: 1, max: 8 }),
  discussionQuestions: list(text(300), { min: 1, max: 10 }),
  story: z.strictObject({
    sources: list(z.strictObject({ publication: text(120), date: text(40), note: text(300) }), { max: 12 }),
    fictionalised: text(800),
  }),
  sides: list(z.strictObject({ id, name: text(40) }), { min: 1, max: 7 }),
  roles: z.array(roleSchema).check(z.minLength(1, 'a scenario needs at least one role'), z.maxLength(7)),
  theatres: list(theatreSchema, { min: 1, max: 4 }),
  regions: list(regionSchema, { min: 1, max: 30 }),
  lanes: optionalList(laneSchema, 60),
  // Two roles, as a list of exactly two (zod's tuple() costs 0.47 KB of the game's JS; the messages are the same).
  pairs: optionalList(z.strictObject({ roles: list(roleRef, { min: 2, max: 2 }) as unknown as z.ZodMiniType<[string, string]>, trust: whole(0, 10), interop: whole(0, 5) }), 21),
  tracks: optionalList(z.strictObject({ id, name: text(40), min: whole(), max: whole(), start: whole() }), 12),
  items: optionalList(itemSchema, 12),
  threatTypes: optionalList(threatTypeSchema, 6),
  batteryTypes: optionalList(batteryTypeSchema, 6),
  batteries: optionalList(batterySchema, 40),
  stockpiles: optionalList(z.strictObject({ owner: roleRef, item: id, theatre: id, amount: count }), 40),
  resupply: optionalList(z.strictObject({ owner: roleRef, item: id, theatre: id, perTurn: count, leadTime: whole(0, 20), fromTurn: z._default(turn, 1) }), 20),
  orderCost: z._default(real(0), 1),
  orderLot: z._default(whole(1), 12),
  orderLeadTime: z._default(whole(0, 20), 4),
  airlift: z._default(z.strictObject({ loadsPerTurn: count, loadsPerBattery: whole(1) }), { loadsPerTurn: 12, loadsPerBattery: 18 }),
  seaTransitTurns: z._default(whole(1, 12), 4),
  lineTemplates: optionalList(lineTemplateSchema, 12),
  lines: optionalList(lineSchema, 20),
  techTransfers: optionalList(z.strictObject({ id, donor: roleRef, recipient: roleRef, level: whole(0, 4) }), 8),
  techLadder: z.optional(list(ladderStepSchema, { min: 4, max: 4 })),
  projects: optionalList(projectSchema, 12),
  moves: optionalList(moveSchema, 24),
  agreementTypes: z._default(z.array(z.literal(AGREEMENT_TYPES)), [...AGREEMENT_TYPES]),
  agreements: optionalList(agreementInForceSchema, 20),
  contracts: optionalList(contractSchema, 12),
  eventsPerTurn: z._default(whole(0, 3), 1),
  deck: optionalList(cardSchema, 60),
  waves: optionalList(waveEntrySchema, 40),
  provocations: optionalList(provocationSchema, 12),
  richardson: z.optional(z.strictObject({
    x: roleRef, y: roleRef, k: z.number(), l: z.number(), a: z.number(), b: z.number(), g: z.number(), h: z.number(),
    start: z.strictObject({ x: real(0), y: real(0) }),
  })),
  assessmentRules: optionalList(z.strictObject({ id, text: text(200), when: conditionSchema, effects }), 20),
  objectives: optionalList(z.strictObject({
    id, owner: roleRef, hidden: z._default(z.boolean(), false), text: text(200), condition: conditionSchema,
    points: whole(0, 100), byTurn: z.optional(turn),
  }), 40),
  victory: list(z.strictObject({ side: id, text: text(200), condition: conditionSchema, when: z._default(z.literal(['end', 'anyTurn']), 'end') }), { min: 1, max: 10 }),
  sharedLoss: optionalList(z.strictObject({ id, text: text(200), condition: conditionSchema }), 10),
  phaseHints: z._default(z.partialRecord(z.literal(PHASES), text(300)), {}),
  basis: optionalList(z.strictObject({ what: text(120), tag: z.literal(['R', 'D', 'A']), note: text(300) }), 80),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Role = Scenario['roles'][number];
export type Region = Scenario['regions'][number];
export type Card = Scenario['deck'][number];
export type Move = Scenario['moves'][number];
export type LineTemplate = Scenario['lineTemplates'][number];
export type BatteryType = Scenario['batteryTypes'][number];
