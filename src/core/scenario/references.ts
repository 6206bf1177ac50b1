import type { Effect, Scenario } from './schema';
import type { ScenarioError } from './messages';
import { parseTrackRef } from '../trackIds';

// Checks that every id a scenario mentions exists, once. zod has already checked shapes and ranges.
//
// What to check is written as `field:kind` (kinds: see `check` below), space-separated, in the order the
// errors are reported. `field[]:kind` checks each item of a list, `field[]sub:kind` the field `sub` of each
// item, and `a.b` a field of an object field. Tables of such lines are far smaller in the game's JS than
// one call per field.

/** One line per form of a quantity, a condition and an effect: the first field tells which form it is. */
const QUANTITY = table('track:k|budget:r|stock:r item:i theatre:t|techLevel:T|protectedPct:a|disabledRegions:a owner:r|longestStockout:r item:i|arms:r|armsChange:r|agreements:- party:r|leakers:a|onTimePct:r|gaps:a|operationalBatteries:r theatre:t');
const CONDITION = table('all[]:c|any[]:c|not:c|compare:q');
const EFFECT = table('adjustTrack:k|setTrack:k|grantBudget:r|addStock:r item:i theatre:t|addBattery:b owner:r region:g|addLine:l owners[]role:r|addCounterDrone:p|damageRegion:p|repairRegion:p|incident:x|hotline:x|adjustArms:r|revealNext:r|crisis:t|roll:n success[]:e failure[]:e|when:c then[]:e otherwise[]:e');
const ROLL = 'addTracks[]track:k bonuses[]when:c';
const RESERVED = ['actor', 'target', 'facilitator', 'all', 'public'];

function table(lines: string): string[] {
  return lines.split('|');
}

export function checkReferences(s: Scenario): ScenarioError[] {
  const c = createChecker(s);
  c.whole();
  return c.errors;
}

/** Checks effects written outside a scenario file (a facilitator's custom card) against the scenario. */
export function checkEffectReferences(s: Scenario, effects: readonly Effect[], path: string): ScenarioError[] {
  const c = createChecker(s);
  effects.forEach((e, i) => c.check('e', e, `${path}[${i}]`, false));
  return c.errors;
}

// Scenario data walked by field name: every value has passed the schema, so only the names are trusted here.
type Data = any;

