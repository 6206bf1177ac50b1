import {
  applyAction, createGame, legalActions, replay, setCoreAutoFreeze, viewFor,
  type Action, type GameState, type Scenario, type Seats,
} from '../core';
import { botRandom, decide, DEFAULT_LOOKAHEAD, lookaheadCounters, playGame, type LookaheadOptions } from '../bots';
import { levelOf, actorOf } from '../bots/play';
import { loadScenario, scenarioIds, standardSeats } from './scenarioFiles';
import { fixed, leastMicros, machine, mean, median, printTable, quantile, writeSection, type Row } from './benchStats';

// npm run bench [-- --games N] [--scenarios a,b] [--decisions D]
// Node figures of docs/performance.md: the rules core per action (auto-freeze off and on) against one
// structuredClone of the same states, verifying 1,000-action replays, all-bot games per minute and the
// lookahead bot's decisions. Single-threaded; each short timing is the least of a few runs, so a busy
// machine's preemptions drop out (the machine line says how busy it was).

interface Recorded { seed: string; actions: Action[]; ms: number }
interface Options { games: number; scenarios: string[]; decisions: number }

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { games: 100, scenarios: scenarioIds(), decisions: 10 };
  for (let k = 0; k < argv.length; k++) {
    const [flag, value] = [argv[k], argv[k + 1]];
    if (flag === '--games' && value) { o.games = Math.max(1, Number(value)); k++; }
    else if (flag === '--scenarios' && value) { o.scenarios = value.split(','); k++; }
    else if (flag === '--decisions' && value) { o.decisions = Math.max(1, Number(value)); k++; }
    else throw new Error(`Unknown argument ${flag}. Usage: npm run bench -- [--games N] [--scenarios a,b] [--decisions D]`);
  }
  return o;
}

function load(id: string): Scenario {
  const loaded = loadScenario(id);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.value.scenario;
}

function record(scenario: Scenario, seats: Seats, games: number): Recorded[] {
  const out: Recorded[] = [];
  for (let seed = 1; seed <= games; seed++) {
    const t0 = performance.now();
    const game = playGame(scenario, String(seed), seats, { turnHashes: false });
    out.push({ seed: String(seed), actions: game.actions, ms: performance.now() - t0 });
  }
  return out;
}

interface CoreFigures { actions: number; medianUs: number; p90Us: number; meanUs: number }

/** Replays every recorded stream, timing each applyAction (least of 3) on the state it was taken in. */
function timeActions(scenario: Scenario, seats: Seats, games: readonly Recorded[], clones: number[] | null): CoreFigures {
  const times: number[] = [];
  for (const g of games) {
    let s: GameState = createGame(scenario, g.seed, seats);
    g.actions.forEach((a, i) => {
      const state = s;
      times.push(leastMicros(() => applyAction(state, a), 3));
      const r = applyAction(state, a);
      if (!r.ok) throw new Error(`${scenario.id} seed ${g.seed}: recorded action ${i} refused: ${r.rejection.message}`);
      s = r.state;
      if (clones && i % 10 === 0) clones.push(leastMicros(() => structuredClone(state), 2));
    });
  }
  return { actions: times.length, medianUs: median(times), p90Us: quantile(times, 0.9), meanUs: mean(times) };
}

