// class-transformer keeps its decorators' metadata in one store, which its package ships as
// `cjs/storage` with the types under `types/storage` (DtoValidationPipe reads it)
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