function createChecker(s: Scenario) {
  const errors: ScenarioError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const ids = (list: readonly { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      if (seen.has(entry.id)) err(`${name}[${i}].id`, `duplicate id "${entry.id}": ids must be unique within ${name}`);
      seen.add(entry.id);
    });
    return seen;
  };
  // Every list of things with ids, in the order their duplicates are reported.
  const lists: Record<string, Set<string>> = {};
  for (const name of 'roles sides theatres regions lanes items threatTypes batteryTypes batteries lineTemplates lines techTransfers projects moves deck provocations contracts objectives sharedLoss tracks assessmentRules'.split(' '))
    lists[name] = ids(s[name as 'roles'], name);
  const { roles, sides, regions } = lists as Record<'roles' | 'sides' | 'regions', Set<string>>;
  /** A kind's list of ids and what its ids name. */
  const SETS: Record<string, [string, string]> = {
    r: ['roles', 'role'], s: ['sides', 'side'], t: ['theatres', 'theatre'], g: ['regions', 'region'], i: ['items', 'item'], h: ['threatTypes', 'threat type'],
    b: ['batteryTypes', 'battery type'], l: ['lineTemplates', 'line template'], L: ['lines', 'production line'], T: ['techTransfers', 'technology transfer'], K: ['tracks', 'track'],
  };
  const ref = (kind: string, value: string | undefined, path: string) => {
    const [list, what] = SETS[kind]!;
    if (value !== undefined && !lists[list]!.has(value)) err(path, `unknown ${what} "${value}"`);
  };
  const role = (value: string, path: string, placeholders: boolean) => {
    if (!(placeholders && (value === 'actor' || value === 'target'))) ref('r', value, path);
  };
  const track = (value: string, path: string, placeholders: boolean) => {
    const parsed = parseTrackRef(value);
    if (!parsed) return err(path, `"${value}" is not a track: use tension:<theatre>, support:<role>, reputation:<role>, readiness:<role>, trust:<role>+<other role>, interop:<role>+<other role> or a track id`);
    if (parsed.kind === 'tension') { if (!(placeholders && parsed.theatre === 'target')) ref('t', parsed.theatre, path); }
    else if (parsed.kind === 'custom') ref('K', parsed.id, path);
    else if ('a' in parsed) {
      role(parsed.a, path, placeholders);
      role(parsed.b, path, placeholders);
    } else role(parsed.role, path, placeholders);
  };
  /** The line of a table whose first field the value has. */
  const pick = (forms: string[], value: Data, path: string, ph: boolean) => {
    const form = forms.find((f) => f.split(/\W/)[0]! in value);
    if (form) fields(value, path, form, ph);
  };
  /**
   * Kinds: r role, k track, s side, t theatre, g region, i item, h threat type, b battery type, l line template,
   * L production line, T technology transfer; a a theatre or `all`; x a theatre and p a region, either
   * `target` in a move or a choice; w a turn of the game; q quantity, c condition, e effect, n roll; - nothing.
   */
  const check = (kind: string, value: Data, path: string, ph: boolean): void => {
    if (value === undefined || kind === '-') return;
    if (kind === 'r') role(value, path, ph);
    else if (kind === 'k') track(value, path, ph);
    else if (kind === 'q') pick(QUANTITY, value, path, ph);
    else if (kind === 'c') pick(CONDITION, value, path, ph);
    else if (kind === 'e') pick(EFFECT, value, path, ph);
    else if (kind === 'n') fields(value, path, ROLL, ph);
    else if (kind === 'w') { if (value > s.turns) err(path, `turn ${value} is after the last turn (${s.turns})`); }
    else if (kind === 'a') { if (value !== 'all') ref('t', value, path); }
    else if (kind === 'x' || kind === 'p') { if (!(ph && value === 'target')) ref(kind === 'x' ? 't' : 'g', value, path); }
    else ref(kind, value, path);
  };
  const fields = (value: Data, path: string, spec: string, ph: boolean) => {
    for (const field of spec.split(' ')) {
      const [, name, list, sub, kind] = /^([\w.]+)(\[\](\w*))?:(.)$/.exec(field)!;
      const at = path ? `${path}.${name}` : name!;
      const found = name!.split('.').reduce((o: Data, key) => o?.[key], value);
      if (list) found?.forEach((x: Data, i: number) => check(kind!, sub ? x[sub] : x, `${at}[${i}]${sub ? `.${sub}` : ''}`, ph));
      else check(kind!, found, at, ph);
    }
  };
  /** Checks `spec` (and then `placeholderSpec`, where `actor` and `target` stand for roles) in each item of a list, then runs `more`. */
  const each = <K extends keyof Scenario>(name: K, spec: string, placeholderSpec = '', more?: (x: Data, path: string, i: number) => void) =>
    (s[name] as Data[] | undefined)?.forEach((x, i) => {
      const path = `${name}[${i}]`;
      if (spec) fields(x, path, spec, false);
      if (placeholderSpec) fields(x, path, placeholderSpec, true);
      more?.(x, path, i);
    });

  /** Checks the whole scenario, in the order its errors are reported. */
  const whole = () => {
    const regionTheatre = new Map(s.regions.map((r) => [r.id, r.theatre]));
    s.roles.forEach((r, i) => { if (RESERVED.includes(r.id)) err(`roles[${i}].id`, `"${r.id}" is a reserved word; choose another role id`); });
    const adjacent = (a: string, b: string) => s.lanes.some((l) => (l.from === a && l.to === b) || (l.from === b && l.to === a));
    const itemKind = new Map(s.items.map((x) => [x.id, x.kind]));
    if (s.turnLabels.length !== s.turns) err('turnLabels', `expected one label per turn (${s.turns}), got ${s.turnLabels.length}`);
    each('roles', 'side:s score[]quantity:q');
    each('regions', 'theatre:t owner:r');
    s.lanes.forEach((l, i) => {
      if (!regions.has(l.from)) err(`lanes[${i}].from`, `lane leads from an unknown region "${l.from}"`);
      if (!regions.has(l.to)) err(`lanes[${i}].to`, `lane leads to an unknown region "${l.to}"`);
      if (l.from === l.to) err(`lanes[${i}].to`, 'a lane must join two different regions');
    });
    each('pairs', 'roles[]:r', '', (p, path, i) => {
      if (p.roles[0] === p.roles[1]) err(`${path}.roles`, 'a pair needs two different roles');
      const key = [...p.roles].sort().join('+');
      if (s.pairs.slice(0, i).some((q) => [...q.roles].sort().join('+') === key)) err(`${path}.roles`, `the pair ${p.roles.join(' and ')} is listed twice`);
    });
    s.tracks.forEach((t, i) => {
      if (t.min > t.max) err(`tracks[${i}].max`, `expected max ≥ min (${t.min}), got ${t.max}`);
      if (t.start < t.min || t.start > t.max) err(`tracks[${i}].start`, `expected a start between ${t.min} and ${t.max}, got ${t.start}`);
    });
    each('batteryTypes', 'interceptor:i', '', (b, path) => {
      const kind = itemKind.get(b.interceptor);
      if (kind !== undefined && kind !== 'interceptor') err(`${path}.interceptor`, `item "${b.interceptor}" is a ${kind}, not an interceptor`);
    });
    each('batteries', 'type:b owner:r region:g halfCover:g', '', (b, path) => {
      if (b.halfCover !== undefined && regions.has(b.halfCover) && !adjacent(b.region, b.halfCover))
        err(`${path}.halfCover`, `a battery half-covers a region joined to its own by a lane; "${b.halfCover}" is not next to "${b.region}"`);
    });
    each('stockpiles', 'owner:r item:i theatre:t');
    each('resupply', 'owner:r item:i theatre:t');
    const lineLike = 'item:i region:g requiredTech.transfer:T';
    each('lineTemplates', lineLike);
    each('lines', `${lineLike} owners[]role:r`, '', (l, path) => {
      const total = l.owners.reduce((sum: number, o: { share: number }) => sum + o.share, 0);
      if (Math.abs(total - 100) > 1e-9) err(`${path}.owners`, `shares must add up to 100, got ${total}`);
    });
    each('techTransfers', 'donor:r recipient:r', '', (t, path) => { if (t.donor === t.recipient) err(`${path}.recipient`, 'donor and recipient must differ'); });
    s.techLadder?.forEach((step, i) => { if (step.level !== i + 1) err(`techLadder[${i}].level`, `expected level ${i + 1}, got ${step.level}`); });
    each('projects', 'roles[]:r', 'effects[]:e');
    each('moves', 'roles[]:r', 'requires:c effects[]:e');
    each('agreements', 'parties[]:r transfer:T line:L');
    each('contracts', 'seller:r buyer:r item:i theatre:t schedule[]turn:w');
    each('deck', 'effects[]:e choice.role:r', '', (card, path) =>
      card.choice?.options.forEach((o: Data, j: number) => fields(o, `${path}.choice.options[${j}]`, 'effects[]:e', true)));
    each('waves', 'theatre:t threat:h', '', (w, path) => {
      if (w.min > w.max) err(`${path}.max`, `expected max ≥ min (${w.min}), got ${w.max}`);
      if (w.fromTurn > w.toTurn) err(`${path}.toTurn`, `expected toTurn ≥ fromTurn (${w.fromTurn}), got ${w.toTurn}`);
      fields(w, path, 'toTurn:w', false);
      w.targets.forEach((t: string, j: number) => {
        if (!regions.has(t)) err(`${path}.targets[${j}]`, `unknown region "${t}"`);
        else if (regionTheatre.get(t) !== w.theatre) err(`${path}.targets[${j}]`, `region "${t}" is not in theatre "${w.theatre}"`);
      });
    });
    each('provocations', 'theatre:t toTurn:w roll:n success[]:e');
    const r = s.richardson;
    if (r) {
      fields(r, 'richardson', 'x:r y:r', false);
      if (r.x === r.y) err('richardson.y', 'an arms race needs two different roles');
    }
    each('assessmentRules', 'when:c effects[]:e');
    each('objectives', '', '', (o, path) => {
      if (!roles.has(o.owner) && !sides.has(o.owner)) err(`${path}.owner`, `unknown role or side "${o.owner}"`);
      fields(o, path, 'condition:c byTurn:w', false);
    });
    each('victory', 'side:s condition:c');
    each('sharedLoss', 'condition:c');
  };

  return { errors, check, whole };
}
