import 'reflect-metadata';
import { BodyValidationPipe } from './body-validation.pipe';
import { changedUnchangeables, Unchangeable } from './unchangeable';

class RecordEdit {
  @Unchangeable('The id is set by the server.')
  id?: unknown;
}

class PersonEdit extends RecordEdit {
  @Unchangeable('The roles change with the memberships.')
  roles?: unknown;
}

const record = { id: 7, roles: ['ROLE_USER', 'ROLE_VIEWER'] };
const edit = (body: object) => new BodyValidationPipe().transform(body, { type: 'body', metatype: PersonEdit }) as Promise<PersonEdit>;

describe('Unchangeable fields', () => {
  it('lets any value through the pipe, for the service to compare', async () => {
    expect({ ...(await edit({ id: { any: 'thing' }, roles: 3 })) }).toEqual({ id: { any: 'thing' }, roles: 3 });
  });

  it('refuses, each with its words, the fields sent with another value than the record holds, inherited ones too', async () => {
    expect(changedUnchangeables(await edit({ id: 8, roles: ['ROLE_USER'] }), record)).toEqual({
      id: 'The id is set by the server.',
      roles: 'The roles change with the memberships.',
    });
  });

  it('accepts them sent back as they are, or left out', async () => {
    expect(changedUnchangeables(await edit({ ...record }), record)).toEqual({});
    expect(changedUnchangeables(await edit({}), record)).toEqual({});
  });
});
