import { maskIdNumber, maskPhone, normalisePhone, PiiCipher } from '@peixun/core';

/** Column names bound into the ciphertexts (AAD) and the blind-index domains. */
export const PII_FIELD = {
  idNumber: 'worker.id_number',
  phone: 'worker.phone',
} as const;

export interface SealedIdNumber {
  idNumberEnc: Buffer;
  idNumberHash: Buffer;
  idNumberMasked: string;
}

export interface SealedPhone {
  phoneEnc: Buffer | null;
  phoneHash: Buffer | null;
  phoneMasked: string | null;
}

/** The blind index of a (normalised, upper-case X) ID number: for uniqueness and exact look-up. */
export function idNumberHash(cipher: PiiCipher, idNumber: string): Buffer {
  return cipher.blindIndex('id_number', idNumber.trim().toUpperCase());
}

export function phoneHash(cipher: PiiCipher, phone: string): Buffer {
  return cipher.blindIndex('phone', normalisePhone(phone));
}

/** The columns that hold an ID number: sealed value, blind index, masked form. */
export function sealIdNumber(cipher: PiiCipher, idNumber: string): SealedIdNumber {
  const v = idNumber.trim().toUpperCase();
  return {
    idNumberEnc: cipher.seal(PII_FIELD.idNumber, v),
    idNumberHash: idNumberHash(cipher, v),
    idNumberMasked: maskIdNumber(v),
  };
}

export function sealPhone(cipher: PiiCipher, phone: string | null | undefined): SealedPhone {
  if (!phone) return { phoneEnc: null, phoneHash: null, phoneMasked: null };
  const v = phone.trim();
  return {
    phoneEnc: cipher.seal(PII_FIELD.phone, v),
    phoneHash: phoneHash(cipher, v),
    phoneMasked: maskPhone(v),
  };
}

export function openIdNumber(cipher: PiiCipher, w: { idNumberEnc: Buffer }): string {
  return cipher.open(PII_FIELD.idNumber, w.idNumberEnc);
}

export function openPhone(cipher: PiiCipher, w: { phoneEnc: Buffer | null }): string | null {
  return w.phoneEnc ? cipher.open(PII_FIELD.phone, w.phoneEnc) : null;
}
