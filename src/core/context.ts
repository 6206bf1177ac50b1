import { isDraft, original } from 'immer';
import type { GameState, LogEntry } from './state';
import { appendLog, type GameLog } from './log';
import { dieFromUniform, restorePrng, type Prng } from './rng';
import { bindTrackRef, builtInBounds, parseTrackRef, trackKey } from './trackIds';
import { lightRecord, scenarioOf, written, type LightRecord } from './lightStep';
import type { LaneMode, Stream } from './vocabulary';

export { scenarioOf };

// What rule code works with while one action is applied: the step's state (a light step or an immer
// draft, see lightStep.ts), the events it reports and the random streams it draws from (restored once
// per action, written back at the end).

export interface ShotRecord { battery: string; u: number; p: number; hit: boolean; source?: 'battery' | 'counterDrone' }

export type GameEvent =
  | { kind: 'log'; text: string }
  | { kind: 'phase'; text: string; turn: number; phase: GameState['phase'] }
  | { kind: 'card'; text: string; card: string }
  | { kind: 'track'; text: string; track: string; from: number; to: number }
  | { kind: 'interception'; text: string; theatre: string; target: string; threat: string; shots: ShotRecord[]; leaked: boolean; detected: boolean }
  | { kind: 'redeploy'; text: string; battery: string; from: string; to: string; mode: LaneMode; status: string }
  | { kind: 'delivery'; text: string; owner: string; item: string; theatre: string; amount: number }
  | { kind: 'roll'; text: string; die: number; rolls: number[]; total: number; target: number; success: boolean }
  | { kind: 'gameOver'; text: string };

export interface Ctx {
  s: GameState;
  events: GameEvent[];
  actor: string | null;
  prngs: Partial<Record<Stream, Prng>>;
  /** Log entries of this step, appended to the state's log in one go by flushCtx. */
  logged: LogEntry[];
  /** The log as it was before this step (read from the draft's base, so it is never drafted). */
  logBefore: GameLog;
  /** False when produceGame appends `logged` itself, after the step has finished (see produce.ts); tests that make a context by hand leave it true. */
  writesLog: boolean;
  /**
   * Whose log entries these are while the game runs by itself (events drawn, phases resolved,
   * assessment): null, not the role whose action set it going. Undefined: the actor's.
   */
  logRole?: string | null;
}

export function createCtx(s: GameState, actor: string | null, logBefore?: GameLog): Ctx {
  // Pushing entry by entry onto a drafted log goes through immer's traps each time; one concat is cheaper.
  const before = logBefore ?? (isDraft(s) ? (original(s) as GameState).log : s.log);
  return { s, events: [], actor, prngs: {}, logged: [], logBefore: before, writesLog: true };
}

/** Writes the advanced random streams and the step's log entries back into the state. */
export function flushCtx(ctx: Ctx): void {
  // for…in rather than Object.entries (the same order): this runs after every step, mostly over no stream at all.
  for (const stream in ctx.prngs) own(ctx.s, 'rng')[stream as Stream] = ctx.prngs[stream as Stream]!.state();
  if (ctx.writesLog && ctx.logged.length > 0) {
    // Frozen, so that immer does not walk the whole log when it finalises the step.
    ctx.s.log = appendLog(ctx.logBefore, ctx.logged, true);
    ctx.logBefore = ctx.s.log;
    ctx.logged = [];
  }
}

// immer's per-draft record (immer 11: `Symbol.for('immer-state')`, with base_ and copy_), read to
// learn whether a step has touched a top-level field without making a draft of that field.
const DRAFT_STATE = Symbol.for('immer-state');
interface DraftRecord { base_: unknown; copy_: Record<string, unknown> | null }

/**
 * A top-level field of the state as plain data, without drafting it: the base's value while the step
 * has neither changed nor drafted the field; null otherwise (then read it through the draft).
 * Reading a field through the draft makes a proxy for it, which costs more than most rules do.
 */
export function untouchedField<K extends keyof GameState>(s: GameState, key: K): Readonly<GameState[K]> | null {
  const light = lightRecord(s);
  if (light) {
    if (light.draft) return untouchedField(light.draft as GameState, key);
    // Still light: nothing is drafted, a written field holds the step's own plain value.
    return light.next[key];
  }
  const record = (s as unknown as Record<symbol, DraftRecord | undefined>)[DRAFT_STATE];
  if (record === undefined) return s[key];
  const base = (record.base_ as GameState)[key];
  return record.copy_ == null || record.copy_[key] === base ? base : null;
}

