import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ValidationFailedException } from '../errors/validation-failed.exception';
import { MAX_ID } from './field-rules';

// At most ten digits, so that Number() never rounds what it reads.
const DIGITS = /^[1-9][0-9]{0,9}$/;

/** A path id: a positive whole number written plainly, else 400 at the parameter's name. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const id = DIGITS.test(value) ? Number(value) : NaN;
    if (id <= MAX_ID) return id;
    const name = metadata.data ?? 'id';
    throw new ValidationFailedException({ [name]: `Use a whole number from 1 to ${MAX_ID}.` }, `The ${name} in the path is not a valid id.`);
  }
}
