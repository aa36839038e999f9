/**
 * The shell: header with the product name, the main sections and a project search that works from every page;
 * pages are loaded lazily so the first screen only pays for what it shows.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Drawer, Grid, Input, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useMemo, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { Link, matchPath, navigate, useLocation } from '../lib/router';
import { queryClient, useApiQuery } from '../lib/query';
import { useSyncedState } from '../lib/use-synced-state';
import { NotFound } from '../components/page-states';
import { ShellContext } from '../components/shell-context';
import { placeOf, SideNav, type Section } from './side-nav';
import { theme } from './theme';
import { UserMenu } from '../features/session/components/user-menu';
import { YearSwitch } from '../features/session';
import { departmentKeys, listDepartments } from '../features/departments';
import { actorOf, loadSession, probablySignedIn, signInPath, useSession } from '../features/session/session';

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

const WorkbenchPage = lazy(() => import('../features/workbench/components/workbench-page').then((m) => ({ default: m.WorkbenchPage })));
const DashboardPage = lazy(() => import('../features/dashboard/components/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const DepartmentsPage = lazy(() => import('../features/departments/components/departments-page').then((m) => ({ default: m.DepartmentsPage })));
const DepartmentPage = lazy(() => import('../features/departments/components/department-page').then((m) => ({ default: m.DepartmentPage })));
const ProjectsPage = lazy(() => import('../features/projects/components/projects-page').then((m) => ({ default: m.ProjectsPage })));
const ProjectPage = lazy(() => import('../features/projects/components/project-page').then((m) => ({ default: m.ProjectPage })));
const ReviewListPage = lazy(() => import('../features/review/components/review-list-page').then((m) => ({ default: m.ReviewListPage })));
const ReviewPage = lazy(() => import('../features/review/components/review-page').then((m) => ({ default: m.ReviewPage })));
const MonitoringListPage = lazy(() => import('../features/monitoring/components/monitoring-list-page').then((m) => ({ default: m.MonitoringListPage })));
const RectificationListPage = lazy(() => import('../features/rectification/components/rectification-list-page').then((m) => ({ default: m.RectificationListPage })));
const RectificationPage = lazy(() => import('../features/rectification/components/rectification-page').then((m) => ({ default: m.RectificationPage })));
const MonitoringPage = lazy(() => import('../features/monitoring/components/monitoring-page').then((m) => ({ default: m.MonitoringPage })));
const SelfEvaluationListPage = lazy(() => import('../features/self-evaluation/components/self-evaluation-list-page').then((m) => ({ default: m.SelfEvaluationListPage })));
const SelfEvaluationPage = lazy(() => import('../features/self-evaluation/components/self-evaluation-page').then((m) => ({ default: m.SelfEvaluationPage })));
const ResultsUsePage = lazy(() => import('../features/results-use/components/results-use-page').then((m) => ({ default: m.ResultsUsePage })));
const PublicPage = lazy(() => import('../features/public/components/public-page').then((m) => ({ default: m.PublicPage })));
const PublicDocumentPage = lazy(() => import('../features/public/components/public-document-page').then((m) => ({ default: m.PublicDocumentPage })));
const PublicSelfEvaluationPage = lazy(() => import('../features/public/components/public-self-evaluation-page').then((m) => ({ default: m.PublicSelfEvaluationPage })));
const LibraryPage = lazy(() => import('../features/library/components/library-page').then((m) => ({ default: m.LibraryPage })));
const ImportPage = lazy(() => import('../features/import/components/import-page').then((m) => ({ default: m.ImportPage })));
const SignInPage = lazy(() => import('../features/session/components/sign-in-page').then((m) => ({ default: m.SignInPage })));
const UsersPage = lazy(() => import('../features/users/components/users-page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/components/audit-page').then((m) => ({ default: m.AuditPage })));
const PeriodLocksPage = lazy(() => import('../features/workflow/components/period-locks-page').then((m) => ({ default: m.PeriodLocksPage })));

interface RouteDef {
  pattern: string;
  page: Page;
  section: Section;
}

const ROUTES: RouteDef[] = [
  { pattern: '/', page: WorkbenchPage, section: 'home' },
  { pattern: '/dashboard', page: DashboardPage, section: 'dashboard' },
  { pattern: '/departments', page: DepartmentsPage, section: 'departments' },
  { pattern: '/departments/:id', page: DepartmentPage, section: 'departments' },
  { pattern: '/projects', page: ProjectsPage, section: 'projects' },
  { pattern: '/projects/:id', page: ProjectPage, section: 'projects' },
  { pattern: '/indicator-library', page: LibraryPage, section: 'library' },
  { pattern: '/import', page: ImportPage, section: 'import' },
  { pattern: '/review', page: ReviewListPage, section: 'review' },
  { pattern: '/review/:id', page: ReviewPage, section: 'review' },
  { pattern: '/monitoring', page: MonitoringListPage, section: 'monitoring' },
  { pattern: '/monitoring/:id', page: MonitoringPage, section: 'monitoring' },
  { pattern: '/self-evaluation', page: SelfEvaluationListPage, section: 'self-evaluation' },
  { pattern: '/self-evaluation/:id', page: SelfEvaluationPage, section: 'self-evaluation' },
  { pattern: '/results-use', page: ResultsUsePage, section: 'results-use' },
  { pattern: '/rectification', page: RectificationListPage, section: 'rectification' },
  { pattern: '/rectification/:id', page: RectificationPage, section: 'rectification' },
  // 信息公开 (R12): anonymous — no sign-in needed.
  { pattern: '/public', page: PublicPage, section: 'public' },
  { pattern: '/public/documents/:id', page: PublicDocumentPage, section: 'public' },
  { pattern: '/public/self-evaluations/:id', page: PublicSelfEvaluationPage, section: 'public' },
  // Decision 010: sign-in (anonymous), and the admin / reviewer pages.
  { pattern: '/sign-in', page: SignInPage, section: 'sign-in' },
  { pattern: '/users', page: UsersPage, section: 'users' },
  { pattern: '/audit', page: AuditPage, section: 'audit' },
  { pattern: '/period-locks', page: PeriodLocksPage, section: 'period-locks' },
];

/** Pages anyone may open without signing in. */
const ANONYMOUS_SECTIONS: ReadonlySet<RouteDef['section']> = new Set(['public', 'sign-in']);

