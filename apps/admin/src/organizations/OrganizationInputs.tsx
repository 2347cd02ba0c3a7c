import { maxLength, required, TextInput } from 'react-admin';

// The API's rules (it trims the name first), checked here first so most mistakes show before a round trip.
const validateName = [required(), maxLength(255)];

/** The fields of an organization. */
export const OrganizationInputs = () => (
  <TextInput
    source="name"
    label="Name"
    validate={validateName}
    autoComplete="off"
    helperText="Shown in the console, in emails and on consent pages."
  />
);
