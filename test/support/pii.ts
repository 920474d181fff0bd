import { appConfig, PiiCipher, piiCipher } from '@peixun/core';
import { idNumberHash, openPhone } from '@peixun/org';

/** The cipher of the test run (keys from global-setup's environment, as the API uses them). */
export const testCipher = (): PiiCipher => piiCipher(appConfig());

/** Look-up condition for a worker by plaintext ID number (through the blind index). */
export const byIdNumber = (idNumber: string): { idNumberHash: Buffer } => ({
  idNumberHash: idNumberHash(testCipher(), idNumber),
});

export const phoneOf = (w: { phoneEnc: Buffer | null }): string | null =>
  openPhone(testCipher(), w);
