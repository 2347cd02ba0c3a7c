import { existsSync, readFileSync, statSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { BUILD_DIR } from './support/server-process';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The console as the build made it (dist/admin: scripts/test.sh builds before this tier) and as
 * the API sends it: a first load within budget, every file compressed the way the browser asks.
 */
const DIST = join(BUILD_DIR, 'admin');

/** Issue 13: what index.html loads, gzipped, in bytes (300 kB, as Vite counts them). */
const INITIAL_JS_BUDGET = 300_000;

/** Vite's account of the build: each chunk's file and the chunks it imports statically. */
type Manifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean; src?: string }>;

const readDist = (file: string) => readFileSync(join(DIST, file));
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * The JavaScript a browser fetches before the sign-in page can show: index.html's script and
 * modulepreload links, and whatever those import statically, transitively. Chunks loaded with
 * `import()` (the pages, the chart...) are not part of it.
 */
function initialScripts(manifest: Manifest, html: string): Set<string> {
  const files = new Set([...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/admin\/([^"]+\.js)"/g)].map(([, file]) => file));
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  Object.keys(manifest)
    .filter((key) => manifest[key].isEntry)
    .forEach(visit);
  return files;
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent: fetch() would decompress them. */
  body: Buffer;
}

function getRaw(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    get(`${baseUrl}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

const DECODE: Record<string, (body: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync };

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST} is missing: build the console first (npx nx run-many -t build)`);
  }
});

describe('the console build', () => {
  const manifest = JSON.parse(readDist('.vite/manifest.json').toString()) as Manifest;
  const initial = () => initialScripts(manifest, readDist('index.html').toString());

  it(`loads at most ${kB(INITIAL_JS_BUDGET)} of JavaScript (gzip) before the sign-in page`, () => {
    const files = [...initial()];
    const size = (file: string) => statSync(join(DIST, file)).size;
    const total = (suffix: string) => files.reduce((sum, file) => sum + size(file + suffix), 0);
    const gzip = total('.gz');
    console.log(
      `initial JavaScript: ${files.length} files, ${kB(total(''))}; gzip ${kB(gzip)}, brotli ${kB(total('.br'))} ` +
        `(budget ${kB(INITIAL_JS_BUDGET)} gzip)`,
    );
    expect(gzip).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it('loads every page on demand, the OAuth Applications grid included', () => {
    const pages = Object.values(manifest).filter((chunk) => chunk.isDynamicEntry);
    expect(pages.map((page) => page.src)).toEqual(
      expect.arrayContaining([
        'src/oauth-applications/OAuthApplicationList.tsx',
        'src/oauth-applications/OAuthApplicationShow.tsx',
        'src/oauth-applications/UsageChart.tsx',
        'src/email-templates/EmailTemplateEdit.tsx',
        'src/audit-events/AuditChangesPanel.tsx',
        'src/dashboard/index.ts',
      ]),
    );
    const loadedFirst = initial();
    expect(pages.filter((page) => loadedFirst.has(page.file))).toEqual([]);
  });

  it('has a brotli and a gzip copy of each script and of index.html, each the same file once decompressed', () => {
    for (const file of [...Object.values(manifest).map((chunk) => chunk.file), 'index.html']) {
      const original = readDist(file);
      expect(brotliDecompressSync(readDist(`${file}.br`)).equals(original)).toBe(true);
      expect(gunzipSync(readDist(`${file}.gz`)).equals(original)).toBe(true);
    }
  });
});

describe('the console served by the API', () => {
  let t: TestApp;
  const html = readDist('index.html');
  const entry = [...html.toString().matchAll(/<script\b[^>]*\bsrc="\/admin\/([^"]+)"/g)].map(([, file]) => file)[0];

  beforeAll(async () => {
    t = await startTestApp({}, { consoleDistDir: DIST });
  });
  afterAll(() => t.close());

  it.each([
    ['br', 'gzip, deflate, br'],
    ['br', 'br'],
    ['gzip', 'gzip, deflate'],
    ['gzip', 'br;q=0, gzip'],
  ])('sends a script as %s to a browser accepting "%s", cached for good', async (encoding, accepted) => {
    const answer = await getRaw(t.baseUrl, `/admin/${entry}`, { 'accept-encoding': accepted });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(encoding);
    expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(answer.headers['vary']).toMatch(/accept-encoding/i);
    expect(answer.headers['content-length']).toBe(String(answer.body.length));
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(DECODE[encoding](answer.body).equals(readDist(entry))).toBe(true);
  });

  it('sends the script itself to a client that accepts no compression, still saying it varies', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const answer = await getRaw(t.baseUrl, `/admin/${entry}`, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers['vary']).toMatch(/accept-encoding/i);
      expect(answer.body.equals(readDist(entry))).toBe(true);
    }
  });

  it.each(['/admin', '/admin/', '/admin/oauth-applications/5/show', '/admin/login'])(
    'answers %s with index.html, compressed as accepted, never cached without asking',
    async (path) => {
      for (const encoding of ['br', 'gzip']) {
        const answer = await getRaw(t.baseUrl, path, { 'accept-encoding': encoding });
        expect(answer.status).toBe(200);
        expect(answer.headers['content-encoding']).toBe(encoding);
        expect(answer.headers['content-type']).toMatch(/^text\/html/);
        expect(answer.headers['vary']).toMatch(/accept-encoding/i);
        expect(answer.headers['cache-control']).toBe('no-cache');
        expect(answer.headers['x-frame-options']).toBe('DENY');
        expect(DECODE[encoding](answer.body).equals(html)).toBe(true);
      }
      const plain = await getRaw(t.baseUrl, path);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(html)).toBe(true);
    },
  );

  it('gives the compressed copies no address of their own', async () => {
    const answer = await getRaw(t.baseUrl, `/admin/${entry}.br`);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.body.equals(html)).toBe(true);
  });
});
