import { databaseName, redactPassword, withDatabase } from './database-url';

describe('database URLs', () => {
  const url = 'postgres://vouch:s3cret@db.internal:5432/recommendations?sslmode=require';

  it('reads the database name', () => {
    expect(databaseName(url)).toBe('recommendations');
  });

  it('points the same server at another database, keeping the options', () => {
    expect(withDatabase(url, 'postgres')).toBe(
      'postgres://vouch:s3cret@db.internal:5432/postgres?sslmode=require',
    );
  });

  it('never shows the password', () => {
    expect(redactPassword(url)).not.toContain('s3cret');
    expect(redactPassword('not a url')).toBe('<unparseable database URL>');
  });

  it('refuses a URL without a database', () => {
    expect(() => databaseName('postgres://u:p@h:5432/')).toThrow(/names no database/);
  });
});
