import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { DialogContentText } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';

import { ConfirmDialog } from '../common';
import type { KeyhouseDataProvider } from '../providers/dataProvider';
import { refreshApplications } from './useApplicationActions';

// setTimeout takes at most a signed 32-bit number of milliseconds (about 24 days).
const LONGEST_TIMEOUT = 2 ** 31 - 1;

/**
 * Whether some client addresses are throttled after too many wrong secrets. The last throttle ends
 * on its own at `lockedUntil`: the page re-renders then, so it stops saying "throttled".
 */
export const useIsThrottled = (record: Pick<OAuthApplicationDto, 'lockedUntil'> | undefined): boolean => {
  const until = record?.lockedUntil ? Date.parse(record.lockedUntil) : Number.NaN;
  const [checks, checkAgain] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    const left = until - Date.now();
    if (!(left > 0)) return undefined;
    const timer = setTimeout(checkAgain, Math.min(left, LONGEST_TIMEOUT));
    return () => clearTimeout(timer);
  }, [until, checks]);
  return until > Date.now();
};

/**
 * Unlock after a confirmation: the throttle ends for every client address at once, and wrong
 * secrets are counted from zero again. Render `confirmDialog` next to the trigger.
 */
export const useUnlock = (record: OAuthApplicationDto | undefined) => {
  const dataProvider = useDataProvider<KeyhouseDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);

  const { mutate: unlock, isPending } = useMutation({
    mutationFn: (id: OAuthApplicationDto['id']) => dataProvider.unlockApplication(id),
    onSuccess: () => {
      setConfirming(false);
      notify('OAuth application unlocked', { type: 'info' });
      // The grid's chip, the record and the user blocks all show the throttle.
      return refreshApplications(queryClient);
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });

  const confirmDialog = (
    <ConfirmDialog
      isOpen={confirming}
      loading={isPending}
      title="Unlock OAuth application"
      content={
        <DialogContentText>
          Unlock “{record?.name}”? Every client address it throttles may try again at once, and wrong secrets are
          counted from zero again. Only the addresses that sent too many wrong secrets were refused; its clients
          elsewhere kept getting tokens.
        </DialogContentText>
      }
      confirm="Unlock"
      onConfirm={() => record && unlock(record.id)}
      onClose={() => setConfirming(false)}
    />
  );

  return { start: () => setConfirming(true), isPending, confirmDialog };
};
