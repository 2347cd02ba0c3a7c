import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export const CONSOLE_INDEX = Symbol('CONSOLE_INDEX');

export interface ConsoleIndex {
  /** Undefined when the SPA was not built: the API still runs, /admin says what to do. */
  html?: string;
}

export function readConsoleIndex(distDir: string): ConsoleIndex {
  const file = join(distDir, 'index.html');
  return { html: existsSync(file) ? readFileSync(file, 'utf8') : undefined };
}

/** Serves the built files; Vite fingerprints everything under assets/, so those are cached for good. */
export async function serveConsoleAssets(app: NestFastifyApplication, distDir: string): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/admin/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
