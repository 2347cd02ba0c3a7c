import type { AuditEntry, AuditTrail } from '@keyhouse/api-platform';
import type { DataSource } from 'typeorm';
import type { PasswordHasher } from '../passwords/password-hasher';
import type { SignInAccount } from './sign-in-accounts';
import { InvalidCredentialsException, SignInPipeline, type SignInDoor } from './sign-in-pipeline';
import type { SignInThrottle } from './sign-in-throttle';

const ada: SignInAccount = { id: 7, name: 'ada', passwordHash: 'digest-of-right', enabled: true, organizationIds: [1, 2] };

function pipelineWith(accounts: SignInAccount[]) {
  const steps: string[] = [];
  const audited: AuditEntry[] = [];
  const throttle = {
    reserve: async (kind: string, login: string, address: string, origin: string) =>
      (steps.push(`reserve ${kind} ${login} at ${address} from ${origin}`), { account: 'counter', rowIds: [1] }),
    succeeded: async () => void steps.push('succeeded'),
    reset: async (kind: string, id: number, address: string) => void steps.push(`reset ${kind} ${id} at ${address}`),
  } as unknown as SignInThrottle;
  const hasher = {
    verify: async (password: string, digest: string) => (steps.push('verify'), digest === `digest-of-${password}`),
    verifyDecoy: async () => (steps.push('decoy'), false),
  } as unknown as PasswordHasher;
  const audit = { record: async (entry: AuditEntry) => void audited.push(entry) } as unknown as AuditTrail;
  const door: SignInDoor<SignInAccount> = {
    kind: 'user',
    audit: 'session',
    find: async (login) => (steps.push(`find ${login}`), accounts.find((account) => account.name === login) ?? null),
  };
  const pipeline = new SignInPipeline({ manager: {} } as DataSource, hasher, throttle, audit);
  return { pipeline, door, steps, audited };
}

describe('SignInPipeline', () => {
  it('with a password: throttle first, then the account, then the hash; the count reset on success', async () => {
    const { pipeline, door, steps, audited } = pipelineWith([ada]);
    await expect(pipeline.withPassword(door, { login: ' ADA ', password: 'right', address: '203.0.113.1' })).resolves.toBe(ada);
    expect(steps).toEqual(['reserve user  ADA  at 203.0.113.1 from 203.0.113.1', 'find ada', 'verify', 'succeeded']);
    expect(audited).toEqual([{ action: 'session.signed_in', actorUserId: 7, target: { type: 'user', id: 7, name: 'ada' }, organizationIds: [1, 2] }]);
  });

  it('runs the decoy for an unknown login, and answers it as a wrong password', async () => {
    const { pipeline, door, steps, audited } = pipelineWith([ada]);
    await expect(pipeline.withPassword(door, { login: 'nobody', password: 'x', address: 'ip' })).rejects.toBeInstanceOf(InvalidCredentialsException);
    await expect(pipeline.withPassword(door, { login: 'ada', password: 'wrong', address: 'ip' })).rejects.toBeInstanceOf(InvalidCredentialsException);
    expect(steps).toEqual(['reserve user nobody at ip from ip', 'find nobody', 'decoy', 'reserve user ada at ip from ip', 'find ada', 'verify']);
    expect(audited).toEqual([
      { action: 'session.sign_in_failed', actorUserId: null, actorName: 'nobody', target: { type: 'user', id: null, name: 'nobody' }, organizationIds: [] },
      { action: 'session.sign_in_failed', actorUserId: null, actorName: 'ada', target: { type: 'user', id: 7, name: 'ada' }, organizationIds: [1, 2] },
    ]);
  });

  it('refuses a disabled account only after checking its password, with the same answer', async () => {
    const { pipeline, door, steps } = pipelineWith([{ ...ada, enabled: false }]);
    await expect(pipeline.withPassword(door, { login: 'ada', password: 'right', address: 'ip' })).rejects.toBeInstanceOf(InvalidCredentialsException);
    expect(steps).toEqual(['reserve user ada at ip from ip', 'find ada', 'verify']);
  });

  it('records what a door adds: the application and the client address of a password grant', async () => {
    const { pipeline, door, steps, audited } = pipelineWith([ada]);
    const context = { after: { clientId: 'c1' }, ip: '198.51.100.4', application: { id: 3, clientId: 'c1' } };
    await pipeline.withPassword({ ...door, audit: 'oauth_password', context }, { login: 'ada', password: 'right', address: '198.51.100.4', origin: 'c1@198.51.100.4' });
    expect(steps[0]).toBe('reserve user ada at 198.51.100.4 from c1@198.51.100.4');
    expect(audited[0]).toEqual(expect.objectContaining({ action: 'oauth_password.signed_in', ...context }));
  });

  it('vouched for by a provider: no throttle and no hash, the count reset, refusals audited with their reason', async () => {
    const { pipeline, door, steps, audited } = pipelineWith([ada, { ...ada, id: 8, name: 'bob', enabled: false }]);
    const sso = { ...door, audit: 'sso', context: { after: { provider: 'Acme' } } };
    await expect(pipeline.vouchedFor(sso, 'Ada', '203.0.113.1')).resolves.toMatchObject({ id: 7 });
    await expect(pipeline.vouchedFor(sso, 'bob', '203.0.113.1')).rejects.toBeInstanceOf(InvalidCredentialsException);
    await expect(pipeline.vouchedFor(sso, 'carol', '203.0.113.1')).rejects.toBeInstanceOf(InvalidCredentialsException);
    await pipeline.refused(sso, 'denied');
    expect(steps).toEqual(['find ada', 'reset user 7 at 203.0.113.1', 'find bob', 'find carol']);
    expect(audited.map(({ action, target, after }) => [action, target.name, after])).toEqual([
      ['sso.signed_in', 'ada', { provider: 'Acme' }],
      ['sso.sign_in_failed', 'bob', { provider: 'Acme', reason: 'disabled' }],
      ['sso.sign_in_failed', 'carol', { provider: 'Acme', reason: 'no_account' }],
      ['sso.sign_in_failed', 'unidentified', { provider: 'Acme', reason: 'denied' }],
    ]);
  });
});
