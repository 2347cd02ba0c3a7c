import type { NotificationRuleDto } from '@keyhouse/shared-contracts';
import { Edit, Labeled, SimpleForm } from 'react-admin';

import { CheckboxInput, EditToolbar, EventField } from '../common';
import { ExtraRecipientsInput } from './ExtraRecipientsInput';

type RuleInput = Pick<NotificationRuleDto, 'enabled' | 'notifyOwner' | 'notifyOrganizationAdmins' | 'extraRecipients'>;

/** The event identifies the rule; the API takes exactly these four fields. */
const toRuleInput = ({ enabled, notifyOwner, notifyOrganizationAdmins, extraRecipients }: NotificationRuleDto): RuleInput => ({
  enabled,
  notifyOwner,
  notifyOrganizationAdmins,
  extraRecipients: (extraRecipients ?? []).map((address) => address.trim()),
});

export const NotificationRuleEdit = () => (
  // Pessimistic: the API's validation messages must reach the fields, which an undoable save cannot do.
  <Edit mutationMode="pessimistic" transform={toRuleInput} redirect="list">
    <SimpleForm sx={{ maxWidth: 760 }} toolbar={<EditToolbar />}>
      <Labeled label="Event">
        <EventField />
      </Labeled>
      <CheckboxInput source="enabled" label="Enabled" helperText="When off, this event sends no email at all." />
      <CheckboxInput source="notifyOwner" label="Owner" helperText="The user or customer user the application acts as." />
      <CheckboxInput
        source="notifyOrganizationAdmins"
        label="Organization admins"
        helperText="Every enabled administrator of the application's organization."
      />
      <ExtraRecipientsInput />
    </SimpleForm>
  </Edit>
);
