import { DatabaseUrlError, describeDatabase, parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  it('reads an sqlite file path', () => {
    expect(parseDatabaseUrl('sqlite:var/keyhouse.sqlite')).toEqual({ dialect: 'sqlite', file: 'var/keyhouse.sqlite' });
    expect(parseDatabaseUrl('sqlite:///tmp/k.sqlite')).toEqual({ dialect: 'sqlite', file: '/tmp/k.sqlite' });
  });

  it('reads a mysql URL with an encoded password', () => {
    expect(parseDatabaseUrl('mysql://app:p%40ss@db:3307/keyhouse')).toEqual({
      dialect: 'mysql',
      host: 'db',
      port: 3307,
      user: 'app',
      password: 'p@ss',
      database: 'keyhouse',
    });
  });

  it.each([
    ['postgres://x', /unsupported scheme "postgres:"/],
    ['foo', /not a URL/],
    ['sqlite:', /needs a file path/],
    ['mysql://root@localhost/', /needs a database name/],
  ])('refuses %s', (raw, message) => {
    expect(() => parseDatabaseUrl(raw)).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl(raw)).toThrow(message);
  });

  it('never describes the password', () => {
    expect(describeDatabase(parseDatabaseUrl('mysql://app:s3cret@db/k'))).toBe('mysql://app@db:3306/k');
  });
});
