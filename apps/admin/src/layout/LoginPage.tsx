import type { SignInRequest } from '@keyhouse/shared-contracts';
import KeyIcon from '@mui/icons-material/Key';
import { Alert, Button, CardContent, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { Login, LoginClasses, useLogin } from 'react-admin';

import { SignInError } from '../providers/authProvider';

/** react-admin's sign-in frame (it also sends already signed-in users on) with our form. */
export const LoginPage = () => (
  <Login avatarIcon={<KeyIcon />} sx={{ [`& .${LoginClasses.icon}`]: { bgcolor: 'primary.main' } }}>
    <SignInForm />
  </Login>
);

const SignInForm = () => {
  const login = useLogin();
  const [error, setError] = useState<SignInError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setError(null);
    try {
      const credentials: SignInRequest = {
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
      };
      await login(credentials);
    } catch (caught) {
      setError(caught instanceof SignInError ? caught : new SignInError('Sign-in failed. Please try again.'));
      setSubmitting(false);
    }
  };

  return (
    <CardContent component="form" onSubmit={handleSubmit} sx={{ width: 340, px: 4, pb: 4 }}>
      <Stack spacing={2}>
        <div>
          <Typography component="h1" variant="h5" align="center">
            Keyhouse
          </Typography>
          <Typography variant="body2" color="text.secondary" align="center">
            Sign in to the back-office
          </Typography>
        </div>
        {error && <Alert severity="error">{error.message}</Alert>}
        <TextField
          name="username"
          label="Username"
          autoComplete="username"
          autoFocus
          required
          fullWidth
          error={Boolean(error?.fieldErrors.username)}
          helperText={error?.fieldErrors.username}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          fullWidth
          error={Boolean(error?.fieldErrors.password)}
          helperText={error?.fieldErrors.password}
        />
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={submitting}
          startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : undefined}
        >
          Sign in
        </Button>
      </Stack>
    </CardContent>
  );
};
