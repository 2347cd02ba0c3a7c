import { useGetIdentity } from 'react-admin';

import type { KeyhouseIdentity } from '../providers/authProvider';

const NONE_YET: number[] = [];

/** The organizations of the signed-in user (none while the identity loads). */
export const useOrganizationIds = (): number[] => {
  const { identity } = useGetIdentity();
  return (identity as KeyhouseIdentity | undefined)?.organizationIds ?? NONE_YET;
};
