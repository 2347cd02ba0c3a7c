import { Injectable, type ArgumentMetadata, type PipeTransform, type Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ValidationFailedException } from '../errors/validation-failed.exception';

export interface RequestBodyOptions {
  /** The message of a body refused for its fields, in the resource's words ("The user was not saved."). */
  refused?: string;
  /**
   * Some rules of this body only the service can check (fields fixed after creation, what the
   * caller may grant). Instead of being refused at once, the body is handed on without the fields
   * that failed, their problems kept for `fieldProblems(body)`, so that one answer names every
   * problem, as the console shows them all at once.
   */
  withServiceRules?: boolean;
  /** Every field is optional and the body itself may be left out: no body stands for `{}`. */
  optional?: boolean;
}

interface BodyShape extends RequestBodyOptions {
  notAnObject: string;
}

const SHAPE = Symbol('keyhouse:request-body');
const DEFAULT_SHAPE: BodyShape = { notAnObject: 'Send the request body as a JSON object.' };

/**
 * Marks a class as the body of a back-office request and says, in the resource's words, what a
 * body that is not a JSON object (an array, a string, `null`) should have been.
 */
export function RequestBody(notAnObject: string, options: RequestBodyOptions = {}): ClassDecorator {
  return (target) => Reflect.defineMetadata(SHAPE, { notAnObject, ...options }, target);
}

/**
 * Keys that name what every object inherits (`__proto__`, `constructor`, `toString`...), and
 * `prototype`: class-transformer drops or mangles them, at any depth, so that the whitelist would
 * never see them. They are refused by name instead, with their path.
 */
function reservedKeys(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const at = path ? `${path}.${key}` : key;
    return [...(key in Object.prototype || key === 'prototype' ? [at] : []), ...reservedKeys(inner, at)];
  });
}

const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
};

const problemsOfBodies = new WeakMap<object, Record<string, string>>();

/** The field problems the pipe found in a body marked `withServiceRules`, for the service to answer with its own. */
export const fieldProblems = (body: object): Record<string, string> => ({ ...problemsOfBodies.get(body) });

/**
 * Every `@Body()` typed with a DTO class is checked against that class (class-validator) and
 * answered as the API has always answered: `400 {"message","errors":{field: message}}`, one
 * message per field, `Unknown field "x".` for a field the class does not declare. Bodies that are
 * not objects are refused before any field is looked at. Of a field's rules, the first that fails
 * speaks, and class-validator checks the decorator nearest the property first.
 */
@Injectable()
export class BodyValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.metatype;
    if (metadata.type !== 'body' || !isDtoClass(dto)) return value;
    const shape = (Reflect.getMetadata(SHAPE, dto) as BodyShape | undefined) ?? DEFAULT_SHAPE;
    if (shape.optional && value === undefined) value = {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationFailedException({}, shape.notAnObject);
    const reserved = reservedKeys(value);
    if (reserved.length) throw new ValidationFailedException(Object.fromEntries(reserved.map((path) => [path, unknownField(path.split('.').pop() ?? path)])), shape.refused);

    const body = plainToInstance(dto, value) as Record<string, unknown>;
    const errors = await validate(body, VALIDATOR_OPTIONS);
    if (errors.length === 0) return body;
    if (!shape.withServiceRules) throw new ValidationFailedException(fieldErrors(errors), shape.refused);
    // What failed never reaches the service: no lookup, no comparison runs with such a value.
    for (const { property } of errors) delete body[property];
    problemsOfBodies.set(body, fieldErrors(errors));
    return body;
  }
}

/** The pipe's checks for a body that comes from elsewhere (the command line): the same refusals, thrown. */
export function validBody<T extends object>(type: Type<T>, value: unknown): Promise<T> {
  return new BodyValidationPipe().transform(value, { type: 'body', metatype: type }) as Promise<T>;
}

export const unknownField = (name: string): string => `Unknown field "${name}".`;

/** class-validator's tree of errors as `{ "field": message }`; nested fields are named by their path (`memberships.0.roles`). */
export function fieldErrors(errors: ValidationError[], parentPath = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const names = Object.keys(constraints);
    if (names.length) {
      fields[path] = 'whitelistValidation' in constraints ? unknownField(error.property) : constraints[names[0]];
    }
    Object.assign(fields, fieldErrors(error.children ?? [], path));
  }
  return fields;
}

const PLAIN_TYPES: unknown[] = [Object, Array, String, Number, Boolean];
const isDtoClass = (metatype: Type | undefined): metatype is Type => metatype !== undefined && !PLAIN_TYPES.includes(metatype);
