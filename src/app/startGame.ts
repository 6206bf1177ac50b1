import * as Phaser from 'phaser';
import { Boot } from '../scenes/Boot';
import { Preloader } from '../scenes/Preloader';
import { MainMenu } from '../scenes/MainMenu';
import { Briefing } from '../scenes/Briefing';
import { Game } from '../scenes/Game';
import { GameOver } from '../scenes/GameOver';
import { ReplayViewer } from '../scenes/ReplayViewer';
import { Projector } from '../scenes/Projector';
import { palette } from '../view/theme';
import { setCoreAutoFreeze } from '../core';

export const GAME_WIDTH = 1280;
export const GAME_HEIGHT = 720;

/** Creates the Phaser game: WebGL where the browser has it, Canvas otherwise (Phaser.AUTO). */
export function startGame(parent: string): Phaser.Game {
  // Frozen states catch stray mutation while developing; the production build skips the cost.
  setCoreAutoFreeze(!import.meta.env.PROD);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: GAME_WIDTH,
    height: GAME_HEIGHT,
    backgroundColor: palette.background,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    banner: false,
    scene: [Boot, Preloader, MainMenu, Briefing, Game, GameOver, ReplayViewer, Projector],
  });
  // A handle for the browser tests and for curious players in the console.
  const w = window as unknown as { __forge?: { game?: Phaser.Game } };
  (w.__forge ??= {}).game = game;
  return game;
}
