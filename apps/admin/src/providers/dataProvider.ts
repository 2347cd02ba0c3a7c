import type {
  ApplicationSummaryDto,
  ClientCredentialsDto,
  ClientSecretDto,
  ClientSecretInput,
  CreatedClientSecretDto,
  CreatedOAuthApplicationDto,
  EmailDto,
  EmailTemplateDto,
  InstallAppInput,
  InstalledAppDto,
  OAuthApplicationDto,
  TemplatePreviewDto,
} from '@keyhouse/shared-contracts';
import simpleRestProvider from 'ra-data-simple-rest';
import type {
  CreateParams,
  CreateResult,
  DataProvider,
  DeleteParams,
  DeleteResult,
  GetListParams,
  GetListResult,
  GetOneParams,
  GetOneResult,
  Identifier,
  RaRecord,
} from 'react-admin';

import { authProvider } from './authProvider';
import { apiUrl, httpClient } from './httpClient';

const APPLICATIONS = 'oauth-applications';
const INSTALLATIONS = 'oauth-installations';
// The signed-in user's own installations. A resource of its own in the console, because everyone
// may list and remove those, while the rest of oauth-installations needs a permission.
const CONNECTED_APPS = 'connected-apps';
// The back-office applications acting as the signed-in user, which everyone may list and open.
const MY_APPLICATIONS = 'my-oauth-applications';

/** The console's resources that are a part of one of the API's. */
const API_RESOURCES: Record<string, string> = { [CONNECTED_APPS]: INSTALLATIONS, [MY_APPLICATIONS]: APPLICATIONS };
const apiResource = (resource: string): string => API_RESOURCES[resource] ?? resource;

/** What marks a list as the caller's own, as the API asks for it. */
const ownFilter = async (resource: string): Promise<Record<string, unknown>> => {
  if (resource === CONNECTED_APPS) return { mine: true };
  if (resource === MY_APPLICATIONS) return { userId: (await authProvider.getIdentity?.())?.id, frontend: false };
  return {};
};

/** A client ID with the secret that goes with it, as shown once; `clientSecret` is null for a public client. */
export interface OneTimeCredentials {
  applicationId: Identifier;
  clientId: string;
  clientSecret: string | null;
}

/**
 * `meta` of `create('oauth-applications')`. The secret goes to this callback and
 * only there: react-admin keeps what `create` returns in its query cache. It is not
 * called for a private_key_jwt application, which has no secret.
 * (A type, not an interface: react-query wants `meta` to be a plain record.)
 */
export type ApplicationCreateMeta = {
  onCredentials: (credentials: OneTimeCredentials) => void;
};

/** What a template preview renders: the unsaved text of the edit form. */
export type TemplateText = Pick<EmailTemplateDto, 'subject' | 'body'>;

/** The standard methods plus the actions that are not CRUD. */
export interface KeyhouseDataProvider extends DataProvider {
  setApplicationActive(id: Identifier, active: boolean): Promise<{ data: OAuthApplicationDto }>;
  /** Ends the throttle of every client address after wrong secrets, and counts them from zero again. */
  unlockApplication(id: Identifier): Promise<{ data: OAuthApplicationDto }>;
  /**
   * Replaces the secret at once. Called directly, not through a react-query
   * mutation, so the answer lives only in the caller's state.
   */
  regenerateApplicationSecret(id: Identifier): Promise<OneTimeCredentials>;
  /** The application's secrets, live and expired; never their values. */
  getApplicationSecrets(id: Identifier, signal?: AbortSignal): Promise<ClientSecretDto[]>;
  /** Adds a secret next to the live ones (a rotation); called directly, like regenerate, for the same reason. */
  addApplicationSecret(id: Identifier, input: ClientSecretInput): Promise<OneTimeCredentials>;
  /** Revokes one secret at once. */
  revokeApplicationSecret(id: Identifier, secretId: ClientSecretDto['id']): Promise<ClientSecretDto>;
  /** The dashboard's figures of the applications the signed-in user's grid lists. */
  getApplicationSummary(signal?: AbortSignal): Promise<ApplicationSummaryDto>;
  /** Puts an email back in the outbox as new: pending, no attempts yet. */
  resendEmail(id: Identifier): Promise<{ data: EmailDto }>;
  /** Renders template text with sample values; rejects with the field errors of a save. */
  previewEmailTemplate(text: TemplateText, signal?: AbortSignal): Promise<TemplatePreviewDto>;
  /** Installs an app that has no install URL of its own; the answer says where to send the browser. */
  installApp(input: InstallAppInput): Promise<InstalledAppDto>;
}

