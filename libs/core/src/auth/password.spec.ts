import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Demo#2026');
    expect(h).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(h, 'Demo#2026')).resolves.toBe(true);
    await expect(verifyPassword(h, 'demo#2026')).resolves.toBe(false);
    await expect(verifyPassword('not-a-hash', 'x')).resolves.toBe(false);
  });

  it.each([
    ['short1', false],
    ['onlyletters', false],
    ['12345678', false],
    ['letters123', true],
    ['x'.repeat(127) + '1', true],
    ['x'.repeat(128) + '1', false],
  ])('%s acceptable: %s', (p, ok) => {
    expect(passwordProblem(p) === null).toBe(ok);
  });
});
