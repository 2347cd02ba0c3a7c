import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** What the build emits as text; images and fonts are compressed already. */
const TEXT = /\.(html|js|mjs|css|svg|json|txt)$/;

/** Both at their strongest: it costs build time once, never a request's time. */
const ENCODINGS = [
  {
    extension: '.br',
    compress: (data: Buffer) =>
      brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  },
  { extension: '.gz', compress: (data: Buffer) => gzipped(data, { level: constants.Z_BEST_COMPRESSION }) },
];

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to each text file of the build, which
 * the API sends to browsers that accept them (libs/api/platform's serveConsoleAssets).
 */
export function precompress(): Plugin {
  return {
    name: 'keyhouse:precompress',
    apply: 'build',
    async writeBundle({ dir }, bundle) {
      if (!dir) throw new Error('precompress needs the build to write into a directory (build.outDir)');
      // .vite/manifest.json describes the build for tools and tests; it is not served.
      const files = Object.keys(bundle).filter((file) => TEXT.test(file) && !file.startsWith('.vite/'));
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          const data = await readFile(path);
          for (const { extension, compress } of ENCODINGS) await writeFile(path + extension, await compress(data));
        }),
      );
    },
  };
}
