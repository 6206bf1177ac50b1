import * as Phaser from 'phaser';
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

// WebGL drawn by the CPU (no usable GPU: SwiftShader, llvmpipe, Windows' basic adapter).
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * WebGL where a GPU draws it, else Phaser's Canvas renderer: software WebGL pays for every pixel of
 * every frame in the GPU process and waits on it, Canvas 2D draws the same board several times
 * faster there (docs/performance.md). `?renderer=webgl|canvas` forces one, for comparisons.
 */
function rendererType(): number {
  // Only the two documented values count; anything else is the automatic choice.
  const asked = new URLSearchParams(location.search).get('renderer');
  if (asked === 'canvas') return Phaser.CANVAS;
  if (asked === 'webgl') return Phaser.WEBGL;
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return Phaser.CANVAS;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE_GL.test(name) ? Phaser.CANVAS : Phaser.AUTO;
}

/** Creates the Phaser game (WebGL on a GPU, Canvas where WebGL would be drawn in software). */
export function startGame(parent: string): void {
  // Frozen states catch stray mutation while developing; the production build skips the cost.
  setCoreAutoFreeze(!import.meta.env.PROD);
  const game = new Phaser.Game({
    type: rendererType(),
    parent,
    width: GAME_WIDTH,
    height: GAME_HEIGHT,
    backgroundColor: palette.background,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    banner: false,
    // The game has no sound: Phaser would otherwise open a Web Audio context at boot (≈0.5 s on a cold load here).
    audio: { noAudio: true },
    // The first scene starts at once: the Preloader draws its own loading screen (a Boot scene before it only passed it on).
    scene: [Preloader, MainMenu, Briefing, Game, GameOver, ReplayViewer, Projector],
  });
  // A handle for the browser tests and for curious players in the console.
  const w = window as unknown as { __forge?: { game?: Phaser.Game } };
  (w.__forge ??= {}).game = game;
}
