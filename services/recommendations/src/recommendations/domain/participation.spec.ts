import {
  checkParticipation,
  InactiveEmployeeError,
  NotConnectedError,
  SelfRecommendationError,
  UnknownEmployeeError,
} from './participation';

describe('who may ask or recommend whom', () => {
  const ana = { id: 'ana', active: true };
  const ben = { id: 'ben', active: true };

  it('lets connected, active colleagues address each other', () => {
    expect(() =>
      checkParticipation({ actorId: 'ana', otherId: 'ben', actor: ana, other: ben, connected: true }),
    ).not.toThrow();
  });

  it('refuses oneself before anything else', () => {
    expect(() =>
      checkParticipation({ actorId: 'ana', otherId: 'ana', actor: ana, other: ana, connected: true }),
    ).toThrow(SelfRecommendationError);
  });

  it('refuses an employee it does not know', () => {
    expect(() =>
      checkParticipation({ actorId: 'ana', otherId: 'zed', actor: ana, other: null, connected: false }),
    ).toThrow(UnknownEmployeeError);
  });

  it('refuses a deactivated colleague, and a deactivated author', () => {
    const gone = { id: 'ben', active: false };
    expect(() =>
      checkParticipation({ actorId: 'ana', otherId: 'ben', actor: ana, other: gone, connected: true }),
    ).toThrow(InactiveEmployeeError);
    expect(() =>
      checkParticipation({ actorId: 'ben', otherId: 'ana', actor: gone, other: ana, connected: true }),
    ).toThrow(InactiveEmployeeError);
  });

  it('refuses colleagues who are not connected', () => {
    expect(() =>
      checkParticipation({ actorId: 'ana', otherId: 'ben', actor: ana, other: ben, connected: false }),
    ).toThrow(NotConnectedError);
  });
});
