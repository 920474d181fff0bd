import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { piiCipher } from './keyring';
import { PiiCipher } from './pii-cipher';

/** Provides the PiiCipher (personal data at rest) to every module. */
@Global()
@Module({
  providers: [{ provide: PiiCipher, inject: [AppConfig], useFactory: piiCipher }],
  exports: [PiiCipher],
})
export class CryptoModule {}
