import 'reflect-metadata';
import { NotFoundException } from '@nestjs/common';
import { Allow } from 'class-validator';
import { ValidationFailedException } from '../errors/validation-failed.exception';
import { BodyValidationPipe, fieldProblems, RequestBody } from './body-validation.pipe';
import { IsFlag, Omittable } from './field-rules';
import { changedUnchangeables, editedFields, malformedFirst, Unchangeable } from './unchangeable';

class RecordEdit {
  @Unchangeable('The id is set by the server.', Number.isInteger)
  id?: unknown;
}

@RequestBody('Send the person as a JSON object.', { refused: 'The person was not saved.', withServiceRules: true })
class PersonEdit extends RecordEdit {
  @Unchangeable('The roles change with the memberships.', Array.isArray)
  roles?: unknown;

  @Omittable()
  @IsFlag()
  enabled?: boolean;
}

const record = { id: 7, roles: ['ROLE_USER', 'ROLE_VIEWER'] };
const edit = (body: object) => new BodyValidationPipe().transform(body, { type: 'body', metatype: PersonEdit }) as Promise<PersonEdit>;

describe('Unchangeable fields', () => {
  it('refuse a value of another kind than the record holds with the body, in their own words', async () => {
    expect(fieldProblems(await edit({ id: 'seven', roles: 3 }))).toEqual({ id: 'The id is set by the server.', roles: 'The roles change with the memberships.' });
  });

  it('refuse, each with its words, a value of the same kind that is not the record’s, inherited ones too', async () => {
    expect(changedUnchangeables(await edit({ id: 8, roles: ['ROLE_USER'] }), record)).toEqual({
      id: 'The id is set by the server.',
      roles: 'The roles change with the memberships.',
    });
  });

  it('accept them sent back as they are, lists in any order, or left out', async () => {
    expect(changedUnchangeables(await edit({ ...record }), record)).toEqual({});
    expect(changedUnchangeables(await edit({ roles: ['ROLE_VIEWER', 'ROLE_USER'] }), record)).toEqual({});
    expect(changedUnchangeables(await edit({}), record)).toEqual({});
    expect(fieldProblems(await edit({}))).toEqual({});
  });
});

describe('editedFields', () => {
  it('are those sent, but the unchangeable ones', async () => {
    class NamedPersonEdit extends PersonEdit {
      @Allow()
      name?: unknown;
    }
    const body = await new BodyValidationPipe().transform({ id: 7, name: 'Ann', enabled: true }, { type: 'body', metatype: NamedPersonEdit });
    expect(editedFields(body as NamedPersonEdit)).toEqual({ name: 'Ann', enabled: true });
  });
});

describe('malformedFirst', () => {
  const missing = new NotFoundException({ message: 'Person 7 not found.' });
  const lookUp = async (body: PersonEdit) => Promise.reject(missing).catch(malformedFirst(body, 'The person was not saved.'));

  it('refuses a body with problems of its own for them, whatever the look-up found', async () => {
    const refused = await lookUp(await edit({ enabled: 'no' })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationFailedException);
    expect((refused as ValidationFailedException).getResponse()).toEqual({ message: 'The person was not saved.', errors: { enabled: 'Must be true or false.' } });
  });

  it('lets the look-up speak for a well-formed body', async () => {
    await expect(lookUp(await edit({ enabled: false }))).rejects.toBe(missing);
  });
});
