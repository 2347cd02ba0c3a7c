import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ValidationFailedException } from '../errors/validation-failed.exception';
import { BodyValidationPipe, fieldProblems, RequestBody } from './body-validation.pipe';
import { IsEmailAddress, IsId } from './field-rules';

class MembershipBody {
  @IsInt({ message: 'Choose an organization.' })
  organizationId!: number;
}

@RequestBody('Send the person as a JSON object.')
class PersonBody {
  @IsString({ message: 'Enter a name.' })
  name!: string;

  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @IsOptional()
  @IsArray({ message: 'Send a list.' })
  @ValidateNested({ each: true })
  @Type(() => MembershipBody)
  memberships?: MembershipBody[];
}

@RequestBody('Send the organization as a JSON object.', { refused: 'The organization was not created.' })
class OrganizationBody {
  @IsString({ message: 'Enter a name.' })
  name!: string;
}

@RequestBody('Send the change as a JSON object.', { refused: 'The person was not saved.', withServiceRules: true })
class PersonChange {
  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @IsOptional()
  @IsId('Choose an organization.')
  organizationId?: number;
}

const pipe = new BodyValidationPipe();
const asBody = (value: unknown) => pipe.transform(value, { type: 'body', metatype: PersonBody });

async function refusal(value: unknown, metatype: new () => object = PersonBody): Promise<{ message: string; errors: Record<string, string> }> {
  const error = await pipe.transform(value, { type: 'body', metatype }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ValidationFailedException)) throw new Error(`expected a validation failure, got ${String(error)}`);
  return error.getResponse() as { message: string; errors: Record<string, string> };
}

describe('BodyValidationPipe', () => {
  it('turns a valid body into an instance of its class', async () => {
    const body = await asBody({ name: 'Ada', memberships: [{ organizationId: 1 }] });
    expect(body).toBeInstanceOf(PersonBody);
    expect((body as PersonBody).memberships?.[0]).toBeInstanceOf(MembershipBody);
  });

  it.each([[[1, 2]], ['str'], [123], [null], [true]])('refuses the non-object %j with the class\'s own words', async (value) => {
    expect(await refusal(value)).toEqual({ message: 'Send the person as a JSON object.', errors: {} });
  });

  it('reports one message per field, unknown fields by name, nested fields by path', async () => {
    const answer = await refusal({ name: 7, email: 'nope', colour: 'red', memberships: [{ organizationId: 'x' }] });
    expect(answer).toEqual({
      message: 'Some fields are not valid.',
      errors: {
        name: 'Enter a name.',
        email: 'Enter an email address.',
        colour: 'Unknown field "colour".',
        'memberships.0.organizationId': 'Choose an organization.',
      },
    });
  });

  it('refuses the keys every object inherits instead of dropping them', async () => {
    const body = JSON.parse('{"name":"Ada","__proto__":{"admin":true},"constructor":1}') as unknown;
    expect(await refusal(body)).toEqual({
      message: 'Some fields are not valid.',
      // Parsed, as a literal `__proto__` key would set the prototype instead.
      errors: JSON.parse('{"__proto__":"Unknown field \\"__proto__\\".","constructor":"Unknown field \\"constructor\\"."}') as unknown,
    });
  });

  it('refuses the names of what objects inherit at any depth, which class-transformer would drop unseen', async () => {
    const body = { name: 'Ada', toString: {}, memberships: [{ organizationId: 1, valueOf: 2 }] };
    expect(await refusal(body)).toEqual({
      message: 'Some fields are not valid.',
      errors: { toString: 'Unknown field "toString".', 'memberships.0.valueOf': 'Unknown field "valueOf".' },
    });
  });

  it("answers a refused body in the resource's words", async () => {
    expect(await refusal({ name: 7, colour: 'red' }, OrganizationBody)).toEqual({
      message: 'The organization was not created.',
      errors: { name: 'Enter a name.', colour: 'Unknown field "colour".' },
    });
  });

  it('hands a body with service rules on without the fields that failed, their problems kept for the service', async () => {
    const body = (await pipe.transform({ email: 'nope', organizationId: 7, colour: 'red' }, { type: 'body', metatype: PersonChange })) as PersonChange;
    expect(body).toBeInstanceOf(PersonChange);
    expect({ ...body }).toEqual({ organizationId: 7 });
    expect(fieldProblems(body)).toEqual({ email: 'Enter an email address.', colour: 'Unknown field "colour".' });
    expect(fieldProblems((await pipe.transform({ organizationId: 7 }, { type: 'body', metatype: PersonChange })) as PersonChange)).toEqual({});
    // It is still refused at once when it is not an object at all.
    expect(await refusal('str', PersonChange)).toEqual({ message: 'Send the change as a JSON object.', errors: {} });
  });

  it('leaves bodies typed without a class, queries and params alone', async () => {
    expect(await pipe.transform([1], { type: 'body', metatype: Object })).toEqual([1]);
    expect(await pipe.transform('7', { type: 'param', metatype: PersonBody, data: 'id' })).toBe('7');
  });
});
