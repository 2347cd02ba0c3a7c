/** What an administrator may change of a back-office user or a customer user. */
export interface AccountChanges {
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled?: boolean;
  locale?: string;
}

/** An edit as its body sends it: null names are none. */
export type AccountEdit = Omit<AccountChanges, 'firstName' | 'lastName'> & { firstName?: string | null; lastName?: string | null };

type Account = Required<Pick<AccountChanges, 'email' | 'firstName' | 'lastName' | 'enabled'>> & AccountChanges;

/**
 * The changes an edit makes to a stored account, as they are stored (names trimmed, the email
 * lower-case: it is a sign-in name), and only those that differ from the account, so that an
 * unchanged form changes (and audits) nothing.
 */
export function accountChanges(edit: AccountEdit, account: Account): AccountChanges {
  const changes: AccountChanges = {};
  if (edit.email !== undefined) changes.email = edit.email.trim().toLowerCase();
  // Sent as null (react-admin's emptied input): no name.
  if (edit.firstName !== undefined) changes.firstName = (edit.firstName ?? '').trim();
  if (edit.lastName !== undefined) changes.lastName = (edit.lastName ?? '').trim();
  if (edit.enabled !== undefined) changes.enabled = edit.enabled;
  if (edit.locale !== undefined) changes.locale = edit.locale;
  return Object.fromEntries(Object.entries(changes).filter(([name, value]) => value !== account[name as keyof AccountChanges])) as AccountChanges;
}