/**
 * A top-level list of the state as it stands, to read without drafting its members: inside a step,
 * the draft's working array (members changed in this step are their drafts, the rest plain base
 * objects, which must not be written to); outside a step, the list itself.
 */
export function currentList<K extends ListField>(s: GameState, key: K): readonly GameState[K][number][] {
  const light = lightRecord(s);
  if (light) {
    if (light.draft) return currentList(light.draft as GameState, key);
    return light.next[key];
  }
  const record = (s as unknown as Record<symbol, DraftRecord | undefined>)[DRAFT_STATE];
  if (record === undefined) return s[key];
  const value = (record.copy_ ?? (record.base_ as Record<string, unknown>))[key] as GameState[K];
  const inner = (value as unknown as Record<symbol, DraftRecord | undefined>)[DRAFT_STATE];
  return inner === undefined ? value : ((inner.copy_ ?? inner.base_) as GameState[K]);
}
type ListField = 'batteries' | 'agreements' | 'lines' | 'transfers' | 'projects' | 'proposals' | 'pipeline' | 'history';

/** Whether `s` is a step's draft (its lists may hold drafts) rather than a finished, plain state. */
export function inStep(s: GameState): boolean {
  return lightRecord(s) !== undefined || (s as unknown as Record<symbol, DraftRecord | undefined>)[DRAFT_STATE] !== undefined;
}

/**
 * An object or list as it stands, to read without drafting what it holds: a draft's working copy (its
 * members changed in this step are their drafts, the rest plain base objects, which must not be written
 * to); anything else as it is. Reading a member through a draft makes a proxy for it.
 */
export function standing<T>(value: T): T {
  const record = value == null ? undefined : (value as unknown as Record<symbol, DraftRecord | undefined>)[DRAFT_STATE];
  return record === undefined ? value : ((record.copy_ ?? record.base_) as T);
}

/** A top-level field to read: the base's value while untouched (no draft is made for it), else the draft's. */
export function peekField<K extends keyof GameState>(s: GameState, key: K): Readonly<GameState[K]> {
  // A light step's fields as it has them (an unset one too: null or undefined read through the proxy costs a trap).
  const light = lightRecord(s);
  if (light && !light.draft) return light.next[key];
  return untouchedField(s, key) ?? s[key];
}

/** The flat records of the state (string keys to numbers or names), copied whole on a step's first write. */
type FlatField = 'tracks' | 'budgets' | 'workforce' | 'movesUsed' | 'stocks' | 'tensionCause' | 'rng' | 'hotline' | 'objectivesMet';

/**
 * A flat record of the state to write to in this step. On the first write it is replaced by a plain
 * copy of the base, assigned into the draft: no proxy, no trap per write (immer still looks over its
 * values for drafts when the step made other drafts). Measured cheaper overall than drafting the
 * record. Once the step holds anything else under the key (that copy, the record's draft, or a value a
 * rule assigned, which is the step's own), that is what is written to.
 */
export function own<K extends FlatField>(s: GameState, key: K): GameState[K] {
  const light = lightRecord(s);
  if (light) {
    if (light.draft) return own(light.draft as GameState, key);
    if (written(light, key)) return light.next[key];
    const copy = { ...light.base[key] };
    light.next[key] = copy;
    (light.flat ??= new Set()).add(copy);
    return copy;
  }
  const record = (s as unknown as Record<symbol, DraftRecord | undefined>)[DRAFT_STATE];
  if (record === undefined) return s[key];
  const base = (record.base_ as GameState)[key];
  const now = record.copy_ == null ? base : record.copy_[key];
  if (now !== base) return now as GameState[K];
  const copy = { ...base };
  s[key] = copy;
  return copy;
}

/** The top-level list or keyed record `key` of a light step, copied for writing on first use (a copy the step owns). */
function lightField(light: LightRecord, key: string, copy: (value: never) => object): unknown {
  const next = light.next as unknown as Record<string, unknown>;
  if (written(light, key)) return next[key];
  const value = copy((light.base as unknown as Record<string, never>)[key]!);
  (light.owned ??= new Set()).add(value);
  next[key] = value;
  return value;
}

