import type { EmailTemplate } from '../entities';

/** The language every event has a platform template in, and what a recipient without their own reads. */
export const FALLBACK_LOCALE = 'en';

type Candidate = Pick<EmailTemplate, 'locale' | 'organizationId'>;

/**
 * The template a recipient reads, among one event's and audience's templates of the platform
 * and of the organization the mail is about. Their language comes first, the organization's text
 * before the platform's: the organization's in their locale, else the platform's in their locale,
 * else the organization's English, else the platform's English.
 */
export function chooseTemplate<T extends Candidate>(candidates: readonly T[], locale: string): T | undefined {
  const find = (wanted: string, own: boolean) => candidates.find((template) => template.locale === wanted && (template.organizationId !== null) === own);
  return find(locale, true) ?? find(locale, false) ?? find(FALLBACK_LOCALE, true) ?? find(FALLBACK_LOCALE, false);
}