/** The action endpoints take no body. */
const postAction = (url: string) => httpClient(url, { method: 'POST' });

const resourceUrl = (resource: string, id: Identifier) => `${apiUrl}/${resource}/${encodeURIComponent(id)}`;

const isCreateMeta = (meta: unknown): meta is ApplicationCreateMeta =>
  typeof (meta as ApplicationCreateMeta | undefined)?.onCredentials === 'function';

/** The API follows ra-data-simple-rest's contract (`Content-Range`, `filter`/`sort`/`range`). */
const restProvider = simpleRestProvider(apiUrl, httpClient);

export const dataProvider: KeyhouseDataProvider = {
  ...restProvider,

  async getList<RecordType extends RaRecord = never>(resource: string, params: GetListParams): Promise<GetListResult<RecordType>> {
    return restProvider.getList<RecordType>(apiResource(resource), { ...params, filter: { ...params.filter, ...(await ownFilter(resource)) } });
  },

  getOne<RecordType extends RaRecord = never>(resource: string, params: GetOneParams<RecordType>): Promise<GetOneResult<RecordType>> {
    return restProvider.getOne<RecordType>(apiResource(resource), params);
  },

  delete<RecordType extends RaRecord = never>(resource: string, params: DeleteParams<RecordType>): Promise<DeleteResult<RecordType>> {
    return restProvider.delete<RecordType>(apiResource(resource), params);
  },

  async create<RecordType extends Omit<RaRecord, 'id'> = never, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
    resource: string,
    params: CreateParams<RecordType>,
  ): Promise<CreateResult<ResultRecordType>> {
    const result = await restProvider.create<RecordType, ResultRecordType>(resource, params);
    if (resource !== APPLICATIONS) return result;
    const { clientSecret, ...application } = result.data as unknown as CreatedOAuthApplicationDto;
    // A private_key_jwt application has nothing to show once: its client ID is on its page.
    if (isCreateMeta(params.meta) && application.tokenEndpointAuthMethod !== 'private_key_jwt') {
      params.meta.onCredentials({ applicationId: application.id, clientId: application.clientId, clientSecret });
    }
    return { data: application as unknown as ResultRecordType };
  },

  async setApplicationActive(id, active) {
    const { json } = await postAction(`${resourceUrl(APPLICATIONS, id)}/${active ? 'activate' : 'deactivate'}`);
    return { data: json as OAuthApplicationDto };
  },

  async unlockApplication(id) {
    const { json } = await postAction(`${resourceUrl(APPLICATIONS, id)}/unlock`);
    return { data: json as OAuthApplicationDto };
  },

  async regenerateApplicationSecret(id) {
    const { json } = await postAction(`${resourceUrl(APPLICATIONS, id)}/secret`);
    const { clientId, clientSecret } = json as ClientCredentialsDto;
    return { applicationId: id, clientId, clientSecret };
  },

  async getApplicationSecrets(id, signal) {
    const { json } = await httpClient(`${resourceUrl(APPLICATIONS, id)}/secrets`, { signal });
    return json as ClientSecretDto[];
  },

  async addApplicationSecret(id, input) {
    const { json } = await httpClient(`${resourceUrl(APPLICATIONS, id)}/secrets`, {
      method: 'POST',
      body: JSON.stringify(input satisfies ClientSecretInput),
    });
    const { clientId, clientSecret } = json as CreatedClientSecretDto;
    return { applicationId: id, clientId, clientSecret };
  },

  async revokeApplicationSecret(id, secretId) {
    const { json } = await httpClient(`${resourceUrl(APPLICATIONS, id)}/secrets/${encodeURIComponent(secretId)}`, {
      method: 'DELETE',
    });
    return json as ClientSecretDto;
  },

  async getApplicationSummary(signal) {
    const { json } = await httpClient(`${apiUrl}/${APPLICATIONS}/summary`, { signal });
    return json as ApplicationSummaryDto;
  },

  async resendEmail(id) {
    const { json } = await postAction(`${resourceUrl('emails', id)}/resend`);
    return { data: json as EmailDto };
  },

  async previewEmailTemplate({ subject, body }, signal) {
    const { json } = await httpClient(`${apiUrl}/email-templates/preview`, {
      method: 'POST',
      body: JSON.stringify({ subject, body } satisfies TemplateText),
      signal,
    });
    return json as TemplatePreviewDto;
  },

  async installApp(input) {
    const { json } = await httpClient(`${apiUrl}/apps/installed`, {
      method: 'POST',
      body: JSON.stringify(input satisfies InstallAppInput),
    });
    return json as InstalledAppDto;
  },
};
