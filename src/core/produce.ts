import { produce } from 'immer';
import type { Scenario } from './scenario/schema';
import type { GameState } from './state';

// One immer `produce` over a game state, with the embedded scenario kept out of the draft.
// The scenario never changes during a game, but rules read it constantly; read through a draft,
// every region, card and role it touches would get its own proxy (most of an action's time).
// So the scenario is a frozen object assigned into the draft: immer hands back assigned values
// as they are and skips frozen ones when it finalises. The state's shape and hash are unchanged.

let deepFreeze = true;

/** Mirrors immer's auto-freeze setting: when on, the scenario is frozen all the way down too. */
export function setScenarioDeepFreeze(on: boolean): void {
  deepFreeze = on;
}

const sealed = new WeakMap<Scenario, Scenario>();

function freezeAll(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) freezeAll(child);
}

/** The scenario as a frozen object (the same one for every state of a game). */
export function sealScenario(scenario: Scenario): Scenario {
  if (Object.isFrozen(scenario)) return scenario;
  let found = sealed.get(scenario);
  if (!found) {
    found = { ...scenario };
    if (deepFreeze) freezeAll(found);
    else Object.freeze(found);
    sealed.set(scenario, found);
  }
  return found;
}

export function produceGame(state: GameState, recipe: (draft: GameState) => void): GameState {
  const scenario = sealScenario(state.scenario);
  const base: GameState = { ...state, scenario: undefined as unknown as Scenario };
  return produce(base, (draft) => {
    draft.scenario = scenario;
    recipe(draft as GameState);
  });
}
