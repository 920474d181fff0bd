import * as argon2 from 'argon2';

const OPTIONS: argon2.Options = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, OPTIONS);
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so both paths take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('peixun-no-such-account');
  return dummyHash;
}

/** Password policy: 8-128 characters with letters and digits. Returns a problem or null. */
export function passwordProblem(plain: string): string | null {
  if (plain.length < 8 || plain.length > 128) return '密码长度应为 8-128 位 (8-128 characters)';
  if (!/[A-Za-z]/.test(plain) || !/\d/.test(plain))
    return '密码须同时包含字母和数字 (letters and digits)';
  return null;
}