// Production figures come first, in a process that has never turned immer's auto-freeze on: states made
// with it on have other hidden classes (frozen objects), and timing production code after it has seen
// them measured code that production never runs (the rules read ~15 % slower). The auto-freeze figure
// is taken last, on the same recorded games.
function benchCore(o: Options) {
  const perScenario: Record<string, Record<string, unknown>> = {};
  const allOff: number[] = [];
  const allClone: number[] = [];
  let umbrella: { games: number; msPerGame: number; medianMsPerGame: number; gamesPerMinute: number } | null = null;
  const longGames: { scenario: Scenario; seats: Seats; game: Recorded }[] = [];
  const recorded: { id: string; scenario: Scenario; seats: Seats; games: Recorded[] }[] = [];
  setCoreAutoFreeze(false);
  for (const id of o.scenarios) {
    const scenario = load(id);
    const seats = standardSeats(scenario);
    const games = record(scenario, seats, o.games);
    if (id === 'umbrella-gap') {
      const ms = games.map((g) => g.ms);
      umbrella = { games: games.length, msPerGame: mean(ms), medianMsPerGame: median(ms), gamesPerMinute: 60_000 / mean(ms) };
    }
    for (const g of games) if (g.actions.length >= 1000) longGames.push({ scenario, seats, game: g });
    const clones: number[] = [];
    const off = timeActions(scenario, seats, games, clones);
    perScenario[id] = {
      games: games.length, actions: off.actions, productionMedianUs: off.medianUs, productionP90Us: off.p90Us, productionMeanUs: off.meanUs,
      structuredCloneMedianUs: median(clones), ratio: off.medianUs / median(clones),
    };
    console.log(`${id}: ${games.length} games, ${off.actions} actions, production median ${fixed(off.medianUs)} µs, structuredClone median ${fixed(median(clones))} µs`);
    allClone.push(...clones);
    allOff.push(off.medianUs);
    recorded.push({ id, scenario, seats, games });
  }
  return { perScenario, umbrella, longGames, recorded, scenarioMedianOff: median(allOff), cloneMedian: median(allClone) };
}

/** The rules with auto-freeze on (tests, development), on the games benchCore recorded: run last (see benchCore). */
function benchFrozen(recorded: { id: string; scenario: Scenario; seats: Seats; games: Recorded[] }[], perScenario: Record<string, Record<string, unknown>>): number {
  const allOn: number[] = [];
  setCoreAutoFreeze(true);
  for (const { id, scenario, seats, games } of recorded) {
    const on = timeActions(scenario, seats, games, null);
    perScenario[id]!.freezeMedianUs = on.medianUs;
    perScenario[id]!.freezeMeanUs = on.meanUs;
    console.log(`${id}: auto-freeze median ${fixed(on.medianUs)} µs`);
    allOn.push(on.medianUs);
  }
  setCoreAutoFreeze(false);
  return median(allOn);
}

function benchReplay(longGames: { scenario: Scenario; seats: Seats; game: Recorded }[]) {
  setCoreAutoFreeze(false);
  const times: number[] = [];
  const verified: { scenario: Scenario; seats: Seats; game: Recorded; actions: Action[]; hashes: string }[] = [];
  for (const { scenario, seats, game } of longGames.slice(0, 20)) {
    const actions = game.actions.slice(0, 1000);
    let hashes = '';
    times.push(leastMicros(() => {
      const r = replay(scenario, game.seed, seats, actions);
      if (r.failure) throw new Error(`${scenario.id} seed ${game.seed}: replay refused an action`);
      hashes = r.turnHashes.join();
    }, 3) / 1000);
    verified.push({ scenario, seats, game, actions, hashes });
  }
  return { replays: times.length, medianMs: median(times), maxMs: Math.max(...times), verified };
}

/** The replays' turn hashes against a run with auto-freeze on: verifying also checks the two modes agree (run last, see benchCore). */
function checkReplaysFrozen(verified: { scenario: Scenario; seats: Seats; game: Recorded; actions: Action[]; hashes: string }[]): void {
  setCoreAutoFreeze(true);
  for (const { scenario, seats, game, actions, hashes } of verified)
    if (replay(scenario, game.seed, seats, actions).turnHashes.join() !== hashes) throw new Error(`${scenario.id} seed ${game.seed}: replay diverged between auto-freeze off and on`);
  setCoreAutoFreeze(false);
}