function resolve(pathname: string): { route: RouteDef; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, pathname);
    if (params) return { route, params };
  }
  return undefined;
}

function GlobalSearch({ initial }: { initial: string }) {
  const [value, setValue] = useSyncedState(initial);
  return (
    <Input.Search
      className="app-search"
      placeholder="搜索项目名称或编码"
      allowClear
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onSearch={(v) => navigate(v.trim() ? `/projects?search=${encodeURIComponent(v.trim())}` : '/projects')}
      aria-label="搜索项目"
    />
  );
}

/** The year switch with the years there are data for (the departments' years, the list every home shares). */
function HeaderYearSwitch() {
  const all = useApiQuery(departmentKeys.list({}), (signal) => listDepartments({}, signal));
  const years = useMemo(() => [...new Set((all.data ?? []).flatMap((d) => d.years))], [all.data]);
  return <YearSwitch years={years} />;
}

export function App() {
  const location = useLocation();
  const match = resolve(location.pathname);
  const section = match?.route.section;
  const Page = match?.route.page;
  const onProjects = location.pathname === '/projects';
  const session = useSession();
  const anonymousPage = section !== undefined && ANONYMOUS_SECTIONS.has(section);
  const actor = session.status === 'signed-in' ? actorOf(session.session) : undefined;
  // Below antd's lg (992 px) the menu is a drawer opened from the header, so the content keeps the whole width.
  const wide = Grid.useBreakpoint().lg ?? true;
  const [menuOpen, setMenuOpen] = useState(false);
  const signedIn = actor !== undefined;
  const place = useMemo(() => ({ ...placeOf(section), home: signedIn }), [section, signedIn]);

  // Public pages and sign-in ask who is signed in only when this browser was signed in: an anonymous visitor causes
  // no 401 there, and someone signed in who reloads 信息公开 still sees their name, not 「登录」.
  useEffect(() => {
    if (session.status === 'loading' && (!anonymousPage || probablySignedIn())) void loadSession().catch(() => undefined);
  }, [session.status, anonymousPage]);

  // Every page but the public ones and sign-in needs a session: go and sign in, then come back here.
  useEffect(() => {
    if (session.status === 'signed-out' && !anonymousPage) navigate(signInPath(location.pathname + (location.search.toString() ? `?${location.search.toString()}` : '')), { replace: true });
  }, [session.status, anonymousPage, location]);

  useEffect(() => {
    if (!match) document.title = '找不到页面 · jixiao 预算绩效管理';
  }, [match]);

  return (
    <QueryClientProvider client={queryClient}>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <div className="app">
          <header className="app-header">
            <div className="app-header-inner">
              <Link to="/" className="app-brand" aria-label="jixiao 预算绩效管理 首页">
                <img src="/favicon.svg" alt="" width={28} height={28} />
                <span className="app-brand-name">jixiao</span>
                <span className="app-brand-title">预算绩效管理</span>
              </Link>
              {actor && !wide ? (
                <Button className="app-menu-button" ghost size="small" autoInsertSpace={false} onClick={() => setMenuOpen(true)} aria-label="打开菜单">
                  菜单
                </Button>
              ) : null}
              {!actor ? (
                <Link to="/public" className="app-public-link">
                  信息公开
                </Link>
              ) : null}
              {actor && <GlobalSearch initial={onProjects ? (location.search.get('search') ?? '') : ''} />}
              {actor && <HeaderYearSwitch />}
              {session.status === 'signed-in' ? (
                <UserMenu session={session.session} />
              ) : (
                section !== 'sign-in' && (
                  <Link to="/sign-in" className="app-sign-in-link">
                    登录
                  </Link>
                )
              )}
            </div>
          </header>
          <div className="app-body">
          {actor && wide ? (
            <aside className="app-side">
              <SideNav actor={actor} section={section} />
            </aside>
          ) : null}
          {actor && !wide ? (
            <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} placement="left" size={240} title="jixiao 预算绩效管理" styles={{ body: { padding: 0 } }}>
              <SideNav actor={actor} section={section} onNavigate={() => setMenuOpen(false)} />
            </Drawer>
          ) : null}
          <main className="app-main">
            <ShellContext.Provider value={place}>
            <Suspense
              fallback={
                <div className="app-loading">
                  <Spin />
                </div>
              }
            >
              {!anonymousPage && session.status !== 'signed-in' ? (
                <div className="app-loading">
                  <Spin />
                </div>
              ) : Page && match ? (
                <Page params={match.params} />
              ) : (
                <NotFound />
              )}
            </Suspense>
            </ShellContext.Provider>
          </main>
          </div>
          <footer className="app-footer">jixiao 预算绩效管理 · 金额单位：万元</footer>
        </div>
      </AntApp>
    </ConfigProvider>
    </QueryClientProvider>
  );
}
