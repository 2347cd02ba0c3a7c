import { useEffect } from 'react';
import { ArrayInput, required, SimpleFormIterator, TextInput, useArrayInput } from 'react-admin';

import { LINE_ACTIONS_VISIBLE } from '../common';

// The API wants at least one URI with Authorization Code: keep one line ready to
// fill. The input's default covers the first time it is shown, this the next ones.
const OneLineAtLeast = () => {
  const { fields, append } = useArrayInput();
  useEffect(() => {
    if (fields.length === 0) append('');
  }, [fields.length, append]);
  return null;
};

/** Where the authorization code flow may send users back: one text input per URI. */
export const RedirectUrisInput = () => (
  <ArrayInput
    source="redirectUris"
    label="Redirect URIs"
    validate={required('Add at least one redirect URI.')}
    defaultValue={['']}
    helperText="Absolute https URLs (http only on localhost), without fragment or wildcard."
  >
    <OneLineAtLeast />
    <SimpleFormIterator inline disableReordering disableClear sx={LINE_ACTIONS_VISIBLE}>
      <TextInput source="" label="Redirect URI" type="url" validate={required()} helperText={false} sx={{ minWidth: 420 }} />
    </SimpleFormIterator>
  </ArrayInput>
);
