import type {
  ClientCredentialsDto,
  CreatedOAuthApplicationDto,
  EmailDto,
  EmailTemplateDto,
  OAuthApplicationDto,
  TemplatePreviewDto,
} from '@keyhouse/shared-contracts';
import simpleRestProvider from 'ra-data-simple-rest';
import type { CreateParams, CreateResult, DataProvider, Identifier, RaRecord } from 'react-admin';

import { apiUrl, httpClient } from './httpClient';

const APPLICATIONS = 'oauth-applications';

/** A client ID with the secret that goes with it, as shown once; `clientSecret` is null for a public client. */
export interface OneTimeCredentials {
  applicationId: Identifier;
  clientId: string;
  clientSecret: string | null;
}

/**
 * `meta` of `create('oauth-applications')`. The secret goes to this callback and
 * only there: react-admin keeps what `create` returns in its query cache.
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
  /**
   * Replaces the secret at once. Called directly, not through a react-query
   * mutation, so the answer lives only in the caller's state.
   */
  regenerateApplicationSecret(id: Identifier): Promise<OneTimeCredentials>;
  /** Puts an email back in the outbox as new: pending, no attempts yet. */
  resendEmail(id: Identifier): Promise<{ data: EmailDto }>;
  /** Renders template text with sample values; rejects with the field errors of a save. */
  previewEmailTemplate(text: TemplateText, signal?: AbortSignal): Promise<TemplatePreviewDto>;
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

  async create<RecordType extends Omit<RaRecord, 'id'> = never, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
    resource: string,
    params: CreateParams<RecordType>,
  ): Promise<CreateResult<ResultRecordType>> {
    const result = await restProvider.create<RecordType, ResultRecordType>(resource, params);
    if (resource !== APPLICATIONS) return result;
    const { clientSecret, ...application } = result.data as unknown as CreatedOAuthApplicationDto;
    if (isCreateMeta(params.meta)) {
      params.meta.onCredentials({ applicationId: application.id, clientId: application.clientId, clientSecret });
    }
    return { data: application as unknown as ResultRecordType };
  },

  async setApplicationActive(id, active) {
    const { json } = await postAction(`${resourceUrl(APPLICATIONS, id)}/${active ? 'activate' : 'deactivate'}`);
    return { data: json as OAuthApplicationDto };
  },

  async regenerateApplicationSecret(id) {
    const { json } = await postAction(`${resourceUrl(APPLICATIONS, id)}/secret`);
    const { clientId, clientSecret } = json as ClientCredentialsDto;
    return { applicationId: id, clientId, clientSecret };
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
};
