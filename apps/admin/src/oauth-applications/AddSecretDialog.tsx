import {
  type ClientSecretInput,
  DEFAULT_ROTATION_OVERLAP_DAYS,
  MAX_LIVE_SECRETS,
  type OAuthApplicationDto,
} from '@keyhouse/shared-contracts';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { HttpError, useDataProvider } from 'react-admin';

import type { KeyhouseDataProvider, OneTimeCredentials } from '../providers/dataProvider';
import { inDays, secretsQueryKey } from './clientSecrets';

type Field = keyof ClientSecretInput;

interface Choice {
  value: string;
  label: string;
  /** The time the API is sent for this choice; `date` reads the date field instead. */
  at?: () => string;
}

const OVERLAP = DEFAULT_ROTATION_OVERLAP_DAYS;

const DEADLINES: Choice[] = [
  { value: '1', label: 'In 1 day', at: () => inDays(1) },
  { value: String(OVERLAP), label: `In ${OVERLAP} days`, at: () => inDays(OVERLAP) },
  { value: '30', label: 'In 30 days', at: () => inDays(30) },
  { value: 'date', label: 'On a date' },
  { value: 'now', label: 'Now (revoke them)', at: () => new Date().toISOString() },
];

const NEW_EXPIRIES: Choice[] = [
  { value: 'never', label: 'Never' },
  { value: '90', label: 'In 90 days', at: () => inDays(90) },
  { value: '365', label: 'In 1 year', at: () => inDays(365) },
  { value: 'date', label: 'On a date' },
];

/** One question of the dialog: a few choices, one of them "On a date" with its own field. */
const WhenInput = ({
  label,
  choices,
  choice,
  onChoice,
  date,
  onDate,
  error,
}: {
  label: string;
  choices: Choice[];
  choice: string;
  onChoice(value: string): void;
  date: string;
  onDate(value: string): void;
  error?: string;
}) => {
  const labelId = useId();
  const errorId = useId();
  return (
    <FormControl error={Boolean(error)}>
      <FormLabel id={labelId}>{label}</FormLabel>
      <RadioGroup
        aria-labelledby={labelId}
        aria-describedby={error ? errorId : undefined}
        row
        value={choice}
        onChange={(event) => onChoice(event.target.value)}
      >
        {choices.map(({ value, label: text }) => (
          <FormControlLabel key={value} value={value} control={<Radio size="small" />} label={text} />
        ))}
      </RadioGroup>
      {choice === 'date' && (
        <TextField
          type="datetime-local"
          label={`${label}: date and time`}
          value={date}
          onChange={(event) => onDate(event.target.value)}
          size="small"
          sx={{ mt: 1, maxWidth: 280 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      )}
      {error && <FormHelperText id={errorId}>{error}</FormHelperText>}
    </FormControl>
  );
};

/** The chosen time as the API reads it; undefined when "On a date" has no usable date yet. */
const timeOf = (choices: Choice[], choice: string, date: string): string | undefined => {
  const picked = choices.find(({ value }) => value === choice);
  if (picked?.at) return picked.at();
  // A datetime-local value is the admin's local time; Date reads it so and the API gets UTC.
  const local = new Date(date);
  return date && !Number.isNaN(local.getTime()) ? local.toISOString() : undefined;
};

interface AddSecretDialogProps {
  application: OAuthApplicationDto;
  /** How many secrets work now: with none, there is nothing to let expire. */
  liveCount: number;
  onAdded(credentials: OneTimeCredentials): void;
  onClose(): void;
}

/**
 * Adds a secret next to the live ones (a rotation): the admin picks when the current secrets
 * stop working and, optionally, when the new one will.
 */
export const AddSecretDialog = ({ application, liveCount, onAdded, onClose }: AddSecretDialogProps) => {
  const dataProvider = useDataProvider<KeyhouseDataProvider>();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [deadline, setDeadline] = useState(String(OVERLAP));
  const [deadlineDate, setDeadlineDate] = useState('');
  const [newExpiry, setNewExpiry] = useState('never');
  const [newExpiryDate, setNewExpiryDate] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: ClientSecretInput = {};
    const problems: Partial<Record<Field, string>> = {};
    if (liveCount > 0) {
      input.previousExpiresAt = timeOf(DEADLINES, deadline, deadlineDate);
      if (!input.previousExpiresAt) problems.previousExpiresAt = 'Choose a date and time.';
    }
    if (newExpiry !== 'never') {
      input.expiresAt = timeOf(NEW_EXPIRIES, newExpiry, newExpiryDate);
      if (!input.expiresAt) problems.expiresAt = 'Choose a date and time.';
    }
    setErrors(problems);
    setMessage(null);
    if (Object.keys(problems).length) return;

    setSaving(true);
    try {
      const credentials = await dataProvider.addApplicationSecret(application.id, input);
      await queryClient.invalidateQueries({ queryKey: secretsQueryKey(application.id) });
      onAdded(credentials);
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as { errors?: Partial<Record<Field, string>> } | null) : null;
      setErrors(body?.errors ?? {});
      setMessage((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      onClose={() => !saving && onClose()}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>Add a client secret</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5}>
            <DialogContentText>
              The new secret of “{application.name}” works at once, next to the current ones. Give it to every client
              before the current secrets stop working: the list shows when each was last used.
            </DialogContentText>
            {message && <Alert severity="error">{message}</Alert>}
            {liveCount > 0 && (
              <WhenInput
                label="The current secrets stop working"
                choices={DEADLINES}
                choice={deadline}
                onChoice={setDeadline}
                date={deadlineDate}
                onDate={setDeadlineDate}
                error={errors.previousExpiresAt}
              />
            )}
            {liveCount >= MAX_LIVE_SECRETS && deadline !== 'now' && (
              <Alert severity="info">
                The application already has {liveCount} live secrets, the most it may have: revoke the current ones now, or
                revoke one of them first.
              </Alert>
            )}
            <WhenInput
              label="The new secret expires"
              choices={NEW_EXPIRIES}
              choice={newExpiry}
              onChoice={setNewExpiry}
              date={newExpiryDate}
              onDate={setNewExpiryDate}
              error={errors.expiresAt}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={saving}>
            Add secret
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
