import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core/scenario/parse';
import type { ScenarioError } from '../../src/core/scenario/messages';
import type { Scenario } from '../../src/core/scenario/schema';
import {
  COMPARATORS, ITEM_KINDS, LANE_MODES, PHASES, ROLE_PHASES, THREAT_KINDS, DOCTRINES,
} from '../../src/core/vocabulary';

// Scenario files are untrusted input: the two shipped files must parse, and each class of mistake
// an author can make must come back as an error with an exact path and a readable message.

const root = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
const readJson = (relative: string): unknown => JSON.parse(readFileSync(root(relative), 'utf8'));

/** Parses the text of a scenario file; a JSON syntax error becomes one error with line and column. */
function parseScenarioText(text: string): { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    }
    return { ok: false, errors: [{ path: '', message: `the file is not valid JSON${where}` }] };
  }
  return parseScenario(json);
}

function parseOk(relative: string): Scenario {
  const result = parseScenario(readJson(relative));
  if (!result.ok) {
    // Print every error so a failing scenario file can be fixed from the test output alone.
    console.error(`${relative}:\n${result.errors.map((e) => `  ${e.path || '(file)'}: ${e.message}`).join('\n')}`);
  }
  expect(result.ok ? [] : result.errors).toEqual([]);
  if (!result.ok) throw new Error(`${relative} did not parse`);
  return result.scenario;
}

const fixture = () => structuredClone(readJson('test/fixtures/all-mechanics.json')) as Record<string, any>;

const EFFECT_LISTS = new Set(['effects', 'success', 'failure', 'then', 'otherwise']);

