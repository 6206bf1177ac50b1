import * as z from 'zod/mini';
import { AGREEMENT_TYPES, BOT_LEVELS, DOCTRINES, LANE_MODES, THREAT_KINDS, type Action } from '../core';

// The shape of an action read from outside (replay files, share links, saves). Whether it is legal
// is the core's question; this only makes sure it is an action at all, so nothing downstream throws.
const id = z.string().check(z.minLength(1), z.maxLength(60));
const amount = z.number().check(z.int(), z.gte(-1000), z.lte(100000));
const terms = z.strictObject({
  bp: z.number().check(z.gte(0), z.lte(1000)),
  duration: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(40))),
  donor: z.optional(id),
  recipient: z.optional(id),
  template: z.optional(id),
  shares: z.optional(z.array(z.strictObject({ role: id, share: z.number().check(z.gte(0), z.lte(100)) })).check(z.maxLength(7))),
});
const nullableId = z.nullable(id);

/** Each action type's own fields after `type` and `role`, in the order of the union. */
const ROLE_ACTIONS: Record<string, z.core.$ZodLooseShape> = {
  endPhase: {},
  chooseEventOption: { option: z.number().check(z.int(), z.gte(0), z.lte(9)) },
  proposeAgreement: { agreement: z.literal(AGREEMENT_TYPES), to: z.array(id).check(z.minLength(1), z.maxLength(7)), terms },
  answerProposal: { proposal: id, accept: z.boolean() },
  counterProposal: { proposal: id, terms },
  breakAgreement: { agreement: id },
  holdExercise: { partner: id },
  reassureAlly: { partner: id },
  playMove: { move: id, target: nullableId },
  fundLine: { line: id },
  surgeLine: { line: id },
  improveQuality: { line: id },
  startTechStep: { transfer: id },
  startProject: { project: id },
  orderInterceptors: { item: id, theatre: id, lots: amount },
  transferStock: { to: id, item: id, theatre: id, amount, contract: nullableId },
  repairRegion: { region: id },
  orderRedeploy: { battery: id, to: id, mode: z.literal(LANE_MODES) },
  setDoctrine: { threat: z.literal(THREAT_KINDS), doctrine: z.literal(DOCTRINES) },
  setHalfCover: { battery: id, region: nullableId },
  launchWave: { attacks: z.array(z.strictObject({ threat: id, target: id, count: amount })).check(z.minLength(1), z.maxLength(20)) },
  launchProvocation: { provocation: id },
};
/** The facilitator's actions: `role` is always "facilitator". */
const FACILITATOR_ACTIONS: Record<string, z.core.$ZodLooseShape> = {
  pauseGame: {},
  resumeGame: {},
  injectCard: {
    card: nullableId,
    // A custom card's effects are checked like a scenario's when the core applies them.
    custom: z.nullable(z.strictObject({ title: z.string().check(z.minLength(1), z.maxLength(80)), text: z.string().check(z.minLength(1), z.maxLength(500)), effects: z.array(z.unknown()).check(z.maxLength(16)) })),
  },
  adjustTrack: { track: z.string().check(z.minLength(1), z.maxLength(90)), by: z.number().check(z.int(), z.gte(-10), z.lte(10)) },
  revealHidden: { reveal: z.boolean() },
  endGame: { reason: z.string().check(z.maxLength(200)) },
};

const variants = (actions: Record<string, z.core.$ZodLooseShape>, role: z.ZodMiniType) =>
  Object.entries(actions).map(([type, fields]) => z.strictObject({ type: z.literal(type), role, ...fields }));

export const actionSchema = z.discriminatedUnion('type', [
  ...variants(ROLE_ACTIONS, id), ...variants(FACILITATOR_ACTIONS, z.literal('facilitator')),
] as unknown as [z.ZodMiniObject]) as unknown as z.ZodMiniType<Action>;

export const actionLogSchema = z.array(actionSchema).check(z.maxLength(100_000));

/** Who sits in a seat, as replay files, saves and share links carry it. */
export const seatSchema = z.union([
  z.strictObject({ kind: z.literal('bot'), level: z.literal(BOT_LEVELS) }),
  z.strictObject({ kind: z.literal(['human', 'facilitator', 'scripted']) }),
]);
