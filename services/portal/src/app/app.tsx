import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { AccountPage, ConfirmEmailPage, ForgotPasswordPage, ResetPasswordPage } from './pages/account';
import { BalancePage } from './pages/balance';
import { ColleaguePage } from './pages/colleague';
import { ConnectionsPage } from './pages/connections';
import { DirectoryPage } from './pages/directory';
import { HrCoveragePage } from './pages/hr-coverage';
import { HrPeoplePage, HrPersonPage } from './pages/hr-people';
import { HrDeliveriesPage } from './pages/hr-deliveries';
import { HrErasuresPage } from './pages/hr-erasures';
import { NotificationSettingsPage } from './pages/notification-settings';
import { ProfilePage } from './pages/profile';
import { RecommendationPage } from './pages/recommendation';
import { RecommendationRequestPage } from './pages/recommendation-request';
import { RecommendationsPage } from './pages/recommendations';
import { CompanySignInCompletePage } from './pages/company-sign-in';
import { SignInPage, SignUpPage } from './pages/sign-in';
import { WelcomePage } from './pages/welcome';
import { WriteRecommendationPage } from './pages/write-recommendation';
import { isForAdmins, isForHr, isPublic, matchRoute, signInPath, type Route } from './routes';
import { Link, navigate, useLocation, type Location } from './router';
import { session } from './session';
import { Message, useT } from './i18n/i18n';
import type { MessageId } from './i18n/messages';
import { usePendingRequests, type PendingRequests } from './pending-requests';
import { Page } from './ui';

const NAVIGATION: readonly NavigationItem[] = [
  { href: '/profile', label: 'nav.profile' },
  { href: '/people', label: 'nav.people' },
  { href: '/connections', label: 'nav.connections', pending: 'connections' },
  { href: '/recommendations', label: 'nav.recommendations', pending: 'recommendations' },
  { href: '/balance', label: 'nav.balance' },
  { href: '/settings/notifications', label: 'nav.emails' },
  { href: '/account', label: 'nav.account' },
];

/** HR's pages, shown to HR and admins only; the erasures to admins alone. */
const HR_NAVIGATION: readonly (NavigationItem & { adminsOnly: boolean })[] = [
  { href: '/hr/people', label: 'nav.hr.people', adminsOnly: false },
  { href: '/hr/coverage', label: 'nav.hr.coverage', adminsOnly: false },
  { href: '/hr/deliveries', label: 'nav.hr.deliveries', adminsOnly: false },
  { href: '/hr/erasures', label: 'nav.hr.erasures', adminsOnly: true },
];

interface NavigationItem {
  href: string;
  label: MessageId;
  /** The requests waiting for the person there, counted beside the link. */
  pending?: keyof PendingRequests;
}

/** A page number from the address: 1 unless a whole number from 1 on. */
function pageNumber(value: string | null): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : 1;
}

const toProfile = (text: ReactNode[]) => <Link href="/profile">{text}</Link>;

function NotAllowed({ reason }: { reason: 'notAllowed.adminsOnly' | 'notAllowed.hrOnly' }) {
  const t = useT();
  return (
    <Page title={t('notAllowed.title')}>
      <p className="message error" role="alert">
        <Message id={reason} values={{ link: toProfile }} />
      </p>
    </Page>
  );
}

function NotFound() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <p>
        <Message id="notFound.body" values={{ link: toProfile }} />
      </p>
    </Page>
  );
}

