import { applyAction, createGame, legalActions, type Action, type GameState, type Scenario, type Seats } from '../../src/core';
import { botAction } from '../../src/bots';

/** Plays a game with bots in every playing seat; `facilitate` may add facilitator acts before each bot move. */
export function playWithFacilitator(scenario: Scenario, seed: string, seats: Seats, facilitate: (s: GameState) => Action[] = () => []): { state: GameState; actions: Action[] } {
  let state = createGame(scenario, seed, seats);
  const actions: Action[] = [];
  const take = (a: Action) => {
    const result = applyAction(state, a);
    if (!result.ok) throw new Error(`${a.type} refused: ${result.rejection.message}`);
    state = result.state;
    actions.push(a);
  };
  for (let guard = 0; !state.outcome && guard < 20_000; guard++) {
    for (const a of facilitate(state)) if (!state.outcome) take(a);
    if (state.outcome) break;
    const role = state.pendingChoice?.role ?? state.queue[0];
    if (!role) throw new Error(`nobody can act in turn ${state.turn}`);
    const seat = state.seats[role];
    if (legalActions(state, role).length === 0) throw new Error(`${role} cannot act`);
    take(botAction(state, role, seat?.kind === 'bot' ? seat.level : 'easy'));
  }
  return { state, actions };
}

/** Splits CSV text (quoted cells allowed) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}
