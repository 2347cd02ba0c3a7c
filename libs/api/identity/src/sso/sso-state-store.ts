import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource, MoreThan } from 'typeorm';
import { SsoRequest } from '../entities';
import { SSO_BROWSER_COOKIE } from './sso-cookie';

const REQUEST_TTL_MS = 10 * 60 * 1000;

/** What a redirect to the provider is bound to: the digest of the key the browser is given with it, and where it came from. */
export interface BrowserBinding {
  browserDigest: string;
  ip: string;
}

/** The refusal of a callback whose state this browser was not given, has used already, or let expire. */
export const STATE_REFUSED = { message: 'This sign-in was not started in this browser, was finished already, or expired.' };

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * passport-oauth2's state store, with PKCE (RFC 7636): kept in the database rather than in a
 * session, because the callback may land on any instance. Each state is random, stored as its
 * digest with the browser's and the code verifier, usable once and for ten minutes.
 */
@Injectable()
export class SsoStateStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Called by passport-oauth2 on the redirect to the provider, with the verifier it made: answers a new state. */
  store(_request: unknown, verifier: string, binding: BrowserBinding, _meta: unknown, done: (error: unknown, state?: string) => void): void {
    const state = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + REQUEST_TTL_MS);
    this.dataSource
      .getRepository(SsoRequest)
      .insert({ stateDigest: sha256(state), browserDigest: binding.browserDigest, codeVerifier: verifier, expiresAt, ip: binding.ip })
      .then(() => done(null, state), done);
  }

  /**
   * Whether one more sign-in may start from `ip`: fewer than `limit` of its sign-ins are waiting
   * for their callback. Every start stores a row, and an anonymous caller could otherwise fill
   * the table; a finished or expired sign-in stops counting. Counted before the row is written,
   * so starts racing each other may pass the limit by their number, which bounds a flood all the
   * same.
   */
  async mayStart(ip: string, limit: number): Promise<boolean> {
    const waiting = await this.dataSource.getRepository(SsoRequest).countBy({ ip, expiresAt: MoreThan(new Date()) });
    return waiting < limit;
  }

  /** Called by passport-oauth2 on the callback: the verifier of its state, or a refusal. The state is spent either way. */
  verify(request: Pick<FastifyRequest, 'cookies'>, state: unknown, done: (error: unknown, verifier?: string | false, info?: object) => void): void {
    this.claim(request.cookies?.[SSO_BROWSER_COOKIE], state).then((verifier) => (verifier ? done(null, verifier) : done(null, false, STATE_REFUSED)), done);
  }

  private async claim(browserKey: string | undefined, state: unknown): Promise<string | undefined> {
    if (typeof state !== 'string') return undefined;
    const requests = this.dataSource.getRepository(SsoRequest);
    const request = await requests.findOneBy({ stateDigest: sha256(state) });
    if (!request) return undefined;
    // Whoever deletes the row uses it: of two callbacks with one state, on any instances, one does.
    // Spent in any browser: a state that reached another one has leaked.
    const { affected } = await requests.delete({ stateDigest: request.stateDigest });
    const ours = browserKey !== undefined && timingSafeEqual(Buffer.from(sha256(browserKey)), Buffer.from(request.browserDigest));
    return affected && ours && request.expiresAt.getTime() > Date.now() ? request.codeVerifier : undefined;
  }
}
