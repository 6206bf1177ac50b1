// What the game takes from Phaser at run time, as named exports of the lean build in phaserRuntime.cjs
// (vite.config.ts points 'phaser' here; types still come from the 'phaser' package). Named exports keep
// the CommonJS interop helpers inside the Phaser chunk, out of the game's own JS.
import Phaser from './phaserRuntime.cjs';

export const { AUTO, CANVAS, WEBGL, Game, Scene, Scale, Math, Geom, Curves, GameObjects, Input, Textures, Tweens, Loader } = Phaser;
