/**
 * The signed-in employee's access token: in memory, and in sessionStorage so a reload keeps the tab
 * signed in while closing it signs out. Never in localStorage, never shared between tabs.
 */
const STORAGE_KEY = 'vouch.accessToken';

type Listener = () => void;
const listeners = new Set<Listener>();
let token: string | null = readStored();

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

export const session = {
  token: (): string | null => token,

  signIn(accessToken: string): void {
    token = accessToken;
    store(accessToken);
    listeners.forEach((listener) => listener());
  },

  signOut(): void {
    token = null;
    store(null);
    listeners.forEach((listener) => listener());
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** The signed-in employee's id, from the token's `sub` claim (identity signs it; we only read it). */
  employeeId(): string | null {
    const payload = token?.split('.')[1];
    if (!payload) return null;
    try {
      const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
      return typeof claims === 'object' &&
        claims !== null &&
        'sub' in claims &&
        typeof claims.sub === 'string'
        ? claims.sub
        : null;
    } catch {
      return null;
    }
  },
};
