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
import { Page } from './ui';

const NAVIGATION = [
  { href: '/profile', label: 'Profile' },
  { href: '/people', label: 'People' },
  { href: '/connections', label: 'Connections' },
  { href: '/recommendations', label: 'Recommendations' },
  { href: '/balance', label: 'Balance' },
  { href: '/settings/notifications', label: 'Emails' },
  { href: '/account', label: 'Account' },
];

/** HR's pages, shown to HR and admins only; the erasures to admins alone. */
const HR_NAVIGATION = [
  { href: '/hr/people', label: 'People', adminsOnly: false },
  { href: '/hr/coverage', label: 'Coverage', adminsOnly: false },
  { href: '/hr/deliveries', label: 'Deliveries', adminsOnly: false },
  { href: '/hr/erasures', label: 'Erasures', adminsOnly: true },
];

/** A page number from the address: 1 unless a whole number from 1 on. */
function pageNumber(value: string | null): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : 1;
}

function pageFor(route: Route, location: Location): ReactNode {
  if (isForAdmins(route) && !session.isAdmin())
    return (
      <Page title="Not allowed">
        <p className="message error" role="alert">
          This page is for admins only. <Link href="/profile">Go to your profile</Link>.
        </p>
      </Page>
    );
  if (isForHr(route) && !session.isHrOrAdmin())
    return (
      <Page title="Not allowed">
        <p className="message error" role="alert">
          This page is for HR and admins only. <Link href="/profile">Go to your profile</Link>.
        </p>
      </Page>
    );
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
      return (
        <Page title="Page not found">
          <p>
            There is nothing at this address. <Link href="/profile">Go to your profile</Link>.
          </p>
        </Page>
      );
  }
}

/** A menu's links, the current page's marked for assistive technology and the eye. */
function NavigationLinks({
  items,
  pathname,
}: {
  items: ReadonlyArray<{ href: string; label: string }>;
  pathname: string;
}) {
  return items.map((item) => (
    <li key={item.href}>
      <Link href={item.href} aria-current={pathname.startsWith(item.href) ? 'page' : undefined}>
        {item.label}
      </Link>
    </li>
  ));
}

export function App() {
  const location = useLocation();
  const token = useSyncExternalStore(session.subscribe, session.token);
  const restoring = useSyncExternalStore(session.subscribe, session.restoring);
  const route = matchRoute(location.pathname);
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
        Skip to content
      </a>
      <header className="site-header">
        <Link href={token ? '/profile' : '/signin'} className="brand">
          Vouch
        </Link>
        {token && (
          <nav aria-label="Main">
            <ul>
              <NavigationLinks items={NAVIGATION} pathname={location.pathname} />
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    void session.signOut();
                    navigate('/signin');
                  }}
                >
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        )}
        {token && session.isHrOrAdmin() && (
          <nav aria-label="HR" className="hr-navigation">
            <span className="nav-group-label">HR</span>
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
