import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { precompress } from './precompress.mts';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The NestJS app serves the console at /admin/ and its API at /admin/api; in
// development the Vite server stands in for the former and forwards the rest.
const apiTarget = process.env.KEYHOUSE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fromHere('.'),
  base: '/admin/',
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      '@keyhouse/shared-contracts': fromHere('../../libs/shared/contracts/src/index.ts'),
    },
  },
  server: {
    port: 4200,
    proxy: {
      '/admin/api': apiTarget,
      '/health': apiTarget,
    },
  },
  build: {
    outDir: fromHere('../../dist/admin'),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page imports, statically or on demand (read by the first-load budget test).
    manifest: true,
    rolldownOptions: {
      // Our modules do nothing when imported but define things (like MUI's and react-admin's, whose
      // package.json says so): a barrel such as common/index.ts then brings only what is used, and
      // a page's code cannot slip into the first load through a re-export.
      treeshake: {
        moduleSideEffects: [{ test: /apps[\\/]admin[\\/]src[\\/]|libs[\\/]shared[\\/]/, sideEffects: false }],
      },
      output: {
        // The libraries of the first load (the sign-in page and the layout) in chunks of their own
        // ($initial: what index.html's script imports statically); the libraries the pages use
        // besides, in one more. Library code changes far less often than ours, so these stay
        // cached across releases; and a page is a handful of requests rather than fifty small
        // chunks (the grid needs nearly all of pages-vendor anyway; the first page opened, often
        // the dashboard, fetches it for the others).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 3, tags: ['$initial'] },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, priority: 2, tags: ['$initial'] },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1, tags: ['$initial'] },
            { name: 'pages-vendor', test: /node_modules[\\/]/, priority: 0 },
          ],
        },
      },
    },
  },
});
