import { createDraft, type Draft } from 'immer';
import { copyState, type GameState } from './state';

// A step starts "light": rules get a thin proxy over the state that writes the top-level fields they
// write (numbers, names, the queue, the flat records `own()` copies) into a copy of the state of its
// own (one fast object clone), without an immer draft. Most actions (ending a step, an exercise, a
// budget line) touch nothing else, and for them that copy is the next state: no immer scope, copy or
// finalisation, which cost more than the rule itself. The first time a rule reads a field that holds
// an object it might change (a list, a nested record), the step turns into an ordinary immer draft of
// the state with everything written so far applied to it, and goes on exactly as before; from then on
// the proxy only passes reads and writes through (and `ctx.s` is the draft itself).
//
// Reads of plain values, of the scenario (frozen, never changed), of the seats and of a pending event
// choice (never changed in place) stay light. Everything else the proxy hands out in the light phase is
// the step's own: a light step cannot change the state it started from. Rules keep steps light by
// reading lists and records as they stand (`peekField`, `currentList`, `standing`) and writing through
// `own`, `ownMember`, `ownValue` and `append` (context.ts), which work the same in a drafted step.

export const LIGHT = Symbol('light step');

export interface LightRecord {
  /** The state the step started from, with the scenario it carries. */
  readonly base: GameState;
  readonly scenario: GameState['scenario'];
  /**
   * The state as the step has it: a copy of the base (with the step's scenario) whose fields the step
   * writes while light. A field holding anything but the base's value was written (rules write new
   * values: a record or list written to is the step's own copy). The step's next state when it ends light.
   */
  readonly next: GameState;
  /** The immer draft, once the step needed one. */
  draft: Draft<GameState> | null;
  /** The step's context: it works on the draft directly once the step has one. */
  ctx: { s: GameState } | null;
  /** Lists and keyed records copied for writing in this step, and members of them copied (ownMember, ownValue, append). */
  owned: Set<object> | null;
  /** Flat records copied for writing in this step (own): read and written as they are. */
  flat: Set<object> | null;
}

// The newest light step's proxy and record: rules ask for the record of the step they run in many times
// per action, and asking the proxy costs a trap call each time.
let lastProxy: unknown = null;
let lastRecord: LightRecord | undefined;

/** The scenario a state carries; a light step's (drafted or not, the same object) read beside its proxy, as asking the proxy costs a trap call. */
export const scenarioOf = (s: GameState): GameState['scenario'] => (s === lastProxy ? lastRecord!.scenario : s.scenario);

export function lightRecord(s: GameState): LightRecord | undefined {
  if (s === lastProxy) return lastRecord;
  return (s as unknown as Record<symbol, LightRecord | undefined>)[LIGHT];
}

/** The step's immer draft, made now if it has none yet: the state with the fields written so far. */
export function toDraft(l: LightRecord): Draft<GameState> {
  if (l.draft) return l.draft;
  const base = copyState(l.base);
  base.scenario = undefined as unknown as GameState['scenario'];
  const draft = createDraft(base);
  draft.scenario = l.scenario;
  const target = draft as unknown as Record<string, unknown>;
  const from = l.base as unknown as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(l.next)) {
    if (value === from[key]) continue;
    if (l.owned?.has(value as object)) replay(l, target[key] as Record<string, unknown>, from[key]!, value as Record<string, unknown>);
    else target[key] = value;
  }
  l.draft = draft;
  if (l.ctx) l.ctx.s = draft as GameState;
  return draft;
}

/**
 * A list or keyed record the light step copied, written into its draft member by member: a member it
 * copied is assigned field by field to the member's draft, so that what the rules do to it after the
 * switch (into the lists and records it holds) goes through immer like any other write.
 */
function replay(l: LightRecord, draft: Record<string, unknown>, base: Record<string, unknown>, copy: Record<string, unknown>): void {
  const list = Array.isArray(copy);
  for (const key of Object.keys(copy)) {
    const item = copy[key];
    if (item === base[key]) continue;
    if (list && Number(key) >= (base as unknown as unknown[]).length) (draft as unknown as unknown[]).push(item);
    else if (base[key] !== undefined && l.owned?.has(item as object)) Object.assign(draft[key] as object, item);
    else draft[key] = item;
  }
}

const traps: ProxyHandler<LightRecord> = {
  get(l, prop) {
    if (prop === LIGHT) return l;
    if (l.draft) return Reflect.get(l.draft, prop);
    if (typeof prop === 'string') {
      // A value, the scenario, or a flat record the step copied: as it is.
      const value = (l.next as unknown as Record<string, unknown>)[prop];
      if (value === null || typeof value !== 'object' || prop === 'scenario' || l.flat?.has(value)) return value;
      // Who sits in which seat is set when the game is made, and an event choice is replaced whole,
      // never changed in place: they are handed out as they are while unwritten (with auto-freeze on, as
      // in every test, a write into one would throw). Any other object (a list that may hold the previous
      // state's members, a copied member that holds its lists): through the draft.
      if ((prop === 'seats' || prop === 'pendingChoice') && value === l.base[prop]) return value;
    }
    return Reflect.get(toDraft(l), prop);
  },
  set(l, prop, value) {
    if (l.draft || typeof prop !== 'string') return Reflect.set(toDraft(l), prop, value);
    (l.next as unknown as Record<string, unknown>)[prop] = value;
    return true;
  },
  has: (l, prop) => prop in (l.draft ?? l.base),
  ownKeys: (l) => Reflect.ownKeys(toDraft(l)),
  getOwnPropertyDescriptor: (l, prop) => Reflect.getOwnPropertyDescriptor(toDraft(l), prop),
  defineProperty: (l, prop, descriptor) => Reflect.defineProperty(toDraft(l), prop, descriptor),
  deleteProperty: (l, prop) => Reflect.deleteProperty(toDraft(l), prop),
};

/** A light step over `base` (see above). */
export function lightState(base: GameState, scenario: GameState['scenario']): { state: GameState; record: LightRecord } {
  const next = copyState(base);
  next.scenario = scenario;
  const record: LightRecord = { base, scenario, next, draft: null, ctx: null, owned: null, flat: null };
  const state = new Proxy(record, traps) as unknown as GameState;
  lastProxy = state;
  lastRecord = record;
  return { state, record };
}

/** Whether a light step has written field `key` (see LightRecord.next). */
export const written = (l: LightRecord, key: string): boolean =>
  (l.next as unknown as Record<string, unknown>)[key] !== (l.base as unknown as Record<string, unknown>)[key];