function benchLookahead(decisions: number, options: Partial<LookaheadOptions>) {
  const scenario = load('umbrella-gap');
  const seats = standardSeats(scenario);
  const role = scenario.roles.find((r) => r.kind !== 'red' && seats[r.id]?.kind === 'bot')!.id;
  seats[role] = { kind: 'bot', level: 'lookahead' };
  setCoreAutoFreeze(false);
  const times: number[] = [];
  const rollouts: number[] = [];
  for (let seed = 1; times.length < decisions && seed <= 50; seed++) {
    let s = createGame(scenario, String(seed), seats);
    while (!s.outcome && times.length < decisions) {
      const actor = actorOf(s)!;
      const legal = legalActions(s, actor);
      const before = lookaheadCounters.rollouts;
      const t0 = performance.now();
      let action = decide(viewFor(s, actor), legal, botRandom(s, actor), levelOf(seats, actor), options);
      if (actor === role && lookaheadCounters.rollouts > before) {
        times.push(performance.now() - t0);
        rollouts.push(lookaheadCounters.rollouts - before);
      }
      let r = applyAction(s, action);
      if (!r.ok) { action = (legal.find((l) => l.action.type === 'endPhase') ?? legal[0]!).action; r = applyAction(s, action); }
      if (!r.ok) throw new Error('lookahead bench: fallback refused');
      s = r.state;
    }
  }
  return {
    role, options: { ...DEFAULT_LOOKAHEAD, ...options }, decisions: times.length, medianMs: median(times), p90Ms: quantile(times, 0.9), leastMs: Math.min(...times),
    rolloutsMedian: median(rollouts), rolloutsLeast: Math.min(...rollouts), msPerRollout: mean(times) / Math.max(1, mean(rollouts)),
  };
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const host = machine();
  console.log(`Bench on ${host.cpu}, ${host.cores} cores, load average ${host.loadAverage.join(' ')}, calibration loop ${host.calibrationMs} ms, ${host.date}`);
  const core = benchCore(o);
  const rep = core.longGames.length > 0 ? benchReplay(core.longGames) : null;
  const look = o.scenarios.includes('umbrella-gap') ? benchLookahead(o.decisions, {}) : null;
  // Development mode last: nothing production-mode is timed after auto-freeze has been on.
  if (rep) checkReplaysFrozen(rep.verified);
  const frozenMedian = benchFrozen(core.recorded, core.perScenario);
  const prodMedian = core.scenarioMedianOff;
  const ratio = prodMedian / core.cloneMedian;
  const rows: Row[] = [
    { figure: 'core action, production (median of scenario medians)', value: `${fixed(prodMedian)} µs`, budget: '≤ 5 µs', ok: prodMedian <= 5 },
    { figure: 'core action, auto-freeze on (median of scenario medians)', value: `${fixed(frozenMedian)} µs`, budget: '(reported)', ok: null },
    { figure: 'structuredClone of the same states (median)', value: `${fixed(core.cloneMedian)} µs`, budget: '(reported)', ok: null },
    { figure: 'core action / structuredClone', value: `1/${fixed(1 / ratio, 0)}`, budget: '≤ 1/20', ok: ratio <= 1 / 20 },
    rep
      ? { figure: `verify 1,000-action replay with turn hashes (median of ${rep.replays})`, value: `${fixed(rep.medianMs)} ms`, budget: '< 50 ms', ok: rep.medianMs < 50 }
      : { figure: 'verify 1,000-action replay', value: 'no game that long', budget: '< 50 ms', ok: null },
  ];
  if (core.umbrella)
    rows.push({ figure: `umbrella-gap all-bot standard games per minute (${core.umbrella.games} games)`, value: fixed(core.umbrella.gamesPerMinute, 0), budget: '≥ 2,000', ok: core.umbrella.gamesPerMinute >= 2000 });
  if (look) {
    const { candidates, samples } = DEFAULT_LOOKAHEAD;
    rows.push({
      figure: `lookahead decision, default options ${candidates}×${samples} (median of ${look.decisions})`,
      value: `${fixed(look.medianMs)} ms, ${look.rolloutsMedian} rollouts`, budget: '≤ 250 ms, ≥ 200 rollouts', ok: look.medianMs <= 250 && look.rolloutsMedian >= 200,
    });
  }
  printTable('Forge & Shield benchmarks (Node)', rows);
  writeSection('node', { machine: host, options: o, core: { perScenario: core.perScenario, productionMedianUs: prodMedian, freezeMedianUs: frozenMedian, structuredCloneMedianUs: core.cloneMedian, ratio }, replay: rep && { replays: rep.replays, medianMs: rep.medianMs, maxMs: rep.maxMs }, simulator: core.umbrella, lookahead: look, rows });
  console.log('\nWritten to bench/results.json.');
}

main();
