import { Injectable, ValidationPipe, type ArgumentMetadata, type PipeTransform, type Type } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { ValidationFailedException } from '../errors/validation-failed.exception';

const NOT_AN_OBJECT = Symbol('keyhouse:not-an-object-message');
const DEFAULT_NOT_AN_OBJECT = 'Send the request body as a JSON object.';

/**
 * Marks a class as the body of a back-office request and says, in the resource's words, what a
 * body that is not a JSON object (an array, a string, `null`) should have been.
 */
export function RequestBody(notAnObject: string): ClassDecorator {
  return (target) => Reflect.defineMetadata(NOT_AN_OBJECT, notAnObject, target);
}

// class-transformer copies these as properties rather than dropping them; refused by name instead.
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Every `@Body()` typed with a DTO class is checked against that class (class-validator) and
 * answered as the API has always answered: `400 {"message","errors":{field: message}}`, one
 * message per field, `Unknown field "x".` for a field the class does not declare. Bodies that are
 * not objects are refused before any field is looked at.
 */
@Injectable()
export class BodyValidationPipe implements PipeTransform {
  private readonly validation = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(fieldErrors(errors)),
  });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.metatype;
    if (metadata.type !== 'body' || !isDtoClass(dto)) return value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ValidationFailedException({}, (Reflect.getMetadata(NOT_AN_OBJECT, dto) as string | undefined) ?? DEFAULT_NOT_AN_OBJECT);
    }
    const reserved = Object.keys(value).filter((key) => RESERVED_KEYS.includes(key));
    if (reserved.length) throw new ValidationFailedException(Object.fromEntries(reserved.map((key) => [key, unknownField(key)])));
    return this.validation.transform(value, metadata);
  }
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
