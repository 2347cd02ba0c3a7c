import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import passport from 'passport';
import { authenticate, challengeOf } from './passport-on-fastify';

/** What a strategy sees of a request here: Passport types it as Express's, whose headers are Node's. */
type SeenRequest = { headers: IncomingHttpHeaders };
type Decision = (strategy: passport.StrategyCreatedStatic, request: SeenRequest) => void;

/** A strategy that decides whatever the test tells it to. */
class ScriptedStrategy extends passport.Strategy {
  override name = 'scripted';

  constructor(private readonly decide: Decision) {
    super();
  }

  override authenticate(request: SeenRequest): void {
    this.decide(this, request);
  }
}

const request = { headers: {} } as FastifyRequest;
const run = (decide: Decision) => authenticate<{ id: number }>(new ScriptedStrategy(decide), request);

describe('authenticate (Passport on Fastify)', () => {
  it('answers a redirect as a value instead of writing to a Node response', async () => {
    expect(await run((strategy) => strategy.redirect('https://provider.example/authorize?state=s'))).toEqual({
      kind: 'redirect',
      location: 'https://provider.example/authorize?state=s',
      status: 302,
    });
    expect(await run((strategy) => strategy.redirect('/elsewhere', 303))).toEqual({ kind: 'redirect', location: '/elsewhere', status: 303 });
  });

  it('answers a success with its user', async () => {
    expect(await run((strategy) => strategy.success({ id: 7 }))).toEqual({ kind: 'success', user: { id: 7 } });
  });

  it('answers a refusal with its challenge and status', async () => {
    const outcome = await run((strategy) => strategy.fail('Bearer error="invalid_token"', 401));
    expect(outcome).toEqual({ kind: 'fail', challenge: 'Bearer error="invalid_token"', status: 401 });
    expect(challengeOf(outcome)).toBe('Bearer error="invalid_token"');
    expect(challengeOf(await run((strategy) => strategy.fail(401)))).toBeUndefined();
  });

  it('rejects with the strategy\'s error, and when it decides nothing', async () => {
    await expect(run((strategy) => strategy.error(new Error('provider down')))).rejects.toThrow('provider down');
    await expect(run((strategy) => strategy.pass())).rejects.toThrow('The scripted strategy neither accepted nor refused the request.');
  });

  it('keeps requests that one strategy decides at the same time apart', async () => {
    // Each request is decided after the next one, as database lookups may finish.
    const strategy = new ScriptedStrategy((self, { headers }) => {
      const id = Number(headers['x-id']);
      setTimeout(() => self.success({ id }), (5 - id) * 5);
    });
    const requests = [1, 2, 3, 4].map((id) => ({ headers: { 'x-id': String(id) } }) as unknown as FastifyRequest);
    const outcomes = await Promise.all(requests.map((each) => authenticate<{ id: number }>(strategy, each)));
    expect(outcomes).toEqual([1, 2, 3, 4].map((id) => ({ kind: 'success', user: { id } })));
  });

  it('decides asynchronously too', async () => {
    expect(await run((strategy) => setImmediate(() => strategy.success({ id: 1 })))).toEqual({ kind: 'success', user: { id: 1 } });
  });
});
