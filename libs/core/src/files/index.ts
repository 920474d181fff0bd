export * from './file-kinds';
export * from './file-store';
export * from './file-upload';
export * from './files.module';
export { FileNotFoundError } from './backends/file-backend';
