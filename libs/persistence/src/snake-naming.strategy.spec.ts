import { SnakeNamingStrategy } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();

  it('names tables and columns in snake_case', () => {
    expect(naming.tableName('OutboxMessage', undefined)).toBe('outbox_message');
    expect(naming.columnName('publishedAt', undefined, [])).toBe('published_at');
    expect(naming.columnName('id', undefined, ['recommendationRequest'])).toBe('recommendation_request_id');
  });

  it('keeps names given explicitly', () => {
    expect(naming.tableName('OutboxMessage', 'outbox')).toBe('outbox');
    expect(naming.columnName('createdAt', 'created', [])).toBe('created');
  });

  it('splits acronyms from words', () => {
    expect(naming.columnName('smtpURLValue', undefined, [])).toBe('smtp_url_value');
  });
});
