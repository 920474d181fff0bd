export * from './policy.types';
export * from './policies';
export * from './policy.rules';
