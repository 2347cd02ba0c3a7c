import type { GrantType, TokenEndpointAuthMethod } from '@keyhouse/shared-contracts';
import {
  CheckboxGroupInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  required,
  TextArrayInput,
  TextInput,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

import { CheckboxInput, OrganizationInput, useOrganizationChoices } from '../common';
import { AllowedIpRangesInput } from './AllowedIpRangesInput';
import { ClientKeysInputs } from './ClientKeysInputs';
import { FirstPartyInput } from './FirstPartyInput';
import {
  APPLICATION_TYPE_CHOICES,
  canBePublicClient,
  CLIENT_AUTHENTICATION_CHOICES,
  formatApplicationType,
  GRANT_CHOICES,
  parseApplicationType,
} from './applicationForm';
import { OwnerInput } from './OwnerInput';
import { RedirectUrisInput } from './RedirectUrisInput';

/** Full-width inputs on a wide screen are hard to read; Oro keeps its forms narrow too. */
export const FORM_WIDTH = { maxWidth: 760 };

const NO_GRANTS: GrantType[] = [];
// "Public client" is the opposite of the `confidential` the API stores.
const invertBoolean = (value: boolean | undefined) => value === false;

/**
 * The fields of create and edit. The organization, grants, type, owner, client
 * kind and client authentication are chosen once (`creating`); the API refuses to
 * change them afterwards. A private_key_jwt application's keys may change.
 */
export const OAuthApplicationInputs = ({ creating = false }: { creating?: boolean }) => {
  const { several, only } = useOrganizationChoices('oauth_applications.create');
  const { setValue } = useFormContext();
  const grants: GrantType[] = useWatch({ name: 'grants' }) ?? NO_GRANTS;
  const storefront: boolean = useWatch({ name: 'frontend' }) === true;
  const publicClient = useWatch({ name: 'confidential' }) === false && canBePublicClient(grants);
  const authMethod: TokenEndpointAuthMethod | undefined = useWatch({ name: 'tokenEndpointAuthMethod' });
  const chosenOrganizationId: number | undefined = useWatch({ name: 'organizationId' }) ?? undefined;
  const organizationId = chosenOrganizationId ?? only;
  // The owner is looked up among the users of one organization and one side.
  const forgetOwner = () => setValue('userId', null);

  return (
    <>
      {creating && several && <OrganizationInput permission="oauth_applications.create" onChange={forgetOwner} />}
      <TextInput source="name" label="Application Name" validate={[required(), maxLength(255)]} />
      <TextInput
        source="slug"
        label="Integration name"
        helperText="URL-safe name the app store uses; made from the application name when left empty."
      />
      <CheckboxInput source="active" label="Active" />
      {creating && (
        <CheckboxGroupInput
          source="grants"
          label="Grants"
          choices={GRANT_CHOICES}
          validate={required('Select at least one grant type.')}
        />
      )}
      {creating && (
        <RadioButtonGroupInput
          source="frontend"
          label="Application type"
          choices={APPLICATION_TYPE_CHOICES}
          format={formatApplicationType}
          parse={parseApplicationType}
          onChange={forgetOwner}
          helperText="Back-office applications act for back-office users, storefront ones for customer users."
        />
      )}
      {creating && grants.includes('client_credentials') && <OwnerInput organizationId={organizationId} />}
      {grants.includes('client_credentials') && <AllowedIpRangesInput />}
      {grants.includes('authorization_code') && <RedirectUrisInput />}
      {creating && canBePublicClient(grants) && (
        <CheckboxInput
          source="confidential"
          label="Public client"
          format={invertBoolean}
          parse={invertBoolean}
          helperText="For apps that cannot keep a secret (single-page or mobile apps): no client secret, PKCE instead."
        />
      )}
      {creating && !publicClient && (
        <RadioButtonGroupInput
          source="tokenEndpointAuthMethod"
          label="Client authentication"
          choices={CLIENT_AUTHENTICATION_CHOICES}
          helperText="Private key JWT: no secret at all; the application signs a short-lived assertion with its own private key (RFC 7523), and you register its public keys."
        />
      )}
      {!publicClient && authMethod === 'private_key_jwt' && <ClientKeysInputs />}
      {grants.includes('authorization_code') && (
        <>
          <FirstPartyInput />
          <CheckboxInput
            source="allowPlainPkce"
            label="Allow plain PKCE"
            helperText="Also accept code_challenge_method=plain, for clients that cannot compute SHA-256; S256 is always accepted."
          />
          <TextInput
            source="installUrl"
            label="Install URL"
            type="url"
            helperText="Opened when the app is installed, {organization} replaced by the organization's id. https (http only on localhost); empty: installing grants access at once."
          />
          {!storefront && (
            <CheckboxInput
              source="listed"
              label="Listed in the marketplace"
              helperText="Offered to every organization under Install app. Unlisted apps are offered to this organization only; others need the integration name."
            />
          )}
        </>
      )}
      <TextArrayInput source="scopes" label="Scopes" helperText="Press Enter after each scope; none is fine." />
      <NumberInput
        source="accessTokenTtl"
        label="Access token lifetime (seconds)"
        validate={[minValue(60), maxValue(86400)]}
        helperText="From 60 to 86400; empty uses the server's default."
      />
    </>
  );
};
