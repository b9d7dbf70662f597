// The console's build (`npx nx run console:build`): a small React SPA, served by ConsoleModule at
// /console, so every asset URL starts there. Output in dist/console at the workspace root.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(__dirname, 'app'),
  base: '/console/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(__dirname, '../../dist/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
