import { useGetIdentity } from 'react-admin';

import type { KeyhouseIdentity } from '../providers/authProvider';

const NONE_YET: number[] = [];

/**
 * The organizations the signed-in user belongs to (none while the identity loads). Not where they
 * may act: an operator reaches every organization. Pickers and organization columns use
 * useOrganizationChoices, which knows both.
 */
export const useOrganizationIds = (): number[] => {
  const { identity } = useGetIdentity();
  return (identity as KeyhouseIdentity | undefined)?.organizationIds ?? NONE_YET;
};
