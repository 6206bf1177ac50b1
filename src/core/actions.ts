import type { Effect } from './scenario/schema';
import type { ProposalTerms } from './state';
import type { AgreementType, Doctrine, LaneMode, ThreatKind } from './vocabulary';

// Every action is an intent carrying the acting role. The facilitator acts as role 'facilitator'.
export const FACILITATOR = 'facilitator';

export type Action =
  | { type: 'endPhase'; role: string }
  | { type: 'chooseEventOption'; role: string; option: number }
  // diplomacy
  | { type: 'proposeAgreement'; role: string; agreement: AgreementType; to: string[]; terms: ProposalTerms }
  | { type: 'answerProposal'; role: string; proposal: string; accept: boolean }
  | { type: 'counterProposal'; role: string; proposal: string; terms: ProposalTerms }
  | { type: 'breakAgreement'; role: string; agreement: string }
  | { type: 'holdExercise'; role: string; partner: string }
  | { type: 'reassureAlly'; role: string; partner: string }
  | { type: 'playMove'; role: string; move: string; target: string | null }
  // industry
  | { type: 'fundLine'; role: string; line: string }
  | { type: 'surgeLine'; role: string; line: string }
  | { type: 'improveQuality'; role: string; line: string }
  | { type: 'startTechStep'; role: string; transfer: string }
  | { type: 'startProject'; role: string; project: string }
  | { type: 'orderInterceptors'; role: string; item: string; theatre: string; lots: number }
  | { type: 'transferStock'; role: string; to: string; item: string; theatre: string; amount: number; contract: string | null }
  | { type: 'repairRegion'; role: string; region: string }
  // deployment
  | { type: 'orderRedeploy'; role: string; battery: string; to: string; mode: LaneMode }
  | { type: 'setDoctrine'; role: string; threat: ThreatKind; doctrine: Doctrine }
  | { type: 'setHalfCover'; role: string; battery: string; region: string | null }
  // threats (a Red role that is played)
  | { type: 'launchWave'; role: string; attacks: { threat: string; target: string; count: number }[] }
  | { type: 'launchProvocation'; role: string; provocation: string }
  // facilitator
  | { type: 'pauseGame'; role: typeof FACILITATOR }
  | { type: 'resumeGame'; role: typeof FACILITATOR }
  | { type: 'injectCard'; role: typeof FACILITATOR; card: string | null; custom: { title: string; text: string; effects: Effect[] } | null }
  | { type: 'adjustTrack'; role: typeof FACILITATOR; track: string; by: number }
  | { type: 'revealHidden'; role: typeof FACILITATOR; reveal: boolean }
  | { type: 'endGame'; role: typeof FACILITATOR; reason: string };

export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

export const ACTION_TYPES = [
  'endPhase', 'chooseEventOption', 'proposeAgreement', 'answerProposal', 'counterProposal', 'breakAgreement',
  'holdExercise', 'reassureAlly', 'playMove', 'fundLine', 'surgeLine', 'improveQuality', 'startTechStep',
  'startProject', 'orderInterceptors', 'transferStock', 'repairRegion', 'orderRedeploy', 'setDoctrine',
  'setHalfCover', 'launchWave', 'launchProvocation', 'pauseGame', 'resumeGame', 'injectCard', 'adjustTrack',
  'revealHidden', 'endGame',
] as const satisfies readonly ActionType[];

export const FACILITATOR_ACTIONS: readonly ActionType[] = ['pauseGame', 'resumeGame', 'injectCard', 'adjustTrack', 'revealHidden', 'endGame'];

/** A move the role can make now: a ready-to-send action, its cost and what it does, in plain words. */
export interface LegalAction {
  action: Action;
  label: string;
  cost: number;
  effect: string;
  /** Where the action carries an amount, the allowed range; `action` holds the minimum. */
  amount?: { field: 'lots' | 'amount'; min: number; max: number };
}

/**
 * Whether a legal-action list is only being asked "is there anything?" and already has its answer:
 * the idle-role check fills a sink that notes the first entry, and the legal functions stop there.
 */
export const answered = (out: readonly LegalAction[]): boolean => (out as { found?: boolean }).found === true;

/** Whether the legal list being made is for a reader that needs no words (bots, the idle-role check): see unworded. */
let wordless = false;

/** Runs `make` with legal lists left unworded: entries with an empty label and effect. */
export function unworded<T>(make: () => T): T {
  const before = wordless;
  wordless = true;
  try {
    return make();
  } finally {
    wordless = before;
  }
}

const NO_WORDS = ['', ''] as const;

/** A legal-list entry; its words, `[label, effect]`, are only made when someone may read them. */
export function entry(action: Action, cost: number, words: () => readonly [string, string], amount?: LegalAction['amount']): LegalAction {
  const [label, effect] = wordless ? NO_WORDS : words();
  return amount ? { action, label, cost, effect, amount } : { action, label, cost, effect };
}

export interface Rejection {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
