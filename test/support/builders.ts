import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { produce } from 'immer';
import {
  applyAction, createGame, legalActions, parseScenario,
  type Action, type GameEvent, type GameState, type Scenario, type Seats,
} from '../../src/core';

// A small state builder for rule tests: load a scenario, start a game, adjust it, act.

export function readScenarioJson(file: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', file), 'utf8'));
}

export function parseOrThrow(json: unknown): Scenario {
  const result = parseScenario(json);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

export function fixture(edit?: (json: Record<string, any>) => void): Scenario {
  const json = readScenarioJson('test/fixtures/all-mechanics.json') as Record<string, any>;
  edit?.(json);
  return parseOrThrow(json);
}

export function newGame(options: { scenario?: Scenario; seed?: string; seats?: Seats } = {}): GameState {
  const scenario = options.scenario ?? fixture();
  return createGame(scenario, options.seed ?? 'test-seed', options.seats);
}

export function edit(state: GameState, recipe: (draft: GameState) => void): GameState {
  return produce(state, (draft) => { recipe(draft as GameState); });
}

/** Applies an action that must be legal; fails the test with the rejection otherwise. */
export function act(state: GameState, action: Action): { state: GameState; events: GameEvent[] } {
  const result = applyAction(state, action);
  if (!result.ok) throw new Error(`rejected ${JSON.stringify(action)}: ${result.rejection.code} ${result.rejection.message}`);
  return { state: result.state, events: result.events };
}

/** The role that must act now: an event chooser or the role on step. */
export function actingRole(state: GameState): string | undefined {
  return state.pendingChoice?.role ?? state.queue[0];
}

/** Ends steps (answering nothing else) until the game reaches the phase, or turn, asked for. */
export function advanceTo(state: GameState, until: (s: GameState) => boolean, limit = 500): GameState {
  let s = state;
  for (let i = 0; i < limit && !until(s) && !s.outcome; i++) {
    const role = actingRole(s);
    if (!role) break;
    const options = legalActions(s, role);
    const end = options.find((o) => o.action.type === 'endPhase') ?? options.find((o) => o.action.type === 'answerProposal' && !(o.action as { accept: boolean }).accept) ?? options[0];
    if (!end) break;
    s = act(s, end.action).state;
  }
  return s;
}

/** Plays seeded-random legal actions to the end; returns the log of actions. */
export function playRandom(state: GameState, pick: (n: number) => number, limit = 5000): { state: GameState; actions: Action[] } {
  let s = state;
  const actions: Action[] = [];
  for (let i = 0; i < limit && !s.outcome; i++) {
    const role = actingRole(s);
    if (!role) throw new Error(`nobody to act in ${s.phase} of turn ${s.turn}`);
    const options = legalActions(s, role);
    if (options.length === 0) throw new Error(`no legal action for ${role} in ${s.phase}`);
    const choice = options[pick(options.length)]!;
    const result = applyAction(s, choice.action);
    if (!result.ok) throw new Error(`legal action rejected: ${JSON.stringify(choice.action)} ${result.rejection.code} ${result.rejection.message}`);
    s = result.state;
    actions.push(choice.action);
  }
  return { state: s, actions };
}
