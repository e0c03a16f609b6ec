import { isForAdmins, isForHr, isPublic, matchRoute, nextPathAfterSignIn, signInPath } from './routes';

describe('the portal routes', () => {
  it('opens the page each email link names', () => {
    expect(matchRoute('/recommendations/4b1d')).toEqual({ page: 'recommendation', recommendationId: '4b1d' });
    expect(matchRoute('/recommendations/new')).toEqual({ page: 'write-recommendation' });
    expect(matchRoute('/recommendation-requests/9a2c')).toEqual({
      page: 'recommendation-request',
      requestId: '9a2c',
    });
    expect(matchRoute('/connections')).toEqual({ page: 'connections' });
    expect(matchRoute('/settings/notifications')).toEqual({ page: 'notification-settings' });
    expect(matchRoute('/welcome')).toEqual({ page: 'welcome' });
  });

  it('opens the account page, where one downloads their data, only signed in', () => {
    expect(matchRoute('/account')).toEqual({ page: 'account' });
    expect(isPublic(matchRoute('/account'))).toBe(false);
  });

  it('opens the invitation’s page without signing in: it is how the invited set up their sign-in', () => {
    expect(isPublic(matchRoute('/welcome'))).toBe(true);
    expect(nextPathAfterSignIn('/welcome?invitation=4b1d&token=t')).toBe('/profile');
  });

  it('lands back from the company’s identity provider without signing in: that page completes it', () => {
    expect(matchRoute('/sso-complete')).toEqual({ page: 'sso-complete' });
    expect(isPublic(matchRoute('/sso-complete'))).toBe(true);
    expect(nextPathAfterSignIn('/sso-complete')).toBe('/profile');
  });

  it('opens the account emails’ pages without signing in, and never goes back to them after signing in', () => {
    for (const [path, page] of [
      ['/confirm-email', 'confirm-email'],
      ['/forgot-password', 'forgot-password'],
      ['/reset-password', 'reset-password'],
    ] as const) {
      expect(matchRoute(path)).toEqual({ page });
      expect(isPublic(matchRoute(path))).toBe(true);
      expect(nextPathAfterSignIn(path)).toBe('/profile');
    }
  });

  it('opens the profile at the root and ignores a trailing slash', () => {
    expect(matchRoute('/')).toEqual({ page: 'profile' });
    expect(matchRoute('/people/7f3e/')).toEqual({ page: 'colleague', employeeId: '7f3e' });
  });

  it('answers not-found for paths it does not know', () => {
    expect(matchRoute('/people/7f3e/extra')).toEqual({ page: 'not-found' });
    expect(matchRoute('/nowhere')).toEqual({ page: 'not-found' });
  });

  it('keeps the wanted page, query included, across the sign-in', () => {
    const wanted = '/recommendations/new?subjectId=7f3e';
    const signIn = new URL(signInPath(wanted), 'http://portal');
    expect(signIn.pathname).toBe('/signin');
    expect(nextPathAfterSignIn(signIn.searchParams.get('next'))).toBe(wanted);
  });

  it('never sends a signed-in employee to another site or back to the sign-in page', () => {
    expect(nextPathAfterSignIn('https://evil.example/')).toBe('/profile');
    expect(nextPathAfterSignIn('//evil.example/')).toBe('/profile');
    expect(nextPathAfterSignIn('/\\evil.example/')).toBe('/profile');
    expect(nextPathAfterSignIn('/signin')).toBe('/profile');
    expect(nextPathAfterSignIn(null)).toBe('/profile');
  });

  it("opens HR's pages, for HR only, and a person's page under them", () => {
    expect(matchRoute('/hr/people')).toEqual({ page: 'hr-people' });
    expect(matchRoute('/hr/people/4b1d')).toEqual({ page: 'hr-person', employeeId: '4b1d' });
    expect(matchRoute('/hr/coverage/')).toEqual({ page: 'hr-coverage' });
    expect(matchRoute('/hr/people/4b1d/more')).toEqual({ page: 'not-found' });
    expect(isForHr(matchRoute('/hr/people/4b1d'))).toBe(true);
    expect(isForHr(matchRoute('/hr/deliveries'))).toBe(true);
    expect(isForHr(matchRoute('/people/4b1d'))).toBe(false);
  });

  it('opens the erasures under HR, for admins only', () => {
    expect(matchRoute('/hr/erasures')).toEqual({ page: 'hr-erasures' });
    expect(isForAdmins(matchRoute('/hr/erasures'))).toBe(true);
    expect(isForHr(matchRoute('/hr/erasures'))).toBe(true);
    expect(isForAdmins(matchRoute('/hr/people/4b1d'))).toBe(false);
    expect(isForAdmins(matchRoute('/hr/deliveries'))).toBe(false);
  });
});
