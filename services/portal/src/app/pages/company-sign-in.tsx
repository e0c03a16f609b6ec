import { useEffect, useState } from 'react';
import type { SchemaAuthMethodsResponse as AuthMethods } from '../api-types/identity.generated';
import { navigate } from '../router';
import { nextPathAfterSignIn } from '../routes';
import { session } from '../session';
import { Page } from '../ui';

/** The page to open after signing in with the company's account, kept across the trip to its IdP. */
const NEXT_KEY = 'vouch.nextAfterCompanySignIn';

/** What identity's single sign-on refusals (`/signin?error=…`) mean, and whom to ask. */
const REFUSALS: Record<string, string> = {
  not_provisioned:
    'Your company has not given you access to Vouch yet. Ask your IT administrator (whoever manages your company account) to assign Vouch to you.',
  deactivated: 'Your Vouch account is deactivated. If that is a mistake, ask your IT administrator or HR.',
  account_conflict:
    'Your Vouch account is linked to another company account. Ask your IT administrator to check your account.',
  email_not_verified:
    'Your company account does not vouch for its email address, so Vouch cannot tell it is yours. Ask your IT administrator.',
  email_unusable:
    'Your company account has no email address Vouch can use. Ask your IT administrator to give it your work email.',
  sso_failed: 'Signing in with your company account did not complete. Please try again.',
};

let methods: Promise<AuthMethods> | undefined;

/** How people sign in here (identity's `GET /v1/auth/methods`), asked once per page load. */
function loadAuthMethods(): Promise<AuthMethods> {
  methods ??= fetch('/v1/auth/methods', { headers: { accept: 'application/json' } }).then(async (answer) =>
    answer.ok ? ((await answer.json()) as AuthMethods) : { sso: false, password: true },
  );
  return methods;
}

/** The sign-in methods, undefined until known; the password form shows meanwhile only where it was on. */
export function useAuthMethods(): AuthMethods | undefined {
  const [known, setKnown] = useState<AuthMethods>();
  useEffect(() => {
    let current = true;
    loadAuthMethods().then(
      (answer) => current && setKnown(answer),
      () => current && setKnown({ sso: false, password: true }),
    );
    return () => {
      current = false;
    };
  }, []);
  return known;
}

/** "Sign in with your company account", when single sign-on is on, and why the last one was refused. */
export function CompanySignIn({
  methods: available,
  next,
  error,
}: {
  methods: AuthMethods | undefined;
  next: string | null;
  error: string | null;
}) {
  const refusal = error ? (REFUSALS[error] ?? REFUSALS.sso_failed) : undefined;
  return (
    <>
      {refusal && (
        <p className="message error" role="alert">
          {refusal}
        </p>
      )}
      {available?.sso && (
        <div className="card narrow">
          <a
            className="button primary"
            href="/v1/auth/sso/start"
            onClick={() => {
              try {
                sessionStorage.setItem(NEXT_KEY, next ?? '');
              } catch {
                // Storage refused: signed in, they land on their profile.
              }
            }}
          >
            Sign in with your company account
          </a>
        </div>
      )}
    </>
  );
}

/** Where identity sends the browser back signed in from the company's IdP (`/sso-complete`). */
export function CompanySignInCompletePage() {
  useEffect(() => {
    // The session identity started at the callback (its refresh cookie), exchanged for an access
    // token by the session's own refresh: one at a time, shared with the one a new tab starts.
    void session.refresh().then((accessToken) => {
      if (!accessToken) return navigate('/signin?error=sso_failed', { replace: true });
      let next: string | null = null;
      try {
        next = sessionStorage.getItem(NEXT_KEY);
        sessionStorage.removeItem(NEXT_KEY);
      } catch {
        // Storage refused: to the profile.
      }
      navigate(nextPathAfterSignIn(next || null), { replace: true });
    });
  }, []);
  return (
    <Page title="Signing you in">
      <p className="muted">Signing you in with your company account…</p>
    </Page>
  );
}
