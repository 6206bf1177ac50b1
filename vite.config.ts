import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Phaser's sources decide features by `typeof FLAG` (its own builds set them with webpack's DefinePlugin).
const PHASER_FLAGS: Record<string, string> = {
  CANVAS_RENDERER: '"boolean"', WEBGL_RENDERER: '"boolean"', WEBGL_DEBUG: 'false', FEATURE_SOUND: 'false', PLUGIN_FBINSTANT: 'false',
};
const phaserFlags: Plugin = {
  name: 'phaser-flags',
  transform(code, id) {
    if (!/node_modules[\\/]phaser[\\/]src[\\/]/.test(id)) return null;
    return code.replace(/typeof (CANVAS_RENDERER|WEBGL_RENDERER|WEBGL_DEBUG|FEATURE_SOUND|PLUGIN_FBINSTANT)\b/g, (_, flag: string) => PHASER_FLAGS[flag]!);
  },
};

// seedrandom's alea is a UMD file (CommonJS when `module` is there). Given a module object of its own and exported
// as ESM, the same code needs none of the bundler's CommonJS helpers, which then stay with Phaser's sources alone
// (instead of a chunk of their own counted in the game's JS).
const aleaAsEsm: Plugin = {
  name: 'alea-as-esm',
  apply: 'build',
  transform(code, id) {
    if (!/node_modules[\\/]seedrandom[\\/]lib[\\/]alea\.js$/.test(id)) return null;
    return `var module = { exports: {} }, define;\n${code}\nexport default module.exports;\n`;
  },
};

// The dev server keeps the prebuilt bundle (it serves sources as ES modules; Phaser's are CommonJS).
export default defineConfig(({ command }) => ({
  base: './',
  // assets/ is served and copied as is (icons, board art, fonts).
  publicDir: 'assets',
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  plugins: [phaserFlags, aleaAsEsm],
  resolve: {
    alias: command !== 'build' ? [] : [
      // The part of Phaser the game uses, built from Phaser's sources (src/view/phaserRuntime.*), not the whole prebuilt bundle.
      { find: /^phaser$/, replacement: here('./src/view/phaserRuntime.js') },
      { find: /^phaser\/src\/(.*)$/, replacement: `${here('./node_modules/phaser/src/')}$1` },
    ],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Every browser that runs this build (ES2022 modules) preloads the Phaser chunk itself; the polyfill was dead weight in the budgeted JS.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser|phaserRuntime/ }],
        },
      },
    },
  },
}));
