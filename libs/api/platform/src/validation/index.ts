export { BodyValidationPipe, fieldErrors, fieldProblems, RequestBody, unknownField, validBody, type RequestBodyOptions } from './body-validation.pipe';
export { IdPipe } from './id.pipe';
export * from './field-rules';
export { changedUnchangeables, editedFields, malformedFirst, Unchangeable } from './unchangeable';
