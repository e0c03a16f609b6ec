import { EmployeeInvitedV1 } from '@vouch/contracts';
import { Invitation, reasonNotToInvite } from './invitation';
import {
  InvitationAlreadyAcceptedError,
  InvitationExpiredError,
  InviteeDeactivatedError,
  PasswordAlreadySetError,
} from './invitation.errors';

const DAY_MS = 86_400_000;
const at = new Date('2026-12-01T10:00:00.000Z');

function issued(): Invitation {
  return Invitation.issue({
    id: '5b1d0c4e-8f0a-4c6e-9b7d-2a3c4e5f6a7b',
    employeeId: '7c2e1d5f-9a0b-4d7f-8c8e-3b4d5f6a7b8c',
    invitee: { email: 'ana@acme.com', name: 'Ana Lima' },
    invitedBy: { type: 'csv' },
    at,
    ttlDays: 14,
  });
}

describe('an invitation', () => {
  it('records EmployeeInvited when issued, once', () => {
    const invitation = issued();
    expect(invitation.pullEvents()).toEqual([
      {
        definition: EmployeeInvitedV1,
        subject: '7c2e1d5f-9a0b-4d7f-8c8e-3b4d5f6a7b8c',
        data: {
          invitationId: '5b1d0c4e-8f0a-4c6e-9b7d-2a3c4e5f6a7b',
          employeeId: '7c2e1d5f-9a0b-4d7f-8c8e-3b4d5f6a7b8c',
          email: 'ana@acme.com',
          name: 'Ana Lima',
          invitedAt: '2026-12-01T10:00:00.000Z',
          expiresAt: '2026-12-15T10:00:00.000Z',
        },
      },
    ]);
    expect(invitation.pullEvents()).toEqual([]);
  });

  it('expires its time to live after it was made', () => {
    const invitation = issued();
    expect(invitation.snapshot().expiresAt).toEqual(new Date(at.getTime() + 14 * DAY_MS));
    expect(invitation.isOpen).toBe(true);
  });

  it('is accepted once, before it expires', () => {
    const invitation = issued();
    const acceptedAt = new Date(at.getTime() + 14 * DAY_MS - 1);
    invitation.accept(acceptedAt);
    expect(invitation.snapshot().acceptedAt).toEqual(acceptedAt);
    expect(invitation.isOpen).toBe(false);
    expect(() => invitation.accept(acceptedAt)).toThrow(InvitationAlreadyAcceptedError);
  });

  it('is refused as expired from its expiry on', () => {
    const invitation = issued();
    expect(() => invitation.accept(new Date(at.getTime() + 14 * DAY_MS))).toThrow(
      new InvitationExpiredError('expired'),
    );
    expect(invitation.snapshot().acceptedAt).toBeNull();
  });

  it('stops working once a newer invitation replaces it', () => {
    const invitation = issued();
    invitation.supersede(new Date(at.getTime() + DAY_MS));
    expect(invitation.isOpen).toBe(false);
    expect(() => invitation.accept(new Date(at.getTime() + 2 * DAY_MS))).toThrow(
      new InvitationExpiredError('superseded'),
    );
  });

  it('says it was used, rather than expired, when a used link is followed late', () => {
    const invitation = issued();
    invitation.accept(at);
    invitation.supersede(new Date(at.getTime() + DAY_MS));
    expect(invitation.snapshot().supersededAt).toBeNull();
    expect(() => invitation.accept(new Date(at.getTime() + 30 * DAY_MS))).toThrow(
      InvitationAlreadyAcceptedError,
    );
  });
});

describe('who is invited', () => {
  it('only active employees without a password', () => {
    const id = '7c2e1d5f-9a0b-4d7f-8c8e-3b4d5f6a7b8c';
    expect(reasonNotToInvite({ id, active: true, hasPassword: false })).toBeNull();
    expect(reasonNotToInvite({ id, active: true, hasPassword: true })).toBeInstanceOf(
      PasswordAlreadySetError,
    );
    expect(reasonNotToInvite({ id, active: false, hasPassword: false })).toBeInstanceOf(
      InviteeDeactivatedError,
    );
  });
});
