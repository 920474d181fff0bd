export * from './pii-cipher';
export * from './keyring';
export * from './crypto.module';
export * from './masking';
export * from './sealed-columns';
export * from './jobs/pii-rotation.job';
