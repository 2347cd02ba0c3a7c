export { BodyValidationPipe, fieldErrors, RequestBody, unknownField } from './body-validation.pipe';
export { IdPipe } from './id.pipe';
export * from './field-rules';
