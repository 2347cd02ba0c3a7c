import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

export const CONSOLE_INDEX = Symbol('CONSOLE_INDEX');

/** The SPA's entry page, which every console path answers with. */
export const CONSOLE_INDEX_FILE = 'index.html';

export interface ConsoleIndex {
  /** False when the SPA was not built: the API still runs, /admin says what to do. */
  built: boolean;
}

export function readConsoleIndex(distDir: string): ConsoleIndex {
  return { built: existsSync(join(distDir, CONSOLE_INDEX_FILE)) };
}

/** What the console's page is sent with, whichever path it answers. */
const PAGE_HEADERS = {
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Referrer-Policy': 'same-origin',
};

const consoleHeaders = (distDir: string) => {
  // Vite fingerprints everything under assets/: a changed file gets a new name, so these are cached for good.
  const fingerprinted = join(distDir, 'assets') + sep;
  return (reply: FastifyReply, path: string): void => {
    if (path.startsWith(fingerprinted)) {
      reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      return;
    }
    // Asked again each time (a 304 when unchanged), so a release reaches every browser at once.
    reply.header('Cache-Control', 'no-cache');
    if (/\.html(\.br|\.gz)?$/.test(path)) reply.headers(PAGE_HEADERS);
  };
};

/**
 * Serves the built files. The build writes a brotli (.br) and a gzip (.gz) copy of each text
 * file (apps/admin/precompress.mts); the one the browser's Accept-Encoding prefers is sent, with
 * `Vary: Accept-Encoding`, or the file itself to a client that accepts neither. The copies have
 * no URL of their own.
 */
export async function serveConsoleAssets(app: NestFastifyApplication, distDir: string): Promise<void> {
  if (!readConsoleIndex(distDir).built) return;
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/admin/',
    wildcard: false,
    globIgnore: ['**/*.br', '**/*.gz'],
    preCompressed: true,
    index: false,
    cacheControl: false,
    setHeaders: consoleHeaders(distDir),
  });
}
