import type { GameState } from './state';

export function emptyTurnStatsValue(): GameState['turnStats'] {
  return { leakers: {}, intercepted: {}, fired: 0, interceptorCost: 0, threatCost: 0, reassured: {}, launched: {} };
}
