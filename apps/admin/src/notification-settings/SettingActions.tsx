import type { NotificationSettingScope } from '@keyhouse/shared-contracts';
import { Stack } from '@mui/material';
import type { MouseEvent } from 'react';
import { useRecordContext } from 'react-admin';

import { CustomizeButton } from './CustomizeButton';
import { RemoveSettingButton } from './RemoveSettingButton';
import { type SettingOrganization, useSettingScopes } from './useSettingScopes';

type SettingRecord = NotificationSettingScope & { id: number };

export interface SettingActionsProps<T extends SettingRecord> {
  resource: 'notification-rules' | 'email-templates';
  /**
   * Where a platform default may be customized from here: in a list, the organization it shows;
   * elsewhere (undefined), the user's own (an operator edits the default itself).
   */
  organizations?: SettingOrganization[];
  /** The setting in words, e.g. the rule of “Secret revoked”. */
  describe(record: T): string;
  /** The organization's own setting as it starts: a copy of this default. */
  toOverride(record: T, organizationId: number): object;
  /** Whether a platform default may go (a platform translation: English stays as everyone's fallback). */
  deletableDefault?(record: T): boolean;
  /** On an edit page: after a revert, back to the list. */
  backToList?: boolean;
}

// The dialogs render in portals, yet React still bubbles their clicks up to the grid row, whose own click would open the record.
const keepFromRow = (event: MouseEvent) => event.stopPropagation();

/**
 * What the user may do with a setting besides editing it: customize a platform default for an
 * organization, revert an organization's setting to the default, delete a platform translation.
 */
export const SettingActions = <T extends SettingRecord>({ resource, organizations, describe, toOverride, deletableDefault, backToList }: SettingActionsProps<T>) => {
  const record = useRecordContext<T>();
  const scopes = useSettingScopes();
  if (!record) return null;

  if (record.organizationId !== null) {
    if (!scopes.mayChange(record.organizationId)) return null;
    const organization = record.organizationName ?? 'this organization';
    return (
      <Stack direction="row" onClick={keepFromRow}>
        <RemoveSettingButton
          resource={resource}
          record={record}
          label="Revert"
          title="Revert to the platform default"
          content={`${organization}'s own ${describe(record)} is deleted: mail about ${organization}'s applications follows the platform default again.`}
          done={`${organization} follows the platform default again`}
          backToList={backToList}
        />
      </Stack>
    );
  }

  const customizable = (organizations ?? (scopes.platformOperator ? [] : scopes.editable)).filter((organization) => scopes.mayChange(organization.id));
  const deletable = scopes.platformOperator && deletableDefault?.(record);
  if (!customizable.length && !deletable) return null;
  return (
    <Stack direction="row" onClick={keepFromRow} sx={{ gap: 1, flexWrap: 'wrap' }}>
      {customizable.map((organization) => (
        <CustomizeButton key={organization.id} resource={resource} organization={organization} override={toOverride(record, organization.id)} />
      ))}
      {deletable && (
        <RemoveSettingButton
          resource={resource}
          record={record}
          label="Delete"
          title="Delete the platform translation"
          content={`The platform's ${describe(record)} is deleted: its readers get the English text instead, unless their organization has its own.`}
          done="Platform translation deleted"
          backToList={backToList}
        />
      )}
    </Stack>
  );
};
