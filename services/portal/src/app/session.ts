/**
 * The signed-in employee's access token: in memory, and in sessionStorage so a reload keeps the tab
 * signed in. Never in localStorage, never shared between tabs. What lasts is the session behind it:
 * identity's refresh cookie (httpOnly, so no script here ever reads it), exchanged for a new access
 * token before this one expires, after a 401, and when a tab opens without one.
 */
const STORAGE_KEY = 'vouch.accessToken';
/** Refresh this long before the access token expires, so a request never carries an expired one. */
const REFRESH_AHEAD_MS = 60_000;
/** identity requires it on its cookie-authenticated endpoints (CSRF): only our own script sends it. */
const FROM_THE_PORTAL = { 'x-requested-with': 'vouch-portal' };

type Listener = () => void;
const listeners = new Set<Listener>();
let token: string | null = readStored();
/** Whether a silent refresh is finding out if the browser still holds a session (a new tab). */
let restoring = false;
let refreshing: Promise<string | null> | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(value: string | null): void {
  try {
    if (value) sessionStorage.setItem(STORAGE_KEY, value);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the token stays in memory for this page only.
  }
}

function claimsOf(accessToken: string | null): Record<string, unknown> | null {
  const payload = accessToken?.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function changed(): void {
  listeners.forEach((listener) => listener());
}

function setToken(value: string | null): void {
  token = value;
  store(value);
  scheduleRefresh();
  changed();
}

/** Renews the access token a minute before it expires, while the page is open. */
function scheduleRefresh(): void {
  clearTimeout(refreshTimer);
  const expiresAt = claimsOf(token)?.exp;
  if (typeof expiresAt !== 'number') return;
  const due = Math.max(expiresAt * 1000 - REFRESH_AHEAD_MS - Date.now(), 5_000);
  refreshTimer = setTimeout(() => void session.refresh(), due);
}

/**
 * One refresh at a time in the whole browser: tabs share the cookie, and each refresh token works
 * once, so two tabs refreshing with the same one would look like a stolen token and end the session.
 */
async function oneAtATime(work: () => Promise<string | null>): Promise<string | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? await locks.request('vouch.refresh', work) : await work();
}

async function exchangeCookie(): Promise<string | null> {
  const response = await fetch('/v1/auth/refresh', {
    method: 'POST',
    headers: { accept: 'application/json', ...FROM_THE_PORTAL },
    credentials: 'same-origin',
  });
  if (!response.ok) return null;
  const body = (await response.json()) as { accessToken?: unknown };
  return typeof body.accessToken === 'string' ? body.accessToken : null;
}

export const session = {
  token: (): string | null => token,

  /** True while a tab opened without a token finds out whether the browser still has a session. */
  restoring: (): boolean => restoring,

  signIn(accessToken: string): void {
    setToken(accessToken);
  },

  /**
   * A new access token from the refresh cookie, or null when there is no session any more; the
   * token in use changes only on success. Concurrent callers share one request.
   */
  refresh(): Promise<string | null> {
    refreshing ??= oneAtATime(exchangeCookie)
      .catch(() => null)
      .then((renewed) => {
        if (renewed) setToken(renewed);
        return renewed;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  },

  /** When a tab opens without a token: signs it in from the browser's session, if it has one. */
  restore(): void {
    if (typeof window === 'undefined' || token || restoring) return;
    restoring = true;
    changed();
    void session.refresh().finally(() => {
      restoring = false;
      changed();
    });
  },

  /** The session is over (refused, expired): forget the token here; identity has ended it already. */
  expire(): void {
    setToken(null);
  },

  /** Signing out: identity ends the session at once (every copy of its refresh token), then here. */
  signOut(): Promise<void> {
    setToken(null);
    return fetch('/v1/auth/logout', {
      method: 'POST',
      headers: FROM_THE_PORTAL,
      credentials: 'same-origin',
    }).then(
      () => undefined,
      () => undefined,
    );
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** The signed-in employee's id, from the token's `sub` claim (identity signs it; we only read it). */
  employeeId(): string | null {
    const sub = claimsOf(token)?.sub;
    return typeof sub === 'string' ? sub : null;
  },

  /**
   * Whether the token says HR or admin: only to show HR's pages. The services decide what each
   * role may do, whatever the portal shows.
   */
  isHrOrAdmin(): boolean {
    const roles = claimsOf(token)?.roles;
    return Array.isArray(roles) && (roles.includes('hr') || roles.includes('admin'));
  },

  /** Whether the token says admin: only to show what admins alone may do (erasure), as above. */
  isAdmin(): boolean {
    const roles = claimsOf(token)?.roles;
    return Array.isArray(roles) && roles.includes('admin');
  },
};

scheduleRefresh();
// Before the app's first render, so that it waits for the answer rather than ask to sign in.
session.restore();
