import { AddItemButton, ArrayInput, required, SimpleFormIterator, TextInput } from 'react-admin';

import { LINE_ACTIONS_VISIBLE } from '../common';

/**
 * The addresses Client Credentials requests may come from, one range per line. No line is
 * fine: the application is then not restricted.
 */
export const AllowedIpRangesInput = () => (
  <ArrayInput
    source="allowedIpRanges"
    label="Allowed IP ranges"
    helperText="Client Credentials requests from other addresses are refused. Leave empty to allow any address."
  >
    {/* Named after what it adds: the form has other lists with their own "Add" button. */}
    <SimpleFormIterator
      inline
      disableReordering
      disableClear
      addButton={<AddItemButton label="Add IP range" />}
      sx={LINE_ACTIONS_VISIBLE}
    >
      <TextInput
        source=""
        label="IP range"
        validate={required()}
        helperText={false}
        placeholder="10.0.0.0/8"
        sx={{ minWidth: 320 }}
      />
    </SimpleFormIterator>
  </ArrayInput>
);
