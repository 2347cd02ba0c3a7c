import { UserAccountsService } from '@keyhouse/api-identity';
import type { AppConfig } from '../config/app-config';
import { refusedOptions } from './cli-errors';
import { parseCommandLine, requiredOption } from './command-line';
import { withServices } from './context';

/** `users create`: a back-office user in one organization with one role. A generated password is printed once. */
export async function createUser(args: string[], config: AppConfig): Promise<string> {
  const command = 'users create';
  const { values } = parseCommandLine(command, args, {
    username: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    organization: { type: 'string' },
    role: { type: 'string' },
  });
  const input = {
    username: requiredOption(command, values, 'username'),
    email: requiredOption(command, values, 'email'),
    password: values.password,
    organization: requiredOption(command, values, 'organization'),
    role: requiredOption(command, values, 'role'),
  };
  return withServices(config, async (services) => {
    try {
      const { user, generatedPassword } = await services.get(UserAccountsService).create(input);
      const lines = [`Created back-office user ${user.username} (id ${user.id}, ${user.email}) in ${user.memberships[0].organization?.name} as ${user.memberships[0].roles[0].name}.`];
      if (generatedPassword) lines.push(`  generated password: ${generatedPassword}`, 'It is shown only this once: pass it on now.');
      return lines.join('\n');
    } catch (error) {
      refusedOptions(error, { username: '--username', email: '--email', password: '--password', organization: '--organization', role: '--role' });
    }
  });
}
