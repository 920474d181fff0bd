export * from './error-codes';
export * from './domain-error';
export * from './validation';
export * from './http-exception.filter';
export * from './unavailable';
