import { applyAction, closedTurns, createGame, logSize, stateHash, type Action, type GameEvent, type GameState, type Scenario, type Seats } from '../core';

// A replay laid out for watching: the state before and after every action, where each turn begins,
// and the hash after each turn as the rules compute it here. Built once, then the viewer moves freely.

export interface TimelineInput { scenario: Scenario; seed: string; seats: Seats; actions: readonly Action[] }

export class ReplayTimeline {
  /** states[i] is the state before actions[i]; the last is the state after the last playable action. */
  readonly states: GameState[];
  readonly events: (readonly GameEvent[])[] = [];
  /** The actions that could be re-run (all of them, unless one was refused). */
  readonly actions: Action[];
  readonly refused: { index: number; message: string } | null;
  readonly turnHashes: string[] = [];

  constructor(input: TimelineInput) {
    let state = createGame(input.scenario, input.seed, input.seats);
    this.states = [state];
    this.actions = [];
    let refused: ReplayTimeline['refused'] = null;
    for (const [i, action] of input.actions.entries()) {
      const result = applyAction(state, action);
      if (!result.ok) { refused = { index: i, message: result.rejection.message }; break; }
      const before = state.turn;
      state = result.state;
      this.states.push(state);
      this.events.push(result.events);
      this.actions.push(action);
      // As replay() records them: every turn an action closed gets the hash after that action.
      const closed = closedTurns(state, before, this.turnHashes[before - 1] !== undefined);
      if (closed) {
        const hash = stateHash(state);
        for (let t = closed.from; t <= closed.to; t++) this.turnHashes[t - 1] = hash;
      }
    }
    this.refused = refused;
  }

  /** Number of positions - 1: position n shows the game after n actions. */
  get length(): number {
    return this.actions.length;
  }

  stateAt(position: number): GameState {
    return this.states[Math.max(0, Math.min(position, this.length))]!;
  }

  /** The first position of a turn: the state just after the action that opened it (0 for turn 1). */
  startOfTurn(turn: number): number {
    if (turn <= 1) return 0;
    for (let p = 0; p <= this.length; p++) if (this.states[p]!.turn >= turn) return p;
    return this.length;
  }

  /** Log lines the action at `index` produced (index 0 = the first action). */
  linesOf(index: number): { from: number; to: number } {
    const size = (s: GameState | undefined) => (s ? logSize(s.log) : 0);
    return { from: size(this.states[index]), to: size(this.states[index + 1]) };
  }

  get lastTurn(): number {
    return this.stateAt(this.length).turn;
  }
}
