import { assertDomainAllowed, normaliseEmail } from './email-address';
import { EmailDomainNotAllowedError } from './employee.errors';

describe('email addresses', () => {
  it('trims and lower-cases an email', () => {
    expect(normaliseEmail('  Ana.Lima@ACME.com ')).toBe('ana.lima@acme.com');
  });

  it('allows any domain when no domain is configured', () => {
    expect(() => assertDomainAllowed('ana@anywhere.org', [])).not.toThrow();
  });

  it('allows a configured domain whatever its case', () => {
    expect(() => assertDomainAllowed('Ana@Acme.COM', ['acme.com', 'acme.io'])).not.toThrow();
  });

  it('refuses other domains, subdomains and look-alikes', () => {
    for (const email of ['ana@gmail.com', 'ana@mail.acme.com', 'ana@evilacme.com']) {
      expect(() => assertDomainAllowed(email, ['acme.com'])).toThrow(EmailDomainNotAllowedError);
    }
  });
});
