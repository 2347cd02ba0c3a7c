export { BodyValidationPipe, fieldErrors, fieldProblems, RequestBody, unknownField, type RequestBodyOptions } from './body-validation.pipe';
export { IdPipe } from './id.pipe';
export * from './field-rules';
export { changedUnchangeables, malformedFirst, Unchangeable } from './unchangeable';
