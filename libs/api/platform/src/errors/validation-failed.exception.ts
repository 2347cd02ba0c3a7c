import { BadRequestException } from '@nestjs/common';

/** 400 `{"message","errors":{field: message}}`: react-admin shows each message at its field. */
export class ValidationFailedException extends BadRequestException {
  constructor(
    readonly errors: Record<string, string>,
    message = 'Some fields are not valid.',
  ) {
    super({ message, errors });
  }
}
