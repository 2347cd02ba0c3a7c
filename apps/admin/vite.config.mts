import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The NestJS app serves the console at /admin/ and its API at /admin/api; in
// development the Vite server stands in for the former and forwards the rest.
const apiTarget = process.env.KEYHOUSE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fromHere('.'),
  base: '/admin/',
  plugins: [react()],
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
    rolldownOptions: {
      output: {
        // Vendor code changes far less often than ours: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 3 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
