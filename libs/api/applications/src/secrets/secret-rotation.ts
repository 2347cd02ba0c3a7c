import { DEFAULT_ROTATION_OVERLAP_DAYS, MAX_LIVE_SECRETS } from '@keyhouse/shared-contracts';
import { ValidationFailedException } from '@keyhouse/api-platform';
import type { AddClientSecretBody } from './client-secret.body';

const DAY_MS = 86_400_000;
// A time zone is required: a bare local time would mean whatever zone the server runs in.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** What adding a secret does, read from the body of `POST oauth-applications/:id/secrets`. */
export interface SecretRotation {
  /** Null: the new secret never expires. */
  expiresAt: Date | null;
  /** When the secrets live now stop working: `now` itself when they are revoked at once. */
  previousExpiresAt: Date;
}

/**
 * What an added secret's body asks for, now. The secrets live now keep working for
 * DEFAULT_ROTATION_OVERLAP_DAYS unless told otherwise, but never longer than the new one: a
 * rotation that left the old secret outliving its replacement would be no rotation.
 */
export function secretRotation(body: AddClientSecretBody, now: Date): SecretRotation {
  const expiresAt = parseDateTime(body.expiresAt) ?? null;
  if (expiresAt && expiresAt <= now) throw new ValidationFailedException({ expiresAt: 'Choose a time in the future.' });

  const requested = parseDateTime(body.previousExpiresAt);
  if (!requested) {
    const overlap = new Date(now.getTime() + DEFAULT_ROTATION_OVERLAP_DAYS * DAY_MS);
    return { expiresAt, previousExpiresAt: expiresAt && expiresAt < overlap ? expiresAt : overlap };
  }
  if (expiresAt && requested > expiresAt) {
    throw new ValidationFailedException({ previousExpiresAt: 'The current secrets cannot outlive the new one: choose a time before it expires.' });
  }
  // "Revoke now" is any time up to now; stored as now, so the list shows when it happened.
  return { expiresAt, previousExpiresAt: requested < now ? now : requested };
}

/** Whether the application would have more live secrets than allowed once this one is added. */
export function exceedsLiveSecrets(liveNow: number, rotation: SecretRotation, now: Date): boolean {
  const stillLive = rotation.previousExpiresAt > now ? liveNow : 0;
  return stillLive + 1 > MAX_LIVE_SECRETS;
}

/**
 * Whether the rotation's own email already tells the owner when the replaced secrets stop,
 * within the warning period: then no separate "expires soon" email follows it.
 */
export function rotationWarnsOfExpiry(rotation: SecretRotation, now: Date, warningDays: number): boolean {
  return rotation.previousExpiresAt <= warningHorizon(now, warningDays);
}

/** The end of the warning period that starts now. */
export function warningHorizon(now: Date, warningDays: number): Date {
  return new Date(now.getTime() + warningDays * DAY_MS);
}

/** A strict ISO 8601 date-time with a zone; undefined for anything else, impossible dates included. */
export function parseDateTime(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1, 4).map(Number);
  // Date would roll 2030-02-30 over into March instead of refusing it.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
