import { useEffect } from 'react';
import { homeOf, Layout, NAV } from './components/layout';
import { NotAvailable } from './components/loadable';
import { AlertPage } from './pages/alert-page';
import { AnalyticsPage } from './pages/analytics-page';
import { CustomerLookupPage, CustomerPage } from './pages/customer-page';
import { ExplanationPage } from './pages/explanation-page';
import { EscalationsPage, InboxPage } from './pages/inbox-page';
import { LoginPage } from './pages/login-page';
import { OpsPage } from './pages/ops-page';
import { TeamSlaPage } from './pages/team-sla-page';
import { navigate, useHashRoute, type Route } from './router/hash-route';
import { useSession } from './session/session';

/** Which page a hash shows. */
const page = (route: Route) => {
  const [first, second, third] = route.segments;
  switch (first) {
    case 'inbox':
      return <InboxPage />;
    case 'escalations':
      return <EscalationsPage />;
    case 'alerts':
      if (second === undefined) return <InboxPage />;
      return third === 'explanation' ? (
        <ExplanationPage alertId={second} />
      ) : (
        <AlertPage alertId={second} />
      );
    case 'customers':
      return second === undefined ? (
        <CustomerLookupPage />
      ) : (
        <CustomerPage customerId={second} date={route.query.get('date')} />
      );
    case 'team-sla':
      return <TeamSlaPage />;
    case 'analytics':
      return <AnalyticsPage />;
    case 'ops':
      return <OpsPage />;
    default:
      return <NotAvailable path={route.path} />;
  }
};

/** Pages a role may land on from a link: its own, and alerts and customers for all but operations. */
const reachable = (role: keyof typeof NAV, page: string | undefined): boolean =>
  NAV[role].some(([p]) => p === page) ||
  (role !== 'operator' && (page === 'alerts' || page === 'customers'));

export const App = () => {
  const { session } = useSession();
  const route = useHashRoute();
  const role = session?.staff.role ?? null;
  useEffect(() => {
    if (role !== null && !reachable(role, route.segments[0])) navigate(`/${homeOf(role)}`);
  }, [role, route]);
  if (session === null) return <LoginPage />;
  // A page the role may not see is not rendered at all while the redirect happens: it would
  // request customer data the role has no business receiving.
  if (role !== null && !reachable(role, route.segments[0])) return null;
  return <Layout current={route.segments[0] ?? ''}>{page(route)}</Layout>;
};
