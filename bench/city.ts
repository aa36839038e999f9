/**
 * `npm run bench -- city` (issue 12 item 8): a city's data on PostgreSQL and a district's on PGlite, loaded through the
 * import path (`savePreparedImport`: the department check, the workflow guard, the versioned save and its audit entry,
 * one transaction per document), then every list, summary and detail endpoint of a real `jixiao serve` measured at 1
 * and at 50 concurrent clients, beside the same store call made directly ("bare SQL": the query through the driver,
 * no HTTP, no services). Also the overview at about 2,000 and 20,000 projects in the same run, the server's peak
 * memory, its start-up on the loaded database, the first page's bytes on the wire and `jixiao --help` beside
 * `node -e 0`.
 *
 * JIXIAO_BENCH_CITY_SCALE (default 1) scales the number of districts (at least one), for a quick look.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUser, listDepartments, savePreparedImport, SYSTEM_CHANGE } from '@jixiao/services';
import { createDatabase, openStore, type OpenedStore } from '@jixiao/store';
import { startServeProcess, type ServeProcess } from '../apps/server/src/testing/serve-process';
import { startPostgresCluster, type PostgresCluster } from '../scripts/postgres-cluster';
import { cityDocuments, DISTRICTS } from './city-data';
import { fmtMs, type BenchRow } from './table';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEPARTMENTS = 40;
const CITY_YEARS = [2023, 2024, 2025] as const;
const DISTRICT_YEARS = [2024, 2025] as const;
const PASSWORD = 'bench-password-1';
const SINGLE_RUNS = 20;
const CONCURRENT = 50;
const PER_CLIENT = 4;

interface Endpoint {
  name: string;
  path: string;
  /** Lists and summaries carry the goals; details are reported. */
  goal: boolean;
  bare: (store: OpenedStore) => Promise<unknown>;
}

interface Ids {
  departmentId: number;
  projectId: number;
  documentId: number;
  projects: number;
  /** The id before the deep page (keyset paging's `after`). */
  deepAfter: number;
}

const deepOffset = (projects: number) => Math.max(50, Math.floor((projects * 0.8) / 50) * 50);

function endpoints(ids: Ids): Endpoint[] {
  const deep = deepOffset(ids.projects);
  return [
    { name: '部门总览 /api/departments', path: '/api/departments', goal: true, bare: (s) => s.catalog.listDepartments({}) },
    { name: '部门 /api/departments/{id}', path: `/api/departments/${ids.departmentId}`, goal: true, bare: (s) => s.catalog.getDepartment(ids.departmentId) },
    { name: '单位 /api/departments/{id}/units', path: `/api/departments/${ids.departmentId}/units`, goal: true, bare: (s) => s.catalog.listUnits({ departmentId: ids.departmentId }) },
    { name: '项目第 1 页', path: '/api/projects?limit=50', goal: true, bare: (s) => s.catalog.listProjects({ limit: 50, offset: 0 }) },
    { name: `项目第 ${deep / 50 + 1} 页`, path: `/api/projects?limit=50&offset=${deep}`, goal: true, bare: (s) => s.catalog.listProjects({ limit: 50, offset: deep }) },
    {
      name: `项目第 ${deep / 50 + 1} 页（after）`,
      path: `/api/projects?limit=50&after=${ids.deepAfter}`,
      goal: true,
      bare: (s) => s.catalog.listProjects({ limit: 50, offset: 0, after: ids.deepAfter }),
    },
    { name: '项目搜索（年度+关键词）', path: `/api/projects?limit=50&year=2025&search=${encodeURIComponent('禁毒')}`, goal: true, bare: (s) => s.catalog.listProjects({ limit: 50, offset: 0, year: 2025, search: '禁毒' }) },
    { name: '指标第 1 页', path: '/api/indicators?limit=50', goal: true, bare: (s) => s.catalog.listIndicators({ limit: 50, offset: 0 }) },
    { name: '文档第 1 页', path: '/api/documents?limit=50', goal: true, bare: (s) => s.documents.pageDocuments({ limit: 50 }) },
    { name: '一个部门的文档', path: `/api/documents?departmentId=${ids.departmentId}`, goal: true, bare: (s) => s.documents.pageDocuments({ departmentId: ids.departmentId, limit: 50 }) },
    { name: '审计日志第 1 页', path: '/api/audit?limit=50', goal: true, bare: (s) => s.audit.listAudit({ limit: 50 }) },
    { name: '项目详情', path: `/api/projects/${ids.projectId}`, goal: false, bare: (s) => s.catalog.getProject(ids.projectId) },
    {
      name: '审核页（一个文档）',
      path: `/api/documents/${ids.documentId}/review`,
      goal: false,
      bare: async (s) => Promise.all([s.documents.getDocument(ids.documentId), s.reviews.listDecisions(ids.documentId)]),
    },
  ];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

interface Latency {
  p50: number;
  p95: number;
  p99: number;
}

function latency(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** `clients` at once, each making `each` calls one after another; the latency of every call. */
async function load(clients: number, each: number, call: () => Promise<void>): Promise<Latency> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < each; i++) {
        const t0 = performance.now();
        await call();
        times.push(performance.now() - t0);
      }
    }),
  );
  return latency(times);
}

