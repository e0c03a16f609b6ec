import { useEffect, useState } from 'react';
import type { SchemaAuthMethodsResponse as AuthMethods } from '../api-types/identity.generated';
import { navigate } from '../router';
import { nextPathAfterSignIn } from '../routes';
import { session } from '../session';
import { useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/messages';
import { Page } from '../ui';

/** The page to open after signing in with the company's account, kept across the trip to its IdP. */
const NEXT_KEY = 'vouch.nextAfterCompanySignIn';

/** What identity's single sign-on refusals (`/signin?error=…`) mean, and whom to ask. */
const REFUSALS = new Map<string, MessageId>([
  ['not_provisioned', 'companySignIn.refusal.notProvisioned'],
  ['deactivated', 'companySignIn.refusal.deactivated'],
  ['account_conflict', 'companySignIn.refusal.accountConflict'],
  ['email_not_verified', 'companySignIn.refusal.emailNotVerified'],
  ['email_unusable', 'companySignIn.refusal.emailUnusable'],
  ['sso_failed', 'companySignIn.refusal.failed'],
]);

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
  const t = useT();
  // Any other code (the address is anyone's to edit) reads as a sign-in that did not complete.
  const refusal = error ? t(REFUSALS.get(error) ?? 'companySignIn.refusal.failed') : undefined;
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
            {t('companySignIn.button')}
          </a>
        </div>
      )}
    </>
  );
}

/** Where identity sends the browser back signed in from the company's IdP (`/sso-complete`). */
export function CompanySignInCompletePage() {
  const t = useT();
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
    <Page title={t('companySignIn.completing.title')}>
      <p className="muted">{t('companySignIn.completing.body')}</p>
    </Page>
  );
}
