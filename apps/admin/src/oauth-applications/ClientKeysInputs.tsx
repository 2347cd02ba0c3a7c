import { TextInput } from 'react-admin';

import { formatJwks } from './applicationForm';

/** The public keys of a private_key_jwt application: pasted as a JWK Set, or the URL where it publishes them. */
export const ClientKeysInputs = () => (
  <>
    <TextInput
      source="jwks"
      label="JWK Set"
      multiline
      minRows={4}
      format={formatJwks}
      // Kept as typed: it is read as JSON when the form is sent, so half-typed JSON is never reformatted.
      parse={(text: string) => text}
      helperText='The public keys its assertions are signed with, as a JWK Set: {"keys": [...]}. Public keys only: RSA (2048 bits or more), EC P-256, Ed25519.'
      sx={{ '& textarea': { fontFamily: 'monospace', fontSize: '0.8rem' } }}
    />
    <TextInput
      source="jwksUri"
      label="JWK Set URL"
      type="url"
      helperText="Or where the application publishes its public keys (https); Keyhouse reads and caches them. Give one of the two."
    />
  </>
);
