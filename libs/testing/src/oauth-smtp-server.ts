import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/** A CA made for one test run, and a certificate it issued for 127.0.0.1 and localhost. */
export interface TestCertificates {
  /** The directory holding them (and whatever a test writes there); `remove()` deletes it. */
  dir: string;
  /** PEM file of the CA that issued the server's certificate. */
  caFile: string;
  /** PEM file of another CA, which issued nothing the server shows. */
  otherCaFile: string;
  serverKey: string;
  serverCert: string;
  remove(): void;
}

/** Makes a CA and a server certificate with openssl, in a temporary directory (EC keys: fast). */
export function createTestCertificates(): TestCertificates {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vouch-smtp-tls-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  for (const ca of ['ca', 'other-ca']) {
    openssl(
      'req',
      '-x509',
      ...ecKey,
      '-keyout',
      `${ca}.key`,
      '-out',
      `${ca}.pem`,
      '-days',
      '2',
      '-subj',
      `/CN=Vouch test ${ca}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
  }
  openssl('req', ...ecKey, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  writeFileSync(
    file('server.ext'),
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'server.ext',
  );
  return {
    dir,
    caFile: file('ca.pem'),
    otherCaFile: file('other-ca.pem'),
    serverKey: readFileSync(file('server.key'), 'utf8'),
    serverCert: readFileSync(file('server.pem'), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A message the server accepted, and who logged in to send it with which token. */
export interface AcceptedMessage {
  user: string;
  accessToken: string;
  to: string;
  raw: string;
}

/** An SMTP server that speaks only TLS and XOAUTH2, as Microsoft 365's and Gmail's do. */
export interface OAuthSmtpServer {
  /** `smtps://127.0.0.1:<port>` (implicit TLS) or `smtp://127.0.0.1:<port>` (STARTTLS required). */
  url: string;
  messages: AcceptedMessage[];
  /** Every XOAUTH2 attempt, in order, accepted or not. */
  logins: Array<{ user: string; accessToken: string; accepted: boolean }>;
  /** Tokens the server takes; any other is refused as expired (XOAUTH2's 334 with status 401). */
  acceptedTokens: Set<string>;
  close(): Promise<void>;
}

/**
 * Starts an SMTP server on a free local port that requires TLS (from the first byte, or STARTTLS
 * before AUTH) with the given certificate, and an XOAUTH2 login with a token in `acceptedTokens`.
 */
export async function startOAuthSmtpServer(options: {
  tls: 'implicit' | 'starttls';
  key: string;
  cert: string;
}): Promise<OAuthSmtpServer> {
  const messages: AcceptedMessage[] = [];
  const logins: OAuthSmtpServer['logins'] = [];
  const acceptedTokens = new Set<string>();
  const server = new SMTPServer({
    secure: options.tls === 'implicit',
    key: options.key,
    cert: options.cert,
    authMethods: ['XOAUTH2'],
    // smtp-server refuses AUTH before STARTTLS unless allowInsecureAuth: left off, as providers do.
    allowInsecureAuth: false,
    logger: false,
    onAuth: (auth, _session, callback) => {
      const user = auth.username ?? '';
      const accessToken = auth.accessToken ?? '';
      const accepted = auth.method === 'XOAUTH2' && acceptedTokens.has(accessToken);
      logins.push({ user, accessToken, accepted });
      if (accepted) return callback(null, { user: { user, accessToken } });
      // What Gmail and Exchange answer an expired token with.
      return callback(null, {
        data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' },
      });
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const login = session.user as { user: string; accessToken: string };
        messages.push({
          ...login,
          to: session.envelope.rcptTo[0]?.address ?? '',
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  // A client that refuses the certificate resets the connection: that is what some tests are for.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `${options.tls === 'implicit' ? 'smtps' : 'smtp'}://127.0.0.1:${port}`,
    messages,
    logins,
    acceptedTokens,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A request the token endpoint got: its form parameters. */
export type TokenRequest = Record<string, string>;

/** A local OAuth2 token endpoint (RFC 6749 §5), issuing `token-1`, `token-2`… */
export interface TestTokenEndpoint {
  url: string;
  requests: TokenRequest[];
  /** Issued tokens' lifetime (expires_in, seconds). */
  lifetimeSeconds: number;
  /** Called with each request: a reason refuses it (HTTP 400 with that `error`), undefined issues a token. */
  refuse: (request: TokenRequest) => string | undefined;
  /** Each token issued is offered here first (e.g. to let an SMTP server accept it). */
  onIssue: (token: string) => void;
  close(): Promise<void>;
}

export async function startTestTokenEndpoint(): Promise<TestTokenEndpoint> {
  const endpoint: TestTokenEndpoint = {
    url: '',
    requests: [],
    lifetimeSeconds: 3_600,
    refuse: () => undefined,
    onIssue: () => undefined,
    close: async () => undefined,
  };
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const parameters = Object.fromEntries(new URLSearchParams(body));
      endpoint.requests.push(parameters);
      const refusal = request.method === 'POST' ? endpoint.refuse(parameters) : 'invalid_request';
      response.setHeader('content-type', 'application/json');
      if (refusal !== undefined) {
        response.statusCode = 400;
        response.end(
          JSON.stringify({ error: refusal, error_description: `refused by the test: ${refusal}` }),
        );
        return;
      }
      const token = `token-${endpoint.requests.length}`;
      endpoint.onIssue(token);
      response.end(
        JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: endpoint.lifetimeSeconds }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  endpoint.url = `http://127.0.0.1:${port}/oauth2/v2.0/token`;
  endpoint.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return endpoint;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