function pageFor(route: Route, location: Location): ReactNode {
  if (isForAdmins(route) && !session.isAdmin()) return <NotAllowed reason="notAllowed.adminsOnly" />;
  if (isForHr(route) && !session.isHrOrAdmin()) return <NotAllowed reason="notAllowed.hrOnly" />;
  switch (route.page) {
    case 'sign-in':
      return <SignInPage next={location.search.get('next')} refusal={location.search.get('error')} />;
    case 'sign-up':
      return <SignUpPage next={location.search.get('next')} />;
    case 'sso-complete':
      return <CompanySignInCompletePage />;
    case 'welcome':
      return (
        <WelcomePage invitationId={location.search.get('invitation')} token={location.search.get('token')} />
      );
    case 'confirm-email':
      return <ConfirmEmailPage />;
    case 'forgot-password':
      return <ForgotPasswordPage />;
    case 'reset-password':
      return <ResetPasswordPage />;
    case 'profile':
      return <ProfilePage />;
    case 'directory':
      return <DirectoryPage query={location.search.get('q') ?? ''} />;
    case 'colleague':
      return <ColleaguePage employeeId={route.employeeId} />;
    case 'connections':
      return <ConnectionsPage />;
    case 'recommendations':
      return <RecommendationsPage />;
    case 'write-recommendation':
      return <WriteRecommendationPage subjectId={location.search.get('subjectId')} />;
    case 'recommendation':
      return <RecommendationPage recommendationId={route.recommendationId} />;
    case 'recommendation-request':
      return <RecommendationRequestPage requestId={route.requestId} />;
    case 'balance':
      return <BalancePage />;
    case 'notification-settings':
      return <NotificationSettingsPage />;
    case 'account':
      return <AccountPage />;
    case 'hr-people':
      return (
        <HrPeoplePage
          query={location.search.get('q') ?? ''}
          includeDeactivated={location.search.get('status') === 'all'}
        />
      );
    case 'hr-person':
      return <HrPersonPage employeeId={route.employeeId} />;
    case 'hr-coverage':
      return (
        <HrCoveragePage
          managerId={location.search.get('managerId')}
          page={pageNumber(location.search.get('page'))}
          uncoveredPage={pageNumber(location.search.get('uncoveredPage'))}
        />
      );
    case 'hr-deliveries':
      return <HrDeliveriesPage />;
    case 'hr-erasures':
      return <HrErasuresPage />;
    case 'not-found':
      return <NotFound />;
  }
}

/** A menu's links, the current page's marked for assistive technology and the eye. */
function NavigationLinks({
  items,
  pathname,
  pending = null,
}: {
  items: readonly NavigationItem[];
  pathname: string;
  pending?: PendingRequests | null;
}) {
  const t = useT();
  return items.map((item) => {
    const label = t(item.label);
    const waiting = item.pending && pending?.[item.pending];
    const counted =
      waiting && waiting.count > 0 ? { label, count: waiting.count, more: String(waiting.more) } : null;
    return (
      <li key={item.href}>
        <Link
          href={item.href}
          aria-current={pathname.startsWith(item.href) ? 'page' : undefined}
          aria-label={counted ? t('nav.pending.name', counted) : undefined}
        >
          {counted ? t('nav.pending.text', counted) : label}
        </Link>
      </li>
    );
  });
}

export function App() {
  const t = useT();
  const location = useLocation();
  const token = useSyncExternalStore(session.subscribe, session.token);
  const restoring = useSyncExternalStore(session.subscribe, session.restoring);
  const route = matchRoute(location.pathname);
  const pending = usePendingRequests(location.pathname);
  // A tab opened without a token is signed in from the browser's session (its refresh cookie) first.
  const mustSignIn = !token && !restoring && !isPublic(route);

  // A page that needs an employee (an email's link) asks to sign in, keeping where it was going.
  useEffect(() => {
    if (mustSignIn) navigate(signInPath(location.href), { replace: true });
  }, [mustSignIn, location.href]);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Link href={token ? '/profile' : '/signin'} className="brand">
          {t('app.brand')}
        </Link>
        {token && (
          <nav aria-label={t('nav.main')}>
            <ul>
              <NavigationLinks items={NAVIGATION} pathname={location.pathname} pending={pending} />
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    void session.signOut();
                    navigate('/signin');
                  }}
                >
                  {t('nav.signOut')}
                </button>
              </li>
            </ul>
          </nav>
        )}
        {token && session.isHrOrAdmin() && (
          <nav aria-label={t('nav.hr')} className="hr-navigation">
            <span className="nav-group-label">{t('nav.hr')}</span>
            <ul>
              <NavigationLinks
                items={HR_NAVIGATION.filter((item) => !item.adminsOnly || session.isAdmin())}
                pathname={location.pathname}
              />
            </ul>
          </nav>
        )}
      </header>
      <main id="main">{mustSignIn || (restoring && !isPublic(route)) ? null : pageFor(route, location)}</main>
    </>
  );
}
