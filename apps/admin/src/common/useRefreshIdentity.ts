import { useQueryClient } from '@tanstack/react-query';

import { forgetCurrentUser } from '../providers/authProvider';

/**
 * After a change to what the signed-in user may do (their own memberships, a role they hold):
 * the identity and every canAccess answer are asked of the API again, so menus, buttons and
 * pickers follow at once instead of at the next page load.
 */
export const useRefreshIdentity = (): (() => void) => {
  const queryClient = useQueryClient();
  return () => {
    forgetCurrentUser();
    void queryClient.invalidateQueries({ queryKey: ['auth'] });
  };
};
