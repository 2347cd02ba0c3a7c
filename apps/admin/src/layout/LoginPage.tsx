import type { SignInProviderDto, SignInRequest } from '@keyhouse/shared-contracts';
import KeyIcon from '@mui/icons-material/Key';
import LoginIcon from '@mui/icons-material/Login';
import { Alert, Box, Button, CardContent, CircularProgress, Divider, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Login, LoginClasses, useLogin } from 'react-admin';
import { useLocation, useSearchParams } from 'react-router-dom';

import { preloadPage } from '../pages';
import { fetchSignInProviders, SignInError } from '../providers/authProvider';
import { useDocumentTitle } from './useDocumentTitle';

/**
 * react-admin's sign-in frame (it also sends already signed-in users on) with our form, the
 * page's main landmark.
 */
export const LoginPage = () => {
  useDocumentTitle(['Sign in']);
  return (
    <Box component="main">
      <Login avatarIcon={<KeyIcon />} sx={{ [`& .${LoginClasses.icon}`]: { bgcolor: 'primary.main' } }}>
        <SignInForm />
      </Login>
    </Box>
  );
};

/**
 * What the API's `?sso_error=` means, in the provider's name. Only these codes are shown: the
 * page never prints text that came in a link.
 */
const SSO_ERRORS: Record<string, (provider: string) => string> = {
  denied: (provider) => `${provider} did not sign you in: the sign-in was cancelled or refused.`,
  expired: () => 'That sign-in expired or was started in another browser. Please try again.',
  failed: (provider) => `${provider} could not complete the sign-in. Please try again, or ask an administrator to check the single sign-on settings.`,
  no_email: (provider) => `${provider} did not tell Keyhouse your email address, so no console account could be found.`,
  unverified: (provider) => `${provider} has not verified your email address. Verify it there, then try again.`,
  no_account: (provider) => `No active console account has the email address ${provider} gave. Ask an administrator for access.`,
  busy: () => 'Too many sign-ins from your network are waiting to be finished. Please try again in a few minutes.',
};

/**
 * Loads the code of the page the sign-in leads to (where the user was sent from, or the
 * dashboard) while they type: the sign-in page itself needs none of it, and after the click the
 * page only has to render.
 */
const usePreloadDestination = () => {
  // react-admin's own note of where to go back to, as its useLogin reads it.
  const destination = (useLocation().state as { nextPathname?: string } | null)?.nextPathname ?? '/';
  useEffect(() => preloadPage(destination), [destination]);
};

const SignInForm = () => {
  usePreloadDestination();
  const login = useLogin();
  const [error, setError] = useState<SignInError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [searchParams] = useSearchParams();
  const { data: providers = [] } = useQuery({ queryKey: ['session', 'providers'], queryFn: fetchSignInProviders });
  const ssoError = SSO_ERRORS[searchParams.get('sso_error') ?? '']?.(providers[0]?.name ?? 'The single sign-on provider');
  const message = error?.message ?? ssoError;

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
        {message && <Alert severity="error">{message}</Alert>}
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
        {providers.length > 0 && <ProviderButtons providers={providers} />}
      </Stack>
    </CardContent>
  );
};

/** Each leads away to its provider, which sends the browser back signed in (or here, saying why not). */
const ProviderButtons = ({ providers }: { providers: SignInProviderDto[] }) => (
  <>
    <Divider>or</Divider>
    {providers.map((provider) => (
      <Button key={provider.id} href={provider.url} variant="outlined" size="large" startIcon={<LoginIcon />}>
        Sign in with {provider.name}
      </Button>
    ))}
  </>
);
