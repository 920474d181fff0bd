export * from './file-kinds';
export * from './file-store';
export * from './file-upload';
export * from './file-stream-upload';
export * from './content-disposition';
export * from './files.module';
export { FileNotFoundError } from './backends/file-backend';
