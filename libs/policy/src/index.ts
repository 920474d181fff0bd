export * from './policy.types';
export * from './policies';
export * from './policy.rules';
export * from './regions';
export * from './store/training-policy.entity';
export * from './store/policy-store.service';
export * from './store/policy.module';
export * from './policy.defaults';