/** Collects the kinds of effects, quantities and conditions used anywhere in a parsed scenario. */
function usedForms(s: Scenario) {
  const effects = new Set<string>();
  const quantities = new Set<string>();
  const conditions = new Set<string>();
  const ops = new Set<string>();
  const walk = (value: unknown, key: string | null): void => {
    if (Array.isArray(value)) {
      for (const entry of value) {
        if (key !== null && EFFECT_LISTS.has(key) && entry && typeof entry === 'object') {
          const kind = ['roll', 'when'].find((k) => k in entry) ?? Object.keys(entry)[0];
          if (kind) effects.add(kind);
        }
        walk(entry, key);
      }
      return;
    }
    if (!value || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    if ((key === 'compare' || key === 'quantity') && !('compare' in obj)) quantities.add(Object.keys(obj)[0]!);
    for (const c of ['all', 'any', 'not', 'compare']) if (c in obj && (c !== 'compare' || 'op' in obj)) conditions.add(c);
    if (typeof obj.op === 'string') ops.add(obj.op);
    for (const [k, v] of Object.entries(obj)) walk(v, k);
  };
  walk(s, null);
  return { effects, quantities, conditions, ops };
}

describe('shipped scenario files', () => {
  it('test/fixtures/all-mechanics.json parses', () => {
    const s = parseOk('test/fixtures/all-mechanics.json');
    expect(s.id).toBe('all-mechanics');
    expect(s.turnLabels).toHaveLength(s.turns);
  });

  it('scenarios/first-contract.json parses', () => {
    const s = parseOk('scenarios/first-contract.json');
    expect(s.id).toBe('first-contract');
    expect(s.turnLabels).toEqual(['2022 H2', '2023 H1', '2023 H2', '2024 H1']);
  });

  it('the fixture uses every effect, quantity, condition and comparator of the format', () => {
    const s = parseOk('test/fixtures/all-mechanics.json');
    const used = usedForms(s);
    expect([...used.effects].sort()).toEqual([
      'addBattery', 'addCounterDrone', 'addLine', 'addStock', 'adjustArms', 'adjustTrack', 'crisis', 'damageRegion',
      'grantBudget', 'hotline', 'incident', 'log', 'repairRegion', 'revealNext', 'richardson', 'roll', 'setTrack', 'when',
    ]);
    expect([...used.quantities].sort()).toEqual([
      'agreements', 'arms', 'armsChange', 'budget', 'disabledRegions', 'leakers', 'longestStockout', 'onTimePct',
      'operationalBatteries', 'protectedPct', 'stock', 'techLevel', 'track', 'turn',
    ]);
    expect([...used.conditions].sort()).toEqual(['all', 'any', 'compare', 'not']);
    expect([...used.ops].sort()).toEqual([...COMPARATORS].sort());
    expect(new Set(s.items.map((i) => i.kind))).toEqual(new Set(ITEM_KINDS));
    expect(new Set(s.threatTypes.map((t) => t.kind))).toEqual(new Set(THREAT_KINDS));
    expect(new Set(s.lanes.map((l) => l.mode))).toEqual(new Set(LANE_MODES));
    expect(new Set(s.roles.flatMap((r) => [r.doctrine.drone, r.doctrine.ballistic]))).toEqual(new Set(DOCTRINES));
    expect(new Set(s.moves.map((m) => m.phase))).toEqual(new Set(ROLE_PHASES));
    expect(new Set(s.moves.map((m) => m.target))).toEqual(new Set(['none', 'role', 'region', 'theatre']));
    expect(s.victory.map((v) => v.when).sort()).toEqual(['anyTurn', 'end']);
    expect(s.objectives.some((o) => o.hidden)).toBe(true);
    expect(s.objectives.some((o) => o.owner === 'allies')).toBe(true);
    expect(s.lines.some((l) => l.owners.length > 1 && l.requiredTech)).toBe(true);
    expect(s.techLadder?.map((step) => [step.turns, step.needsApproval])).toEqual([[2, false], [4, false], [6, true], [4, true]]);
    expect(s.deck.length).toBeGreaterThanOrEqual(12);
    expect(s.deck.some((c) => c.choice)).toBe(true);
    expect(s.richardson).toMatchObject({ k: 0.7, l: 0.7, a: 0.5, b: 0.5, g: 1, h: 1, start: { x: 5, y: 5 } });
    // Red's theatre sees a wave on every turn.
    for (let t = 1; t <= s.turns; t++) expect(s.waves.some((w) => w.theatre === 'east' && w.fromTurn <= t && t <= w.toTurn)).toBe(true);
  });

  it.each(['test/fixtures/all-mechanics.json', 'scenarios/first-contract.json'])('%s fits the 1280×720 board beside the panels', (file) => {
    const s = parseOk(file);
    for (const t of s.theatres) {
      expect(t.frame.x).toBeGreaterThanOrEqual(0);
      expect(t.frame.y).toBeGreaterThanOrEqual(80);
      expect(t.frame.x + t.frame.w).toBeLessThanOrEqual(1280 - 320);
      expect(t.frame.y + t.frame.h).toBeLessThanOrEqual(720);
    }
    for (const r of s.regions) {
      const f = s.theatres.find((t) => t.id === r.theatre)!.frame;
      expect(r.x, r.id).toBeGreaterThan(f.x);
      expect(r.x, r.id).toBeLessThan(f.x + f.w);
      expect(r.y, r.id).toBeGreaterThan(f.y);
      expect(r.y, r.id).toBeLessThan(f.y + f.h);
    }
  });

  it('the tutorial has what a first game needs', () => {
    const s = parseOk('scenarios/first-contract.json');
    const okabeIto = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'];
    expect(s.roles.map((r) => r.id)).toEqual(['poland', 'korea']);
    for (const r of s.roles) expect(okabeIto).toContain(r.colour.toUpperCase());
    expect(new Set(s.roles.map((r) => r.pattern)).size).toBe(s.roles.length);
    expect(Object.keys(s.phaseHints).sort()).toEqual([...PHASES].sort());
    expect(s.deck.length).toBeGreaterThanOrEqual(6);
    for (const c of s.deck) expect(c.source, c.id).toBeTruthy();
    expect(s.waves.length).toBeGreaterThanOrEqual(1);
    expect(s.victory.map((v) => v.side)).toEqual(['partners']);
    expect(s.sharedLoss.length).toBeGreaterThanOrEqual(1);
  });
});

type Mutation = (s: Record<string, any>) => void;
interface BadCase { name: string; mutate: Mutation; path: string; message: string; only?: boolean }

const BAD: BadCase[] = [
  { name: 'missing field', mutate: (s) => { delete s.roles[0].budget.perTurn; }, path: 'roles[0].budget.perTurn', message: 'is missing (expected a number)' },
  { name: 'missing top-level field', mutate: (s) => { delete s.title; }, path: 'title', message: 'is missing' },
  { name: 'wrong type', mutate: (s) => { s.roles[0].budget.perTurn = '8'; }, path: 'roles[0].budget.perTurn', message: 'expected a number, got "8"' },
  { name: 'null instead of a text', mutate: (s) => { s.title = null; }, path: 'title', message: 'expected a text, got null' },
  { name: 'unknown field (typo)', mutate: (s) => { s.roles[0].budgte = s.roles[0].budget; }, path: 'roles[0].budgte', message: 'unknown field "budgte"' },
  { name: 'unknown top-level field', mutate: (s) => { s.turnz = 8; }, path: 'turnz', message: 'unknown field "turnz"' },
  { name: 'duplicate id', mutate: (s) => { s.deck[1].id = s.deck[0].id; }, path: 'deck[1].id', message: 'duplicate id "swarm-sighted"' },
  { name: 'duplicate region id', mutate: (s) => { s.regions.push({ ...s.regions[0], x: 200 }); }, path: 'regions[7].id', message: 'duplicate id "n-capital"' },
  { name: 'unknown reference: region owner', mutate: (s) => { s.regions[0].owner = 'nobody'; }, path: 'regions[0].owner', message: 'unknown role "nobody"' },
  { name: 'unknown reference: battery type', mutate: (s) => { s.batteries[2].type = 'thaad'; }, path: 'batteries[2].type', message: 'unknown battery type "thaad"' },
  { name: 'unknown reference: stockpile item', mutate: (s) => { s.stockpiles[1].item = 'pac-3'; }, path: 'stockpiles[1].item', message: 'unknown item "pac-3"' },
  { name: 'lane to an unknown region', mutate: (s) => { s.lanes[0].to = 'atlantis'; }, path: 'lanes[0].to', message: 'lane leads to an unknown region "atlantis"' },
  { name: 'lane to itself', mutate: (s) => { s.lanes[0].to = s.lanes[0].from; }, path: 'lanes[0].to', message: 'two different regions' },
  { name: 'objective on an unknown track', mutate: (s) => { s.objectives[0].condition = { compare: { track: 'morale' }, op: '>=', value: 1 }; }, path: 'objectives[0].condition.compare.track', message: 'unknown track "morale"' },
  { name: 'pair track naming an unknown role', mutate: (s) => { s.victory[0].condition.all[2].compare.track = 'trust:north+narnia'; }, path: 'victory[0].condition.all[2].compare.track', message: 'unknown role "narnia"' },
  { name: 'malformed track reference', mutate: (s) => { s.deck[1].effects[1].adjustTrack = 'Tension-East'; }, path: 'deck[1].effects[1].adjustTrack', message: 'is not a track' },
  { name: 'placeholder outside a move', mutate: (s) => { s.deck[0].effects = [{ adjustTrack: 'support:actor', by: 1 }]; }, path: 'deck[0].effects[0].adjustTrack', message: 'unknown role "actor"' },
  { name: 'probability above 1', mutate: (s) => { s.batteryTypes[0].sspk.drone = 1.5; }, path: 'batteryTypes[0].sspk.drone', message: 'expected a number ≤ 1, got 1.5' },
  { name: 'probability below 0', mutate: (s) => { s.theatres[0].detection = -0.1; }, path: 'theatres[0].detection', message: 'expected a number ≥ 0, got -0.1' },
  { name: 'negative count', mutate: (s) => { s.stockpiles[0].amount = -5; }, path: 'stockpiles[0].amount', message: 'expected a number ≥ 0, got -5' },
  { name: 'effect beyond its range', mutate: (s) => { s.deck[1].effects[1].by = 20; }, path: 'deck[1].effects[1].by', message: 'expected a number ≤ 10, got 20' },
  { name: 'no roles', mutate: (s) => { s.roles = []; }, path: 'roles', message: 'a scenario needs at least one role' },
  { name: 'oversized text', mutate: (s) => { s.summary = 'x'.repeat(5000); }, path: 'summary', message: 'text is too long: at most 800 characters, got 5000' },
  { name: 'empty text', mutate: (s) => { s.title = ''; }, path: 'title', message: 'must not be empty' },
  { name: 'turnLabels count mismatch', mutate: (s) => { s.turnLabels.pop(); }, path: 'turnLabels', message: 'expected one label per turn (8), got 7' },
  { name: 'shares not adding to 100', mutate: (s) => { s.lines[0].owners[1].share = 40; }, path: 'lines[0].owners', message: 'shares must add up to 100, got 91' },
  { name: 'value outside a fixed list', mutate: (s) => { s.roles[0].seat = 'robot'; }, path: 'roles[0].seat', message: 'expected one of "human", "bot", "facilitator", "scripted", got "robot"' },
  { name: 'malformed colour', mutate: (s) => { s.roles[1].colour = 'blue'; }, path: 'roles[1].colour', message: 'expected a colour like #e69f00' },
  { name: 'malformed id', mutate: (s) => { s.deck[0].id = 'Swarm Sighted'; }, path: 'deck[0].id', message: 'expected an id of lower-case letters, digits and dashes' },
  { name: 'wave target in another theatre', mutate: (s) => { s.waves[0].targets = ['n-port']; }, path: 'waves[0].targets[0]', message: 'region "n-port" is not in theatre "east"' },
  { name: 'wave minimum above maximum', mutate: (s) => { s.waves[0].min = 20; }, path: 'waves[0].max', message: 'expected max ≥ min (20), got 12' },
  { name: 'custom track starting outside its bounds', mutate: (s) => { s.tracks[0].start = 9; }, path: 'tracks[0].start', message: 'expected a start between 0 and 5, got 9' },
  { name: 'tech ladder out of order', mutate: (s) => { s.techLadder[1].level = 3; }, path: 'techLadder[1].level', message: 'expected level 2, got 3' },
  { name: 'unknown effect (typo in its key)', mutate: (s) => { s.deck[0].effects[0] = { incidnet: 'east' }; }, path: 'deck[0].effects[0]', message: 'does not match any allowed form' },
  { name: 'wrong format version', mutate: (s) => { s.formatVersion = 2; }, path: 'formatVersion', message: 'this game reads scenario format version 1, got 2' },
  { name: 'half cover not next to the battery', mutate: (s) => { s.batteries[0].halfCover = 's-port'; }, path: 'batteries[0].halfCover', message: 'is not next to "n-capital"' },
  { name: 'battery firing a launcher', mutate: (s) => { s.batteryTypes[0].interceptor = s.items.find((i: any) => i.kind === 'launcher').id; }, path: 'batteryTypes[0].interceptor', message: 'is a launcher, not an interceptor' },
  { name: 'wave after the last turn', mutate: (s) => { s.waves[0].toTurn = 30; }, path: 'waves[0].toTurn', message: 'turn 30 is after the last turn (8)' },
  { name: 'reserved role id', mutate: (s) => { s.roles[2].id = 'target'; for (const r of s.regions) if (r.owner === 'red') r.owner = 'target'; }, path: 'roles[2].id', message: '"target" is a reserved word', only: false },
  { name: 'pair listed twice', mutate: (s) => { s.pairs.push({ ...s.pairs[0], roles: [...s.pairs[0].roles].reverse() }); }, path: 'pairs[3].roles', message: 'is listed twice' },
  { name: 'arms race of a role with itself', mutate: (s) => { s.richardson.y = s.richardson.x; }, path: 'richardson.y', message: 'two different roles' },
  { name: 'unknown victory side', mutate: (s) => { s.victory[1].side = 'blue'; }, path: 'victory[1].side', message: 'unknown side "blue"' },
  // A value of the wrong type gets that one message, not also the length a list of it would need.
  { name: "a pair's roles written as text", mutate: (s) => { s.pairs[0].roles = 'x'; }, path: 'pairs[0].roles', message: 'expected a list, got "x"' },
  { name: 'the tech ladder written as text', mutate: (s) => { s.techLadder = 'L1'; }, path: 'techLadder', message: 'expected a list, got "L1"' },
];

describe('malformed scenarios', () => {
  it.each(BAD)('$name → $path', ({ mutate, path, message, only = true }) => {
    const s = fixture();
    mutate(s);
    const result = parseScenario(s);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ path, message: expect.stringContaining(message) });
    // One mistake, one error: no cascade of follow-on messages.
    if (only) expect(result.errors, JSON.stringify(result.errors)).toHaveLength(1);
  });

  it('a file that is not an object is one error on the whole file', () => {
    expect(parseScenario(null)).toEqual({ ok: false, errors: [{ path: '', message: 'expected an object, got null' }] });
    expect(parseScenario([])).toEqual({ ok: false, errors: [{ path: '', message: 'expected an object, got a list of 0' }] });
  });

  it('invalid JSON is caught before the schema and reported with its line', () => {
    const text = '{\n  "formatVersion": 1,\n  "id": "broken",\n}\n';
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.path).toBe('');
    expect(result.errors[0]!.message).toMatch(/^the file is not valid JSON( at line 4, column 1)?$/);
  });

  it('valid JSON text goes on to the schema', () => {
    const text = readFileSync(root('test/fixtures/all-mechanics.json'), 'utf8');
    expect(parseScenarioText(text).ok).toBe(true);
  });
});
