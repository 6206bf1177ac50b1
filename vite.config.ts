import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  // assets/ is served and copied as is (icons, board art, fonts).
  publicDir: 'assets',
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Every browser that runs this build (ES2022 modules) preloads the Phaser chunk itself; the polyfill was dead weight in the budgeted JS.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }],
        },
      },
    },
  },
});
