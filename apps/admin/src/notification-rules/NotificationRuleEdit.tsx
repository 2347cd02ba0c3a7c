import type { NotificationRuleDto, NotificationRuleRecipients } from '@keyhouse/shared-contracts';
import { Stack } from '@mui/material';
import { Edit, Labeled, SimpleForm, TextArrayField, useRecordContext } from 'react-admin';

import { CheckboxInput, EditToolbar, EventField } from '../common';
import { SettingScopeNotice, useSettingScopes } from '../notification-settings';
import { ExtraRecipientsInput } from './ExtraRecipientsInput';
import { RuleActions } from './RuleActions';
import { YesNoField } from './YesNoField';

/** The event and the organization identify the rule; the API takes exactly these four fields. */
const toRuleInput = ({ enabled, notifyOwner, notifyOrganizationAdmins, extraRecipients }: NotificationRuleDto): NotificationRuleRecipients => ({
  enabled,
  notifyOwner,
  notifyOrganizationAdmins,
  extraRecipients: (extraRecipients ?? []).map((address) => address.trim()),
});

const RuleForm = () => (
  <SimpleForm sx={{ maxWidth: 760 }} toolbar={<EditToolbar />} warnWhenUnsavedChanges>
    <SettingScopeNotice actions={<RuleActions backToList />} />
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
);

/** A platform rule as an organization administrator sees it: who is told until they customize it. */
const RuleReadOnly = () => (
  <Stack spacing={2} sx={{ p: 2, maxWidth: 760 }}>
    <SettingScopeNotice actions={<RuleActions backToList />} />
    <Labeled label="Event">
      <EventField />
    </Labeled>
    <Labeled label="Enabled">
      <YesNoField source="enabled" />
    </Labeled>
    <Labeled label="Owner">
      <YesNoField source="notifyOwner" />
    </Labeled>
    <Labeled label="Organization admins">
      <YesNoField source="notifyOrganizationAdmins" />
    </Labeled>
    <Labeled label="Extra recipients">
      <TextArrayField source="extraRecipients" emptyText="None" />
    </Labeled>
  </Stack>
);

const RuleEditView = () => {
  const rule = useRecordContext<NotificationRuleDto>();
  const scopes = useSettingScopes();
  if (!rule || scopes.isPending) return null;
  return scopes.mayChange(rule.organizationId) ? <RuleForm /> : <RuleReadOnly />;
};

export const NotificationRuleEdit = () => (
  // Pessimistic: the API's validation messages must reach the fields, which an undoable save cannot do.
  <Edit mutationMode="pessimistic" transform={toRuleInput} redirect="list">
    <RuleEditView />
  </Edit>
);
