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
 * The create body, with exactly the fields the API accepts (it refuses any other). With a single
 * organization to choose from the picker is hidden and the customer user joins that one.
 */
export const toCustomerUserInput = (values: CustomerUserFormValues, onlyOrganizationId: number | undefined): CustomerUserInput => {
  const organizationId = values.organizationId ?? onlyOrganizationId;
  return {
    ...(organizationId ? { organizationId } : {}),
    email: values.email ?? '',
    firstName: values.firstName ?? '',
    lastName: values.lastName ?? '',
    password: values.password ?? '',
    locale: values.locale ?? 'en',
  };
};
