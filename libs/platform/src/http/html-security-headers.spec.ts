import { cspStyleHash, htmlSecurityHeaders } from './html-security-headers';

describe('the security headers of a service-rendered page', () => {
  it('forbids framing, sniffing, referrers and anything but its own style and form', () => {
    const css = 'body{margin:0}';
    const headers = htmlSecurityHeaders({
      publicUrl: 'http://127.0.0.1:8080',
      styleSources: [cspStyleHash(css)],
    });
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("form-action 'self'");
    expect(headers['content-security-policy']).toContain("style-src 'sha256-");
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS when the public URL is https', () => {
    expect(
      htmlSecurityHeaders({ publicUrl: 'https://vouch.example.com' })['strict-transport-security'],
    ).toMatch(/^max-age=31536000/);
  });
});
