import { loginAccountKey } from './login-throttler.guard';

describe('login attempts are counted per account by', () => {
  it.each<[unknown, string]>([
    [{ username: 'shi.admin' }, 'shi.admin'],
    [{ username: '  Shi.Admin ' }, 'shi.admin'],
    [{ username: 'SHI.ADMIN', password: 'x' }, 'shi.admin'],
    [{ username: 42 }, ''],
    [{ username: ['a'] }, ''],
    [{}, ''],
    [null, ''],
    [undefined, ''],
    ['username=a', ''],
  ])('%j -> %j', (body, key) => {
    expect(loginAccountKey(body)).toBe(key);
  });
});