async function signIn(server: ServeProcess): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bench-admin', password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

function getter(server: ServeProcess, cookie: string, path: string): () => Promise<void> {
  return async () => {
    const res = await fetch(`${server.baseUrl}${path}`, { headers: { Cookie: cookie, 'Accept-Encoding': 'br, gzip' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  };
}

/** Loads the documents through the import path; calls `checkpoint` when the project count passes each mark. */
async function loadCity(store: OpenedStore, docs: Iterable<ReturnType<typeof cityDocuments> extends Generator<infer D> ? D : never>, marks: number[], checkpoint: (projects: number) => Promise<void>): Promise<{ ms: number; documents: number; projects: number; indicators: number }> {
  let projects = 0;
  let indicators = 0;
  let documents = 0;
  let loading = 0;
  const pending = [...marks];
  for (const doc of docs) {
    const t0 = performance.now();
    const sha256 = createHash('sha256').update(JSON.stringify(doc.document)).digest('hex');
    await savePreparedImport({ store }, SYSTEM_CHANGE, { fileName: doc.fileName, document: doc.document, year: doc.year, sha256 });
    loading += performance.now() - t0;
    documents++;
    projects += doc.projects;
    indicators += doc.indicators;
    if (documents % 100 === 0) process.stderr.write(`    ${documents} documents, ${projects.toLocaleString('en-US')} projects…\n`);
    while (pending.length && projects >= pending[0]!) {
      pending.shift();
      await checkpoint(projects);
    }
  }
  return { ms: loading, documents, projects, indicators };
}

async function idsOf(store: OpenedStore, projects: number): Promise<Ids> {
  const departments = await store.catalog.listDepartments({});
  const department = departments[Math.floor(departments.length / 2)]!;
  const documents = await store.documents.listDocuments({ departmentId: department.id });
  const project = (await store.catalog.listProjects({ departmentId: department.id, limit: 1, offset: 0 })).items[0]!;
  const deepAfter = (await store.catalog.listProjects({ limit: 1, offset: deepOffset(projects) - 1 })).items[0]!.id;
  return { departmentId: department.id, projectId: project.id, documentId: documents[0]!.id, projects, deepAfter };
}

async function addAdmin(store: OpenedStore): Promise<void> {
  await createUser({ store }, SYSTEM_CHANGE, { username: 'bench-admin', displayName: '基准测试管理员', password: PASSWORD, role: 'admin', departmentId: null, assignedDepartmentIds: [] });
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

interface Measured {
  endpoint: Endpoint;
  single: Latency;
  concurrent: Latency;
  bareSingle: Latency;
  bareConcurrent: Latency;
}

async function measureAll(server: ServeProcess, store: OpenedStore, ids: Ids): Promise<Measured[]> {
  const cookie = await signIn(server);
  const out: Measured[] = [];
  for (const endpoint of endpoints(ids)) {
    process.stderr.write(`    ${endpoint.name}…\n`);
    const http = getter(server, cookie, endpoint.path);
    const bare = async () => void (await endpoint.bare(store));
    await http();
    await bare();
    out.push({
      endpoint,
      single: await load(1, SINGLE_RUNS, http),
      concurrent: await load(CONCURRENT, PER_CLIENT, http),
      bareSingle: await load(1, SINGLE_RUNS, bare),
      bareConcurrent: await load(CONCURRENT, PER_CLIENT, bare),
    });
  }
  return out;
}

const ms = (n: number) => fmtMs(n);

function rowsOf(label: string, measured: Measured[], p95Goal: number, ratioGoal: number | null): BenchRow[] {
  return measured.map(({ endpoint, single, concurrent, bareSingle, bareConcurrent }) => {
    const ratio = concurrent.p95 / Math.max(0.1, bareConcurrent.p95);
    const ok = concurrent.p95 <= p95Goal && (ratioGoal === null || ratio <= ratioGoal);
    return {
      benchmark: `${label} ${endpoint.name}`,
      result: `1: p50 ${ms(single.p50)} p95 ${ms(single.p95)} (bare ${ms(bareSingle.p95)}); ${CONCURRENT}: p50 ${ms(concurrent.p50)} p95 ${ms(concurrent.p95)} p99 ${ms(concurrent.p99)} (bare p95 ${ms(bareConcurrent.p95)}, ×${ratio.toFixed(1)})`,
      goal: endpoint.goal ? `p95 ≤ ${p95Goal} ms${ratioGoal ? ` and ≤ ${ratioGoal}× bare` : ''} at ${CONCURRENT}` : '(detail: reported)',
      verdict: endpoint.goal ? (ok ? 'met' : 'NOT met') : '—',
    };
  });
}

/** The bytes of the first page on the wire: index.html and the scripts and styles it names, compressed as served. */
async function firstPageBytes(baseUrl: string): Promise<{ bytes: number; files: number }> {
  const raw = (path: string) =>
    new Promise<{ body: Buffer; bytes: number }>((resolve, reject) => {
      const req = httpRequest(`${baseUrl}${path}`, { headers: { 'Accept-Encoding': 'br, gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ body: Buffer.concat(chunks), bytes: Buffer.concat(chunks).length }));
      });
      req.on('error', reject);
      req.end();
    });
  const plain = await (await fetch(`${baseUrl}/`)).text();
  const assets = [...plain.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let bytes = (await raw('/')).bytes;
  for (const asset of new Set(assets)) bytes += (await raw(asset)).bytes;
  return { bytes, files: new Set(assets).size + 1 };
}

function medianSpawnMs(args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    if (i > 0) times.push(performance.now() - t0);
  }
  return latency(times).p50;
}

export async function benchCity(): Promise<BenchRow[]> {
  const scale = Number(process.env.JIXIAO_BENCH_CITY_SCALE ?? '1') || 1;
  const districts = Math.max(1, Math.round(DISTRICTS.length * scale));
  const rows: BenchRow[] = [];
  let cluster: PostgresCluster | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  let server: ServeProcess | undefined;
  const pgliteDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-district-'));
  try {
    let adminUrl = process.env.DATABASE_URL?.trim();
    if (!adminUrl) {
      process.stderr.write('  starting a throwaway PostgreSQL cluster…\n');
      cluster = await startPostgresCluster();
      adminUrl = cluster.url;
    }
    database = await createDatabase(adminUrl, `jixiao_bench_city_${process.pid}`);
    const store = await openStore({ databaseUrl: database.url });
    try {
      await addAdmin(store);
      process.stderr.write(`  loading ${districts} districts × ${DEPARTMENTS} departments × ${CITY_YEARS.length} years into PostgreSQL…\n`);
      const overview: Array<{ projects: number; ms: number }> = [];
      const loaded = await loadCity(store, cityDocuments(districts, DEPARTMENTS, CITY_YEARS), [2_000, 20_000], async (projects) => {
        const times: number[] = [];
        for (let i = 0; i < 7; i++) {
          const t0 = performance.now();
          await listDepartments({ store }, {});
          times.push(performance.now() - t0);
        }
        overview.push({ projects, ms: latency(times).p50 });
      });
      rows.push({
        benchmark: 'city load (PostgreSQL, import path)',
        result: `${loaded.documents.toLocaleString('en-US')} documents, ${loaded.projects.toLocaleString('en-US')} projects, ${loaded.indicators.toLocaleString('en-US')} indicators in ${fmtMs(loaded.ms)} (${Math.round(loaded.projects / (loaded.ms / 1000)).toLocaleString('en-US')} projects/s)`,
        goal: 'linear',
        verdict: '—',
      });
      if (overview.length === 2) {
        const [small, large] = overview as [{ projects: number; ms: number }, { projects: number; ms: number }];
        const growth = large.ms / small.ms;
        rows.push({
          benchmark: 'overview growth (listDepartments)',
          result: `${small.projects.toLocaleString('en-US')} projects: ${fmtMs(small.ms)}; ${large.projects.toLocaleString('en-US')}: ${fmtMs(large.ms)} (×${growth.toFixed(1)} for ×${(large.projects / small.projects).toFixed(1)} data)`,
          goal: '≤ 4× for 10× the data',
          verdict: growth <= 4 ? 'met' : 'NOT met',
        });
      }
      process.stderr.write('  starting jixiao serve on the city database…\n');
      const t0 = performance.now();
      server = await startServeProcess({ DATABASE_URL: database.url, JIXIAO_DEMO: '0', JIXIAO_DATA_DIR: '' });
      const startMs = performance.now() - t0;
      rows.push({ benchmark: `start-up on ${loaded.projects.toLocaleString('en-US')} projects`, result: fmtMs(startMs), goal: '≤ 3 s', verdict: startMs <= 3_000 ? 'met' : 'NOT met' });
      process.stderr.write('  measuring the endpoints on PostgreSQL…\n');
      const measured = await measureAll(server, store, await idsOf(store, loaded.projects));
      rows.push(...rowsOf('PG city', measured, 100, 2));
      rows.push({ benchmark: 'PG city server peak memory', result: `${peakRssMb(server.process.pid!)} MB (VmHWM)`, goal: '(reported)', verdict: '—' });
      const page = await firstPageBytes(server.baseUrl);
      rows.push({ benchmark: 'first page on the wire', result: `${(page.bytes / 1024).toFixed(0)} KiB in ${page.files} files`, goal: '≤ 300 KiB', verdict: page.bytes <= 300 * 1024 ? 'met' : 'NOT met' });
      await server.stop();
      server = undefined;
    } finally {
      await store.close();
    }

    process.stderr.write('  loading a district (40 departments × 2 years) into PGlite…\n');
    const district = await openStore({ dataDir: pgliteDir });
    let districtLoad: Awaited<ReturnType<typeof loadCity>>;
    try {
      await addAdmin(district);
      districtLoad = await loadCity(district, cityDocuments(1, DEPARTMENTS, DISTRICT_YEARS), [], async () => {});
    } finally {
      await district.close();
    }
    rows.push({ benchmark: 'district load (PGlite, import path)', result: `${districtLoad.projects.toLocaleString('en-US')} projects in ${fmtMs(districtLoad.ms)}`, goal: 'linear', verdict: '—' });
    server = await startServeProcess({ JIXIAO_DATA_DIR: pgliteDir, DATABASE_URL: '', JIXIAO_DEMO: '0' });
    // The server holds the data dir (PGlite is one process, lock.ts), so the district's bare calls are measured after
    // it stops, on the same data dir.
    const cookie = await signIn(server);
    // The district's ids through the server (it holds the data dir).
    const items = async (path: string) => ((await (await fetch(`${server!.baseUrl}${path}`, { headers: { Cookie: cookie } })).json()) as { items: Array<{ id: number }> }).items;
    const departments = await items('/api/departments');
    const departmentId = departments[Math.floor(departments.length / 2)]!.id;
    const ids: Ids = {
      departmentId,
      projectId: (await items(`/api/projects?limit=1&departmentId=${departmentId}`))[0]!.id,
      documentId: (await items(`/api/documents?departmentId=${departmentId}`))[0]!.id,
      projects: districtLoad.projects,
      deepAfter: (await items(`/api/projects?limit=1&offset=${deepOffset(districtLoad.projects) - 1}`))[0]!.id,
    };
    process.stderr.write('  measuring the endpoints on PGlite…\n');
    const http: Array<{ endpoint: Endpoint; single: Latency; concurrent: Latency }> = [];
    for (const endpoint of endpoints(ids)) {
      const get = getter(server, cookie, endpoint.path);
      await get();
      http.push({ endpoint, single: await load(1, SINGLE_RUNS, get), concurrent: await load(CONCURRENT, PER_CLIENT, get) });
    }
    const pgliteRss = peakRssMb(server.process.pid!);
    await server.stop();
    server = undefined;
    const bareStore = await openStore({ dataDir: pgliteDir });
    try {
      const measured: Measured[] = [];
      for (const m of http) {
        const bare = async () => void (await m.endpoint.bare(bareStore));
        await bare();
        measured.push({ ...m, bareSingle: await load(1, SINGLE_RUNS, bare), bareConcurrent: await load(CONCURRENT, PER_CLIENT, bare) });
      }
      rows.push(...rowsOf('PGlite district', measured, 300, null));
    } finally {
      await bareStore.close();
    }
    rows.push({ benchmark: 'PGlite district server peak memory', result: `${pgliteRss} MB (VmHWM)`, goal: '(reported)', verdict: '—' });

    const node = medianSpawnMs(['-e', '0']);
    const help = medianSpawnMs(['apps/cli/bin/jixiao.js', '--help']);
    rows.push({ benchmark: 'jixiao --help', result: `${fmtMs(help)} (node -e 0: ${fmtMs(node)}, ×${(help / node).toFixed(1)})`, goal: '≤ 6× node -e 0', verdict: help / node <= 6 ? 'met' : 'NOT met' });
    return rows;
  } finally {
    await server?.stop();
    await database?.drop().catch(() => {});
    await cluster?.stop();
    rmSync(pgliteDir, { recursive: true, force: true });
  }
}
