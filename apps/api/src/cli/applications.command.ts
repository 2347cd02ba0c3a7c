import { COMMAND_LINE, CreateApplicationBody, OAuthApplication, OAuthApplicationsService } from '@keyhouse/api-applications';
import { CustomerUser, findOrganization, User } from '@keyhouse/api-identity';
import { validBody } from '@keyhouse/api-platform';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { CommandError, refusedOptions } from './cli-errors';
import { parseCommandLine, requiredOption } from './command-line';
import { withServices } from './context';

/** The service's fields, as the options that set them. */
const OPTION_OF: Record<string, string> = {
  organizationId: '--organization',
  name: '--name',
  slug: '--name',
  grants: '--grant',
  userId: '--user',
  frontend: '--frontend',
  confidential: '--public',
  redirectUris: '--redirect-uri',
};

/**
 * `applications create`: through the applications service, so every rule of the console applies
 * and the creation email is queued. The secret is printed here, once, and stored nowhere.
 */
export async function createApplication(args: string[], config: AppConfig): Promise<string> {
  const command = 'applications create';
  const { values } = parseCommandLine(command, args, {
    organization: { type: 'string' },
    name: { type: 'string' },
    grant: { type: 'string', multiple: true },
    user: { type: 'string' },
    frontend: { type: 'boolean' },
    public: { type: 'boolean' },
    'redirect-uri': { type: 'string', multiple: true },
  });
  const organizationReference = requiredOption(command, values, 'organization');
  const name = requiredOption(command, values, 'name');
  const grants = requiredOption(command, values, 'grant');
  const frontend = values.frontend ?? false;

  return withServices(config, async (services, dataSource) => {
    const organization = await findOrganization(dataSource.manager, organizationReference);
    if (!organization) throw new CommandError(`--organization: there is no organization with the id or name "${organizationReference}"`);
    const userId = values.user === undefined ? undefined : await userIdOf(dataSource, values.user, frontend);
    try {
      const body = await validBody(CreateApplicationBody, {
        organizationId: organization.id,
        name,
        grants,
        frontend,
        confidential: !(values.public ?? false),
        redirectUris: values['redirect-uri'] ?? [],
        ...(userId === undefined ? {} : { userId }),
      });
      const { application, clientSecret } = await services.get(OAuthApplicationsService).createAs(COMMAND_LINE, body);
      return [
        `Created OAuth application "${application.name}" (id ${application.id}, slug ${application.slug}) in ${organization.name}.`,
        `  client id:     ${application.clientId}`,
        clientSecret
          ? `  client secret: ${clientSecret}\nThe secret is shown only this once and stored only as a digest: keep it now.`
          : 'A public client has no secret: it authenticates with PKCE.',
      ].join('\n');
    } catch (error) {
      refusedOptions(error, OPTION_OF);
    }
  });
}

/** `applications deactivate <client id or id>`: as the console's Deactivate, notification included. */
export async function deactivateApplication(args: string[], config: AppConfig): Promise<string> {
  const { positionals } = parseCommandLine('applications deactivate', args, {}, ['client id or id']);
  const [reference] = positionals;
  return withServices(config, async (services, dataSource) => {
    const applications = dataSource.getRepository(OAuthApplication);
    const found =
      (await applications.findOneBy({ clientId: reference })) ?? (/^\d{1,9}$/.test(reference) ? await applications.findOneBy({ id: Number(reference) }) : null);
    if (!found) throw new CommandError(`there is no OAuth application with the client id or id "${reference}"`);
    const application = await services.get(OAuthApplicationsService).setActiveAs(COMMAND_LINE, found.id, false);
    const what = `OAuth application "${application.name}" (id ${application.id}, client id ${application.clientId})`;
    return found.active ? `Deactivated ${what}: it gets no new tokens, and the ones it holds are refused.` : `${what} was already deactivated.`;
  });
}

/** `--user`: a back-office username, or for a storefront application a customer user's email. */
async function userIdOf(dataSource: DataSource, reference: string, frontend: boolean): Promise<number> {
  const name = reference.trim().toLowerCase();
  const found = frontend
    ? await dataSource.getRepository(CustomerUser).findOneBy({ email: name })
    : await dataSource.getRepository(User).findOneBy({ username: name });
  if (!found) throw new CommandError(`--user: there is no ${frontend ? 'customer user with the email' : 'back-office user named'} "${reference}"`);
  return found.id;
}
