import { z } from 'zod';
import {
  invitationSecretEnvironment,
  invitationSecretOf,
  invitationSecretRequiredInProduction,
  invitationTokenOf,
  isInvitationToken,
} from './invitation-token';

const SECRET = 'a-test-invitation-secret-of-32-characters';
const INVITATION = '5b1d0c4e-8f0a-4c6e-9b7d-2a3c4e5f6a7b';

describe('invitation link tokens', () => {
  it('accepts the token made for an invitation with the same secret', () => {
    const token = invitationTokenOf(SECRET, INVITATION);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(isInvitationToken(SECRET, INVITATION, token)).toBe(true);
  });

  it("refuses another invitation's token, another secret's, a changed one and one of another length", () => {
    const token = invitationTokenOf(SECRET, INVITATION);
    const other = '7c2e1d5f-9a0b-4d7f-8c8e-3b4d5f6a7b8c';
    expect(isInvitationToken(SECRET, other, token)).toBe(false);
    expect(isInvitationToken(`${SECRET}!`, INVITATION, token)).toBe(false);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(isInvitationToken(SECRET, INVITATION, flipped)).toBe(false);
    expect(isInvitationToken(SECRET, INVITATION, token.slice(1))).toBe(false);
    expect(isInvitationToken(SECRET, INVITATION, '')).toBe(false);
  });
});

describe('INVITATION_SECRET', () => {
  const schema = invitationSecretEnvironment.refine(...invitationSecretRequiredInProduction);

  it('is required in production, and at least 32 characters anywhere', () => {
    expect(() => schema.parse({ NODE_ENV: 'production' })).toThrow(/INVITATION_SECRET/);
    expect(() => schema.parse({ NODE_ENV: 'production', INVITATION_SECRET: '' })).toThrow(
      /INVITATION_SECRET/,
    );
    expect(() => schema.parse({ INVITATION_SECRET: 'short' })).toThrow(/32 characters/);
    expect(schema.parse({ NODE_ENV: 'production', INVITATION_SECRET: SECRET }).INVITATION_SECRET).toBe(
      SECRET,
    );
  });

  it('outside production, unset, is a random secret per process, never a constant', () => {
    const environment = schema.parse({});
    const first = invitationSecretOf(environment);
    const second = invitationSecretOf(environment);
    expect(first.generated).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(first.secret).not.toBe(second.secret);
    expect(invitationSecretOf(schema.parse({ INVITATION_SECRET: SECRET }))).toEqual({
      secret: SECRET,
      generated: false,
    });
  });

  it('keeps a service environment an object schema once refined', () => {
    expect(schema).toBeInstanceOf(z.ZodObject);
  });
});
