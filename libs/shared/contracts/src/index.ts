export * from './identity';
export * from './errors';
export * from './permissions';
export * from './applications';
export * from './events';
export * from './notifications';
