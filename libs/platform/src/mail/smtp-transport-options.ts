import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { OAuth2TokenSource } from './oauth2-token-source';
import type { SmtpSettings } from './smtp-settings';

/** The options both SMTP senders build their transport on: where, over what TLS, and how to log in. */
export type SmtpConnectionOptions = Pick<
  SMTPTransport.Options,
  'host' | 'port' | 'secure' | 'requireTLS' | 'tls' | 'auth'
>;

/**
 * nodemailer options for the SMTP server (notifications' pooled transport and identity's account
 * emails spread them into their own). The server's certificate is always verified, against
 * SMTP_TLS_CA_FILE when set: no setting turns that off. An OAuth2 login gets a token source of its
 * own, shared by the transport's connections.
 */
export function smtpTransportOptions(settings: SmtpSettings): SmtpConnectionOptions {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.implicitTls,
    requireTLS: settings.requireTls,
    tls: {
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      ...(settings.ca ? { ca: settings.ca } : {}),
    },
    ...authOptions(settings),
  };
}

function authOptions(settings: SmtpSettings): Pick<SmtpConnectionOptions, 'auth'> {
  const { auth } = settings;
  switch (auth.method) {
    case 'none':
      return {};
    case 'password':
      return { auth: { user: auth.user, pass: auth.password } };
    case 'oauth2': {
      const tokens = new OAuth2TokenSource({ tokenUrl: auth.tokenUrl, grant: auth.grant, user: auth.user });
      return { auth: { type: 'OAuth2', user: auth.user, provisionCallback: tokens.provisionCallback } };
    }
  }
}

/** Node's codes for a server certificate that did not verify. */
const UNTRUSTED_CERTIFICATE = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * What went wrong with SMTP, for a log or a delivery's record: the error's message, and for a
 * certificate that did not verify or a refused login, what to check.
 */
export function describeSmtpError(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
      ? error.message
      : String(error);
  const code = tlsCodeOf(error);
  if (code && UNTRUSTED_CERTIFICATE.has(code))
    return (
      `the SMTP server's TLS certificate was refused (${code}: ${message}): ` +
      'check SMTP_URL names the host on its certificate, and SMTP_TLS_CA_FILE holds the CA that issued it'
    );
  return message;
}

/** Node's code of a TLS failure: nodemailer keeps it as `originalCode`, replacing `code` with its own. */
function tlsCodeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 3; depth += 1) {
    if (typeof current !== 'object' || current === null) return undefined;
    const { code, originalCode, cause } = current as {
      code?: unknown;
      originalCode?: unknown;
      cause?: unknown;
    };
    for (const candidate of [originalCode, code])
      if (
        typeof candidate === 'string' &&
        (UNTRUSTED_CERTIFICATE.has(candidate) || candidate.startsWith('ERR_TLS'))
      )
        return candidate;
    current = cause;
  }
  return undefined;
}
