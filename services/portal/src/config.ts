import path from 'node:path';
import { z } from 'zod';
import { SUPPORTED_EMAIL_LANGUAGES } from '@vouch/platform/languages';

const upstream = (port: number) => z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${port}`);

/**
 * The gateway's environment, validated at boot. It listens where the notifications service's
 * PUBLIC_URL points (8080 by default) and forwards each API path to the service that owns it.
 */
export const portalEnvironment = z.object({
  /** Where the gateway listens; PORTAL_PORT wins over PORT (`npm start` sets PORTAL_PORT). */
  PORTAL_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
  IDENTITY_URL: upstream(3001),
  CONNECTIONS_URL: upstream(3002),
  RECOMMENDATIONS_URL: upstream(3003),
  NOTIFICATIONS_URL: upstream(3004),
  /** The built app (vite build); by default where `npm start` builds it. */
  PORTAL_APP_DIR: z.string().min(1).default(path.resolve(__dirname, '../../../dist/portal')),
  /** The company's language: the portal's for anyone whose own it does not know. */
  DEFAULT_LANGUAGE: z.enum(SUPPORTED_EMAIL_LANGUAGES).default('en'),
  /** Where people reach the portal (as notifications' PUBLIC_URL): https adds HSTS to its pages. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8080'),
  /**
   * The proxies in front of the gateway (a load balancer, the Gateway API implementation) whose
   * X-Forwarded-For names the client: addresses, CIDRs, `loopback`, `linklocal`, `uniquelocal`.
   * Empty: the gateway's peer is the client, whatever it claims.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
});

export type PortalEnvironment = z.infer<typeof portalEnvironment>;

/** Reads the environment, or ends the process naming each variable that is wrong. */
export function loadPortalEnvironment(env: NodeJS.ProcessEnv = process.env): PortalEnvironment {
  const parsed = portalEnvironment.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  process.stderr.write(`portal: invalid configuration\n  ${problems.join('\n  ')}\n`);
  return process.exit(1);
}