function ownedCopy<T extends object>(light: LightRecord, value: T): { copy: T; fresh: boolean } {
  const owned = (light.owned ??= new Set());
  if (owned.has(value)) return { copy: value, fresh: false };
  const copy = (Array.isArray(value) ? value.slice() : { ...value }) as T;
  owned.add(copy);
  return { copy, fresh: true };
}

/**
 * Member `index` of a top-level list, to write to in this step: its draft in a drafted step; in a light
 * step a plain copy of it, in a copy of the list. Only for writing the member's own fields: in a light
 * step, lists and records it holds are still the previous state's (auto-freeze, on in tests, catches
 * a write into one). Use the draft (`s[key][index]`) for anything deeper.
 */
export function ownMember<K extends ListField>(s: GameState, key: K, index: number): GameState[K][number] {
  const light = lightRecord(s);
  if (!light || light.draft) return (light?.draft ?? s)[key][index]!;
  const list = lightField(light, key, (v: unknown[]) => v.slice()) as GameState[K][number][];
  const { copy, fresh } = ownedCopy(light, list[index]!);
  if (fresh) list[index] = copy;
  return copy;
}

/** Nested records of the state keyed by name whose values are objects (see ownValue). */
type KeyedField = 'regions' | 'contracts' | 'turnStats' | 'stockout' | 'intel' | 'doctrines';

/**
 * The value under `name` in a keyed top-level record (a region, a contract, a part of the turn's
 * statistics), to write to in this step: as ownMember, its own fields only. Undefined when there is none.
 */
export function ownValue<K extends KeyedField>(s: GameState, key: K, name: string): Extract<GameState[K][keyof GameState[K]], object> | undefined {
  type V = Extract<GameState[K][keyof GameState[K]], object>;
  const light = lightRecord(s);
  if (!light || light.draft) return ((light?.draft ?? s)[key] as unknown as Record<string, V>)[name];
  const record = lightField(light, key, (v: object) => ({ ...v })) as Record<string, V>;
  const value = record[name];
  if (value === undefined) return undefined;
  const { copy, fresh } = ownedCopy(light, value);
  if (fresh) record[name] = copy;
  return copy;
}

/** A keyed top-level record itself, to write its own fields in this step (ownValue for the values it holds). */
export function ownRecord<K extends KeyedField>(s: GameState, key: K): GameState[K] {
  const light = lightRecord(s);
  if (!light || light.draft) return (light?.draft ?? s)[key];
  return lightField(light, key, (v: object) => ({ ...v })) as GameState[K];
}

/** Appends to a top-level list: through the draft in a drafted step, as a new list in a light one. */
export function append<K extends ListField | 'discard' | 'deck'>(s: GameState, key: K, item: GameState[K][number]): void {
  const light = lightRecord(s);
  if (!light || light.draft) {
    ((light?.draft ?? s)[key] as GameState[K][number][]).push(item);
    return;
  }
  (lightField(light, key, (v: unknown[]) => v.slice()) as GameState[K][number][]).push(item);
}

export function emit(ctx: Ctx, event: GameEvent): void {
  ctx.events.push(event);
  // Frozen: an entry never changes, so the state hash keeps its text (see hash.ts).
  // Turn and phase read beside the step's proxy (a trap call each otherwise).
  ctx.logged.push(Object.freeze({ turn: peekField(ctx.s, 'turn'), phase: peekField(ctx.s, 'phase'), role: ctx.logRole === undefined ? ctx.actor : ctx.logRole, text: event.text }));
}

export const say = (ctx: Ctx, text: string): void => emit(ctx, { kind: 'log', text });

/** The next uniform number of a stream: u in [0, 1). */
export function draw(ctx: Ctx, stream: Stream): number {
  let prng = ctx.prngs[stream];
  if (!prng) {
    prng = restorePrng(peekField(ctx.s, 'rng')[stream]);
    ctx.prngs[stream] = prng;
  }
  return prng.next();
}

export const rollDie = (ctx: Ctx, stream: Stream, sides: number): number => dieFromUniform(draw(ctx, stream), sides);

// Names are asked for by most log lines, with the step's state: its scenario read beside the proxy.
export const regionName = (s: GameState, id: string): string => scenarioOf(s).regions.find((r) => r.id === id)?.name ?? id;
export const theatreName = (s: GameState, id: string): string => scenarioOf(s).theatres.find((t) => t.id === id)?.name ?? id;

export function roleName(s: GameState, role: string): string {
  return scenarioOf(s).roles.find((r) => r.id === role)?.name ?? (role === 'facilitator' ? 'The facilitator' : role);
}

