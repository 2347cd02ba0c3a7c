import type { CustomerUserInput } from '@keyhouse/shared-contracts';

/** Languages the storefront's emails can be written in; the API takes any language code. */
export const LOCALE_CHOICES = [
  { id: 'en', name: 'English' },
  { id: 'de', name: 'German' },
  { id: 'fr', name: 'French' },
  { id: 'es', name: 'Spanish' },
  { id: 'it', name: 'Italian' },
  { id: 'nl', name: 'Dutch' },
  { id: 'pt', name: 'Portuguese' },
  { id: 'pl', name: 'Polish' },
];

/** The choices with `current` among them: a language given through the API is kept, not blanked. */
export const localeChoicesWith = (current: string | undefined) =>
  current && !LOCALE_CHOICES.some((choice) => choice.id === current) ? [...LOCALE_CHOICES, { id: current, name: current }] : LOCALE_CHOICES;

/** What the form holds: react-admin turns emptied text inputs into null. */
export type CustomerUserFormValues = { [Field in keyof CustomerUserInput]?: CustomerUserInput[Field] | null };

export const CUSTOMER_USER_DEFAULTS: CustomerUserFormValues = { locale: 'en' };

/**
 * The create body, with exactly the fields the API accepts (it refuses any other). Without an
 * organization (the picker is hidden for a single one) the API uses the caller's first.
 */
export const toCustomerUserInput = (values: CustomerUserFormValues): CustomerUserInput => ({
  ...(values.organizationId ? { organizationId: values.organizationId } : {}),
  email: values.email ?? '',
  firstName: values.firstName ?? '',
  lastName: values.lastName ?? '',
  password: values.password ?? '',
  locale: values.locale ?? 'en',
});
