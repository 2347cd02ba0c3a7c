import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';

describe('health probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('/health/live and /health/ready answer without a session', async () => {
    expect(await t.client().get('/health/live')).toEqual(expect.objectContaining({ status: 200, body: { status: 'ok' } }));
    expect(await t.client().get('/health/ready')).toEqual(
      expect.objectContaining({ status: 200, body: { status: 'ok', checks: { database: 'up' } } }),
    );
  });

  it('/health/ready answers 503 while the database is unreachable, and 200 again once it is back', async () => {
    await t.dataSource.destroy();
    try {
      const down = await t.client().get('/health/ready');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ message: 'Database unreachable.' });
      expect((await t.client().get('/health/live')).status).toBe(200);
    } finally {
      await t.dataSource.initialize();
    }
    expect((await t.client().get('/health/ready')).status).toBe(200);
  });
});

describe('closing the app', () => {
  it('cuts a connection whose client stopped reading once the grace period is over, instead of waiting for it forever', async () => {
    const t = await startTestApp({}, { shutdownGraceMs: 300 });
    const script = '/admin/api/docs/swagger-ui-bundle.js';
    const scriptBytes = (await (await fetch(`${t.baseUrl}${script}`)).arrayBuffer()).byteLength;
    const socket = connect(Number(new URL(t.baseUrl).port), '127.0.0.1');
    await once(socket, 'connect');
    socket.pause();
    // Twenty pipelined copies of a 1 MB script: far more than the socket buffers hold, so the
    // server is still writing when it is asked to close.
    socket.write(`GET ${script} HTTP/1.1\r\nHost: keyhouse.test\r\n\r\n`.repeat(20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.close();
    // Reading again drains what was buffered, then the connection ends: cut, not completed.
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.on('error', () => undefined);
    socket.resume();
    await once(socket, 'close');
    expect(received).toBeLessThan(20 * scriptBytes);
  });
});

describe('the console at /admin', () => {
  let t: TestApp;
  const dist = mkdtempSync(join(tmpdir(), 'keyhouse-console-'));

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Keyhouse</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("console")');
    t = await startTestApp({}, { consoleDistDir: dist });
  });
  afterAll(() => t.close());

  it.each(['/admin', '/admin/', '/admin/users', '/admin/users/1/show'])('serves the SPA at %s, framing refused', async (path) => {
    const answer = await t.client().get(path);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.body).toContain('<title>Keyhouse</title>');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves fingerprinted assets with a long cache lifetime', async () => {
    const answer = await t.client().get('/admin/assets/index-abc123.js');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers an unknown API path with a JSON 404, never the SPA', async () => {
    const answer = await t.client().get('/admin/api/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ message: 'Cannot GET /admin/api/nothing-here' });
  });

  it('says how to build the console when it has not been built', async () => {
    const unbuilt = await startTestApp();
    try {
      const answer = await unbuilt.client().get('/admin');
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ message: expect.stringContaining('npm start') });
    } finally {
      await unbuilt.close();
    }
  });
});
