export * from './chart';
export * from './fonts';
export * from './format';
export * from './layout';
export * from './pdf-document';
export * from './qr';
export * from './trainee';
