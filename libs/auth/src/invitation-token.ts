import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The shortest INVITATION_SECRET accepted: 32 characters, as for SCIM_TOKEN. */
export const INVITATION_SECRET_MIN_LENGTH = 32;

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

/**
 * The secret shared by identity (which verifies an invitation link) and notifications (which builds
 * it), and by nothing else: the link's token never travels on Kafka. Required in production
 * (NODE_ENV=production, as the images run); unset elsewhere, `invitationSecretOf` makes one per
 * process, so links work only when both services are given the same one (`npm start` does).
 */
export const invitationSecretEnvironment = z.object({
  NODE_ENV: z.string().optional(),
  INVITATION_SECRET: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .min(
        INVITATION_SECRET_MIN_LENGTH,
        `INVITATION_SECRET must be at least ${INVITATION_SECRET_MIN_LENGTH} characters: it lets its holder set anyone's first password`,
      )
      .optional(),
  ),
});
export type InvitationSecretEnvironment = z.infer<typeof invitationSecretEnvironment>;

/** For `.refine` on a service's environment: INVITATION_SECRET is set whenever NODE_ENV is production. */
export const invitationSecretRequiredInProduction: [
  (environment: InvitationSecretEnvironment) => boolean,
  { message: string; path: string[] },
] = [
  (environment: InvitationSecretEnvironment) =>
    environment.NODE_ENV !== 'production' || environment.INVITATION_SECRET !== undefined,
  {
    message:
      'INVITATION_SECRET is required in production: the same secret of at least 32 characters in identity and notifications',
    path: ['INVITATION_SECRET'],
  },
];

/**
 * The secret to sign and verify invitation links with: the configured one, or outside production a
 * random one for this process (`generated` true: say so in the log).
 */
export function invitationSecretOf(environment: InvitationSecretEnvironment): {
  secret: string;
  generated: boolean;
} {
  if (environment.INVITATION_SECRET !== undefined)
    return { secret: environment.INVITATION_SECRET, generated: false };
  if (environment.NODE_ENV === 'production') throw new Error('INVITATION_SECRET is required in production');
  return { secret: randomBytes(32).toString('base64url'), generated: true };
}

/** The token of an invitation's link: HMAC-SHA256 of the invitation id, base64url (43 characters). */
export function invitationTokenOf(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(invitationId, 'utf8').digest('base64url');
}

/** Whether a token is the one of this invitation's link, compared in constant time. */
export function isInvitationToken(secret: string, invitationId: string, token: string): boolean {
  const expected = Buffer.from(invitationTokenOf(secret, invitationId), 'utf8');
  const given = Buffer.from(token, 'utf8');
  // Lengths differ only for a token that was never ours; the compare below needs equal lengths.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