export function trackBounds(s: GameState, key: string): readonly [number, number] {
  const ref = parseTrackRef(key);
  if (!ref) return [0, 10];
  const builtIn = builtInBounds(ref);
  if (builtIn) return builtIn;
  const custom = s.scenario.tracks.find((t) => t.id === key);
  return custom ? [custom.min, custom.max] : [0, 10];
}

/** Canonical key for a track reference after binding actor/target, or null if it names nothing. */
// Track references are parsed and bound many times per action (effects, conditions, rolls): the
// canonical key of a (reference, actor, target) triple never changes, so it is remembered.
const boundKeys = new Map<string, string | null>();
// Most references name no placeholder ("trust:korea+poland"): their key does not depend on who acts,
// and is remembered by the reference alone (no key string to build for each look-up). Undefined: it has one.
const fixedKeys = new Map<string, string | null | undefined>();

/** The canonical track key a reference names once `actor` and `target` are bound (whether or not the game has it). */
export function boundTrackKey(ref: string, actor: string | null, target: string | null): string | null {
  let fixed = fixedKeys.get(ref);
  if (fixed === undefined && !fixedKeys.has(ref)) {
    // Bound to anyone at all, it stays itself: it has no placeholder.
    const parsed = bindTrackRef(ref, '\u0001', '\u0002') === ref ? parseTrackRef(ref) : undefined;
    fixed = parsed === undefined ? undefined : parsed ? trackKey(parsed) : null;
    if (fixedKeys.size >= 50_000) fixedKeys.clear();
    fixedKeys.set(ref, fixed);
  }
  if (fixed !== undefined) return fixed;
  const id = `${ref}\u0000${actor ?? ''}\u0000${target ?? ''}`;
  let key = boundKeys.get(id);
  if (key === undefined) {
    const parsed = parseTrackRef(bindTrackRef(ref, actor, target));
    key = parsed ? trackKey(parsed) : null;
    if (boundKeys.size >= 50_000) boundKeys.clear();
    boundKeys.set(id, key);
  }
  return key;
}

export function resolveTrack(s: GameState, ref: string, actor: string | null, target: string | null): string | null {
  const key = boundTrackKey(ref, actor, target);
  return key !== null && key in peekField(s, 'tracks') ? key : null;
}

export function trackName(s: GameState, key: string): string {
  const ref = parseTrackRef(key);
  if (!ref) return key;
  switch (ref.kind) {
    case 'tension':
      return `tension in ${theatreName(s, ref.theatre)}`;
    case 'custom':
      return s.scenario.tracks.find((t) => t.id === ref.id)?.name ?? ref.id;
    case 'trust':
      return `trust between ${roleName(s, ref.a)} and ${roleName(s, ref.b)}`;
    case 'interop':
      return `interoperability of ${roleName(s, ref.a)} and ${roleName(s, ref.b)}`;
    default:
      return `${roleName(s, ref.role)}'s ${ref.kind === 'support' ? 'domestic support' : ref.kind}`;
  }
}

/** Moves a track within its bounds; records who raised tension, for the shared-loss verdict. */
export function adjustTrack(ctx: Ctx, key: string, by: number, cause: string | null = ctx.actor): number {
  const tracks = peekField(ctx.s, 'tracks');
  if (!(key in tracks) || by === 0) return 0;
  const [min, max] = trackBounds(ctx.s, key);
  const from = tracks[key] ?? 0;
  const to = Math.min(max, Math.max(min, from + by));
  if (to === from) return 0;
  own(ctx.s, 'tracks')[key] = to;
  if (key.startsWith('tension:') && to > from) own(ctx.s, 'tensionCause')[key.slice(8)] = cause;
  emit(ctx, { kind: 'track', text: `${capitalise(trackName(ctx.s, key))} ${to > from ? 'rises' : 'falls'} from ${from} to ${to}.`, track: key, from, to });
  return to - from;
}

export function setTrackValue(ctx: Ctx, key: string, value: number, cause: string | null = ctx.actor): number {
  return adjustTrack(ctx, key, value - (peekField(ctx.s, 'tracks')[key] ?? 0), cause);
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** `n` and the word, plural unless n is 1: "1 turn", "3 turns". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function nextId(s: GameState, prefix: string): string {
  s.nextId += 1;
  return `${prefix}${s.nextId}`;
}
