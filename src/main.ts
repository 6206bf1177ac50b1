import { startGame } from './app/startGame';

startGame('game');
