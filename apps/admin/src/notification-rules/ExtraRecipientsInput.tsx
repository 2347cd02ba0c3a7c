import { ArrayInput, required, SimpleFormIterator, TextInput } from 'react-admin';

import { LINE_ACTIONS_VISIBLE } from '../common';

/**
 * Addresses told of every event of the rule, besides the owner and the admins.
 * The server judges what an email address is; its refusal shows under the list.
 */
export const ExtraRecipientsInput = () => (
  <ArrayInput
    source="extraRecipients"
    label="Extra recipients"
    helperText="Addresses that get every email of this event, e.g. a security team's mailbox."
  >
    <SimpleFormIterator inline disableReordering disableClear sx={LINE_ACTIONS_VISIBLE}>
      <TextInput
        source=""
        label="Email address"
        validate={required()}
        helperText={false}
        sx={{ minWidth: 360 }}
        slotProps={{ htmlInput: { inputMode: 'email', autoComplete: 'off' } }}
      />
    </SimpleFormIterator>
  </ArrayInput>
);
