/**
 * The shell: header with the product name, the main sections and a project search that works from every page;
 * pages are loaded lazily so the first screen only pays for what it shows.
 */
import { App as AntApp, ConfigProvider, Input, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { Link, matchPath, navigate, useLocation } from '../lib/router';
import { useSyncedState } from '../lib/use-synced-state';
import { NotFound } from '../components/page-states';
import { theme } from './theme';

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

const DepartmentsPage = lazy(() => import('../features/departments/components/departments-page').then((m) => ({ default: m.DepartmentsPage })));
const DepartmentPage = lazy(() => import('../features/departments/components/department-page').then((m) => ({ default: m.DepartmentPage })));
const ProjectsPage = lazy(() => import('../features/projects/components/projects-page').then((m) => ({ default: m.ProjectsPage })));
const ProjectPage = lazy(() => import('../features/projects/components/project-page').then((m) => ({ default: m.ProjectPage })));
const ReviewListPage = lazy(() => import('../features/review/components/review-list-page').then((m) => ({ default: m.ReviewListPage })));
const ReviewPage = lazy(() => import('../features/review/components/review-page').then((m) => ({ default: m.ReviewPage })));
const ImportPage = lazy(() => import('../features/import/components/import-page').then((m) => ({ default: m.ImportPage })));

interface RouteDef {
  pattern: string;
  page: Page;
  section: 'departments' | 'projects' | 'import' | 'review';
}

const ROUTES: RouteDef[] = [
  { pattern: '/', page: DepartmentsPage, section: 'departments' },
  { pattern: '/departments', page: DepartmentsPage, section: 'departments' },
  { pattern: '/departments/:id', page: DepartmentPage, section: 'departments' },
  { pattern: '/projects', page: ProjectsPage, section: 'projects' },
  { pattern: '/projects/:id', page: ProjectPage, section: 'projects' },
  { pattern: '/import', page: ImportPage, section: 'import' },
  { pattern: '/review', page: ReviewListPage, section: 'review' },
  { pattern: '/review/:id', page: ReviewPage, section: 'review' },
];

const NAV: { to: string; label: string; section: RouteDef['section'] }[] = [
  { to: '/', label: '部门', section: 'departments' },
  { to: '/projects', label: '项目', section: 'projects' },
  { to: '/import', label: '导入', section: 'import' },
  { to: '/review', label: '审核', section: 'review' },
];

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

export function App() {
  const location = useLocation();
  const match = resolve(location.pathname);
  const section = match?.route.section;
  const Page = match?.route.page;
  const onProjects = location.pathname === '/projects';

  useEffect(() => {
    if (!match) document.title = '找不到页面 · jixiao 预算绩效管理';
  }, [match]);

  return (
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
              <nav className="app-nav" aria-label="主导航">
                {NAV.map((item) => (
                  <Link key={item.to} to={item.to} className={section === item.section ? 'active' : undefined}>
                    {item.label}
                  </Link>
                ))}
              </nav>
              <GlobalSearch initial={onProjects ? (location.search.get('search') ?? '') : ''} />
            </div>
          </header>
          <main className="app-main">
            <Suspense
              fallback={
                <div className="app-loading">
                  <Spin />
                </div>
              }
            >
              {Page && match ? <Page params={match.params} /> : <NotFound />}
            </Suspense>
          </main>
          <footer className="app-footer">jixiao 预算绩效管理 · 金额单位：万元</footer>
        </div>
      </AntApp>
    </ConfigProvider>
  );
}
