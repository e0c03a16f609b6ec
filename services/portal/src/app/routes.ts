/** Every page of the portal, as its path names it. Email links (PUBLIC_URL) land on these paths. */
export type Route =
  | { page: 'sign-in' }
  | { page: 'sign-up' }
  | { page: 'welcome' }
  | { page: 'confirm-email' }
  | { page: 'forgot-password' }
  | { page: 'reset-password' }
  | { page: 'sso-complete' }
  | { page: 'profile' }
  | { page: 'directory' }
  | { page: 'colleague'; employeeId: string }
  | { page: 'connections' }
  | { page: 'recommendations' }
  | { page: 'write-recommendation' }
  | { page: 'recommendation'; recommendationId: string }
  | { page: 'recommendation-request'; requestId: string }
  | { page: 'balance' }
  | { page: 'notification-settings' }
  | { page: 'hr-deliveries' }
  | { page: 'account' }
  | { page: 'hr-people' }
  | { page: 'hr-person'; employeeId: string }
  | { page: 'hr-coverage' }
  | { page: 'hr-erasures' }
  | { page: 'not-found' };

const FIXED: Record<string, Route> = {
  '/': { page: 'profile' },
  '/signin': { page: 'sign-in' },
  '/signup': { page: 'sign-up' },
  // The invitation email's link: set up one's sign-in (`?invitation=&token=`).
  '/welcome': { page: 'welcome' },
  // The account emails' links (`#token=`): each page has the button that does it; opening one does nothing.
  '/confirm-email': { page: 'confirm-email' },
  '/forgot-password': { page: 'forgot-password' },
  '/reset-password': { page: 'reset-password' },
  // Where identity sends the browser back signed in from the company's identity provider.
  '/sso-complete': { page: 'sso-complete' },
  '/profile': { page: 'profile' },
  '/people': { page: 'directory' },
  '/connections': { page: 'connections' },
  '/recommendations': { page: 'recommendations' },
  '/recommendations/new': { page: 'write-recommendation' },
  '/balance': { page: 'balance' },
  '/settings/notifications': { page: 'notification-settings' },
  '/hr/deliveries': { page: 'hr-deliveries' },
  '/account': { page: 'account' },
  '/hr/people': { page: 'hr-people' },
  '/hr/coverage': { page: 'hr-coverage' },
  '/hr/erasures': { page: 'hr-erasures' },
};

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const fixed = FIXED[path];
  if (fixed) return fixed;
  const hrPerson = /^\/hr\/people\/([^/]+)$/.exec(path);
  if (hrPerson?.[1]) return { page: 'hr-person', employeeId: decodeURIComponent(hrPerson[1]) };
  const [, section, id, ...rest] = path.split('/');
  if (!id || rest.length > 0) return { page: 'not-found' };
  const decoded = decodeURIComponent(id);
  if (section === 'people') return { page: 'colleague', employeeId: decoded };
  if (section === 'recommendations') return { page: 'recommendation', recommendationId: decoded };
  if (section === 'recommendation-requests') return { page: 'recommendation-request', requestId: decoded };
  return { page: 'not-found' };
}

/** Pages anyone may see; every other page asks to sign in first, then comes back. */
export function isPublic(route: Route): boolean {
  return (
    route.page === 'sign-in' ||
    route.page === 'sign-up' ||
    route.page === 'welcome' ||
    route.page === 'confirm-email' ||
    route.page === 'forgot-password' ||
    route.page === 'reset-password' ||
    route.page === 'sso-complete'
  );
}

/** HR's pages: only for HR and admins (the services refuse everyone else anyway). */
export function isForHr(route: Route): boolean {
  return ['hr-people', 'hr-person', 'hr-coverage', 'hr-deliveries', 'hr-erasures'].includes(route.page);
}

/** Pages for admins alone, not HR (identity refuses HR anyway): the erasures. */
export function isForAdmins(route: Route): boolean {
  return route.page === 'hr-erasures';
}

export function signInPath(wanted: string): string {
  return wanted === '/' ? '/signin' : `/signin?next=${encodeURIComponent(wanted)}`;
}

/**
 * Where to go after signing in: the page asked for, if it is one of ours. Anything else (another
 * site, `//evil.example`) would make the sign-in form an open redirect.
 */
export function nextPathAfterSignIn(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/profile';
  const route = matchRoute(new URL(next, 'http://portal').pathname);
  return isPublic(route) ? '/profile' : next;
}
