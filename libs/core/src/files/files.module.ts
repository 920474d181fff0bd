import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { piiCipher } from '../crypto/keyring';
import { FileStore } from './file-store';

/** The FileStore, for every module of both processes (FILE_STORE, FILE_STORE_DIR, S3_*). */
@Global()
@Module({
  providers: [
    {
      provide: FileStore,
      inject: [AppConfig],
      useFactory: (config: AppConfig): FileStore =>
        FileStore.fromConfig(config.files, piiCipher(config)),
    },
  ],
  exports: [FileStore],
})
export class FilesModule {}
