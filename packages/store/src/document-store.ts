/**
 * `DocumentStore` on drizzle: imports in one transaction, document versions, exports of the stored JSON.
 *
 * The import transaction follows decision 001: everything slow (flattening the document, serialising and
 * compressing its JSON, encoding the COPY lines) happens before it opens; inside it only the `tx` handle is used
 * (the outer handle deadlocks PGlite). The bulk tables are loaded with `COPY … FROM '/dev/blob'` on PGlite, and
 * with a handful of `insert … select from unnest(…)` statements on PostgreSQL (COPY from a client would need
 * another dependency) — never one statement per row.
 */
import { countIndicators, listProjects, type PerformanceDocument, type TargetStatus } from '@jixiao/core';
import { AppError, type DocumentQuery, type DocumentStore, type DocumentSummary, type ImportOutcome, type PackedImport, type SaveImportInput } from '@jixiao/services';
import { sql, type SQL } from 'drizzle-orm';
import { likePattern } from './catalog';
import { copyData, copyTails } from './copy-text';
import { rollUpVersion } from './unit-totals';
import { queryRows, type BulkCopy, type Db, type Executor } from './db';
import { departmentNameOf, documentTitle, identityKey } from './identity';
import { flattenDocument, type DocumentRows } from './rows';
import type { departments, documents, documentVersions } from './schema';
import type { As, Outer, SqlRow } from './sql-row';
import { intArray } from './sql-arrays';
import { packContent, unpackContent } from './stored-content';
import { readTarget } from './workflow-store';
import { utcIso } from './sql-values';

/** Rows per bulk statement: large enough for few round trips, small enough to keep each statement's arrays modest. */
export const BULK_CHUNK = 10_000;

const p = (value: unknown) => sql.param(value);

/** The document and, left-joined, its current version's hash and counts (none while the first version is being written). */
type ExistingDocument = Pick<SqlRow<typeof documents>, 'id' | 'current_version' | 'department_id'> &
  Outer<Pick<SqlRow<typeof documentVersions>, 'sha256' | 'project_count' | 'indicator_count'>>;

function chunks(length: number, size = BULK_CHUNK): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let start = 0; start < length; start += size) out.push([start, Math.min(length, start + size)]);
  return out;
}

/** The document with this identity and its current version's hash and counts; `lock` takes its row lock (inside the import transaction). */
async function findDocument(db: Executor, key: string, lock: boolean): Promise<ExistingDocument | undefined> {
  const rows = await queryRows<ExistingDocument>(
    db,
    sql`select d.id, d.current_version, d.department_id, v.sha256, v.project_count, v.indicator_count
        from documents d left join document_versions v on v.id = d.current_version_id
        where d.identity_key = ${key} ${lock ? sql`for update of d` : sql``}`,
  );
  return rows[0];
}

/**
 * drizzle's error message repeats the statement and all its parameters — megabytes for a large import. Keep the
 * database's own message (e.g. `value "2147483648" is out of range for type integer`) and the original as cause.
 */
function conciseError(e: unknown): unknown {
  if (e instanceof AppError || !(e instanceof Error)) return e;
  const cause = e.cause instanceof Error ? e.cause : e;
  if (cause === e && !e.message.startsWith('Failed query')) return e;
  return new Error(`导入失败，数据库未做任何改动：${cause.message} (import failed, nothing was written)`, { cause });
}

function unchanged(existing: ExistingDocument): ImportOutcome {
  return {
    status: 'unchanged',
    documentId: existing.id,
    version: existing.current_version,
    departmentId: existing.department_id,
    projectCount: existing.project_count ?? 0,
    indicatorCount: existing.indicator_count ?? 0,
  };
}

async function upsertDepartment(tx: Executor, name: string): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`with ins as (insert into departments (name) values (${name}) on conflict (name) do nothing returning id)
        select id from ins union all select id from departments where name = ${name} limit 1`,
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`department ${name} was neither inserted nor found`);
  return id;
}

/** COPY lines of the bulk tables without their leading id columns (see copy-text.ts), encoded before the transaction. */
interface CopyTails {
  projects: string[];
  indicators: string[];
}

const PROJECT_COPY = `copy projects (version_id, document_id, department_id, unit_id, year, amount_unit, position, no, name, code, amount,
  funding_fiscal, funding_special_account, funding_other, category, description, goal, budget, indicator_count) from '/dev/blob'`;
const INDICATOR_COPY = `copy indicators (version_id, document_id, department_id, unit_id, project_id, key_task_id, year, scope, position, no,
  level1, level1_code, level2, level2_code, name, annual_target, period_target, direction, explanation, formula, weight, actual, tier, score, deviation_reason)
  from '/dev/blob'`;

function encodeCopyTails(rows: DocumentRows, year: number, amountUnit: string): CopyTails {
  const pr = rows.projects;
  const ir = rows.indicators;
  const n = pr.position.length;
  const m = ir.position.length;
  return {
    projects: copyTails(
      [Array.from({ length: n }, () => year), Array.from({ length: n }, () => amountUnit), pr.position, pr.no, pr.name, pr.code, pr.amount, pr.fiscal, pr.specialAccount, pr.other, pr.category, pr.description, pr.goal, pr.budget, pr.indicatorCount],
      n,
    ),
    indicators: copyTails(
      [Array.from({ length: m }, () => year), ir.scope, ir.position, ir.no, ir.level1, ir.level1Code, ir.level2, ir.level2Code, ir.name, ir.annualTarget, ir.periodTarget, ir.direction, ir.explanation, ir.formula, ir.weight, ir.actual, ir.tier, ir.score, ir.deviationReason],
      m,
    ),
  };
}

const idField = (id: number | null | undefined) => (id == null ? '\\N' : String(id));

async function insertRows(
  tx: Executor,
  rows: DocumentRows,
  copy: { tails: CopyTails; bulkCopy: BulkCopy } | null,
  ctx: { versionId: number; documentId: number; departmentId: number | null; year: number; amountUnit: string },
): Promise<void> {
  const { versionId, documentId, departmentId, year, amountUnit } = ctx;
  const owner = `${versionId}\t${documentId}\t${idField(departmentId)}\t`;
  // Units: one upsert for all names of the document.
  const unitIds = new Map<string, number>();
  if (rows.units.name.length > 0) {
    if (departmentId === null) throw new Error('units without a department');
    const u = rows.units;
    const got = await queryRows<{ id: number; name: string }>(
      tx,
      sql`insert into units (department_id, name, code, nature)
          select ${departmentId}, x.name, x.code, x.nature from unnest(${p(u.name)}::text[], ${p(u.code)}::text[], ${p(u.nature)}::text[]) as x(name, code, nature)
          on conflict (department_id, name) do update set code = coalesce(excluded.code, units.code), nature = coalesce(excluded.nature, units.nature)
          returning id, name`,
    );
    for (const r of got) unitIds.set(r.name, r.id);
  }

  // Projects, with their ids read back by position.
  const pr = rows.projects;
  const projectIds: number[] = [];
  const unitField = new Map([...unitIds].map(([name, id]) => [name, idField(id)]));
  const copiedProjects = copy !== null && pr.position.length > 0;
  if (copiedProjects) await copy.bulkCopy(PROJECT_COPY, copyData(pr.unitName.map((u) => owner + (unitField.get(u) ?? '\\N')), copy.tails.projects));
  if (copiedProjects) {
    const got = await queryRows<{ id: number; position: number }>(tx, sql`select id, position from projects where version_id = ${versionId}`);
    for (const r of got) projectIds[r.position] = r.id;
  }
  for (const [a, b] of copiedProjects ? [] : chunks(pr.position.length)) {
    const s = <T>(col: T[]) => p(col.slice(a, b));
    const got = await queryRows<{ id: number; position: number }>(
      tx,
      sql`insert into projects (version_id, document_id, department_id, unit_id, year, position, no, name, code, amount, amount_unit,
            funding_fiscal, funding_special_account, funding_other, category, description, goal, budget, indicator_count)
          select ${versionId}, ${documentId}, ${departmentId}, x.unit_id, ${year}, x.position, x.no, x.name, x.code, x.amount, ${amountUnit},
            x.fiscal, x.special, x.other, x.category, x.description, x.goal, x.budget::jsonb, x.indicator_count
          from unnest(${s(pr.unitName.map((n) => unitIds.get(n) ?? null))}::int[], ${s(pr.position)}::int[], ${s(pr.no)}::int[], ${s(pr.name)}::text[],
            ${s(pr.code)}::text[], ${s(pr.amount)}::numeric[], ${s(pr.fiscal)}::numeric[], ${s(pr.specialAccount)}::numeric[], ${s(pr.other)}::numeric[],
            ${s(pr.category)}::text[], ${s(pr.description)}::text[], ${s(pr.goal)}::text[], ${s(pr.budget)}::text[], ${s(pr.indicatorCount)}::int[])
            as x(unit_id, position, no, name, code, amount, fiscal, special, other, category, description, goal, budget, indicator_count)
          returning id, position`,
    );
    for (const r of got) projectIds[r.position] = r.id;
  }

  const kt = rows.keyTasks;
  const keyTaskIds: number[] = [];
  if (kt.position.length > 0) {
    const got = await queryRows<{ id: number; position: number }>(
      tx,
      sql`insert into key_tasks (version_id, document_id, department_id, year, position, name, content, funds, expected, projects, completion, weight, stated_score)
          select ${versionId}, ${documentId}, ${departmentId}, ${year}, x.position, x.name, x.content, x.funds, x.expected, x.projects::jsonb, x.completion, x.weight, x.stated_score
          from unnest(${p(kt.position)}::int[], ${p(kt.name)}::text[], ${p(kt.content)}::text[], ${p(kt.funds)}::numeric[], ${p(kt.expected)}::text[],
            ${p(kt.projects)}::text[], ${p(kt.completion)}::text[], ${p(kt.weight)}::numeric[], ${p(kt.statedScore)}::numeric[])
            as x(position, name, content, funds, expected, projects, completion, weight, stated_score)
          returning id, position`,
    );
    for (const r of got) keyTaskIds[r.position] = r.id;
  }

  const ir = rows.indicators;
  const projectIdOf = ir.projectPosition.map((pos) => (pos === null ? null : (projectIds[pos] ?? null)));
  const keyTaskIdOf = ir.keyTaskPosition.map((pos) => (pos === null ? null : (keyTaskIds[pos] ?? null)));
  const unitIdOf = ir.unitName.map((n) => (n === null ? null : (unitIds.get(n) ?? null)));
  if (copy !== null && ir.position.length > 0) {
    const prefixes = unitIdOf.map((u, i) => `${owner}${idField(u)}\t${idField(projectIdOf[i])}\t${idField(keyTaskIdOf[i])}`);
    await copy.bulkCopy(INDICATOR_COPY, copyData(prefixes, copy.tails.indicators));
    return;
  }
  for (const [a, b] of chunks(ir.position.length)) {
    const s = <T>(col: T[]) => p(col.slice(a, b));
    await tx.execute(
      sql`insert into indicators (version_id, document_id, department_id, unit_id, scope, project_id, key_task_id, year, position, no,
            level1, level1_code, level2, level2_code, name, annual_target, period_target, direction, explanation, formula, weight, actual, tier, score, deviation_reason)
          select ${versionId}, ${documentId}, ${departmentId}, x.unit_id, x.scope, x.project_id, x.key_task_id, ${year}, x.position, x.no,
            x.level1, x.level1_code, x.level2, x.level2_code, x.name, x.annual_target::jsonb, x.period_target::jsonb, x.direction, x.explanation, x.formula,
            x.weight, x.actual::jsonb, x.tier, x.score, x.deviation_reason
          from unnest(${s(unitIdOf)}::int[], ${s(ir.scope)}::text[], ${s(projectIdOf)}::int[], ${s(keyTaskIdOf)}::int[], ${s(ir.position)}::int[], ${s(ir.no)}::int[],
            ${s(ir.level1)}::text[], ${s(ir.level1Code)}::text[], ${s(ir.level2)}::text[], ${s(ir.level2Code)}::text[], ${s(ir.name)}::text[],
            ${s(ir.annualTarget)}::text[], ${s(ir.periodTarget)}::text[], ${s(ir.direction)}::text[], ${s(ir.explanation)}::text[], ${s(ir.formula)}::text[],
            ${s(ir.weight)}::numeric[], ${s(ir.actual)}::text[], ${s(ir.tier)}::text[], ${s(ir.score)}::numeric[], ${s(ir.deviationReason)}::text[])
            as x(unit_id, scope, project_id, key_task_id, position, no, level1, level1_code, level2, level2_code, name, annual_target, period_target,
                 direction, explanation, formula, weight, actual, tier, score, deviation_reason)`,
    );
  }
}

/** A document at one version, its department's name and workflow status (left-joined), and its units (computed). */
type SummaryRow = Pick<SqlRow<typeof documents>, 'id' | 'kind' | 'title' | 'department_id' | 'year'> &
  Outer<As<SqlRow<typeof departments>, { department: 'name' }>> &
  Pick<SqlRow<typeof documentVersions>, 'file_name' | 'layout' | 'version' | 'sha256' | 'imported_at' | 'project_count' | 'indicator_count' | 'problem_count'> &
  As<SqlRow<typeof documentVersions>, { imported_by: 'created_by'; version_id: 'id' }> &
  As<SqlRow<typeof documents>, { version_count: 'current_version' }> & {
    /** json_agg as text (null when the version has no project): parsed here, the same on both drivers. */
    unit_names: string | null;
    /** The workflow row's status; null for a document that never moved. */
    workflow_status: TargetStatus | null;
    /** The workflow row's approved version; null before the first approval (or for a document that never moved). */
    approved_version: number | null;
  };

function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    departmentId: r.department_id,
    department: r.department,
    year: r.year,
    fileName: r.file_name,
    layout: r.layout,
    version: r.version,
    versionCount: r.version_count,
    sha256: r.sha256,
    importedAt: r.imported_at,
    projectCount: r.project_count,
    indicatorCount: r.indicator_count,
    problemCount: r.problem_count,
    unitNames: r.unit_names ? (JSON.parse(r.unit_names) as string[]) : [],
    importedBy: r.imported_by,
    targetStatus: r.kind === 'project-targets' || r.kind === 'department-targets' ? (r.workflow_status ?? 'draft') : null,
    approvedVersion: r.approved_version,
  };
}

/**
 * The summary's columns, all from joined rows: versions are numbered 1, 2, … and never deleted one by one (a
 * withdrawal deletes the whole document), so the count of versions is the current version's number — no per-row
 * count (issue 12 item 1). The units come from `unitNamesOf` over the page's versions.
 */
const summaryColumns = sql`d.id, d.kind, d.title, d.department_id, dep.name as department, d.year, v.file_name, v.layout, v.version,
  d.current_version as version_count, v.sha256, ${utcIso('v.imported_at')} as imported_at, v.project_count, v.indicator_count, v.problem_count,
  v.created_by as imported_by, v.id as version_id, w.status as workflow_status, w.approved_version`;

const summaryJoins = sql`left join departments dep on dep.id = d.department_id left join document_workflow w on w.document_id = d.id`;

/** The documents of a list: the current version of each, in id order unless a query says otherwise. */
const listFrom = sql`documents d join document_versions v on v.id = d.current_version_id ${summaryJoins}`;

const TARGET_KINDS = sql`('project-targets', 'department-targets')`;

/** The filters of a list, applied in SQL (the actor's scope included). */
function documentWhere(q: Omit<DocumentQuery, 'limit'>): SQL[] {
  const where: SQL[] = [sql`true`];
  if (q.departmentId !== undefined) where.push(sql`d.department_id = ${q.departmentId}`);
  if (q.inDepartments) where.push(sql`d.department_id = any(${intArray(q.inDepartments)})`);
  if (q.year !== undefined) where.push(sql`d.year = ${q.year}`);
  if (q.documentId !== undefined) where.push(sql`d.id = ${q.documentId}`);
  if (q.kind === 'targets') where.push(sql`d.kind in ${TARGET_KINDS}`);
  if (q.kind === 'self-evaluations') where.push(sql`d.kind not in ${TARGET_KINDS}`);
  if (q.status !== undefined) where.push(sql`d.kind in ${TARGET_KINDS} and coalesce(w.status, 'draft') = ${q.status}`);
  if (q.search) {
    const like = likePattern(q.search);
    where.push(sql`(d.title ilike ${like} or dep.name ilike ${like} or v.file_name ilike ${like})`);
  }
  return where;
}

/**
 * ORDER BY of a list, inside the page (on the tables) and again outside it (on the page's columns: `imported_at` is
 * fixed-width ISO text there, which sorts as the time does).
 */
function orderOf(order: DocumentQuery['order'], outer: boolean): SQL {
  if (order === 'recent') return outer ? sql`page.imported_at desc, page.id desc` : sql`v.imported_at desc, d.id desc`;
  if (order === 'department') return outer ? sql`page.department nulls last, page.id` : sql`dep.name nulls last, d.id`;
  return outer ? sql`page.id` : sql`d.id`;
}

/**
 * The summaries of a page: the page's rows first (filtered, ordered, limited), then the unit names of only those
 * versions in one grouped query — a few `unit_totals` rows per version, never one subquery per row.
 */
async function summariesOf(db: Executor, where: SQL[], order: DocumentQuery['order'], page: SQL): Promise<DocumentSummary[]> {
  const rows = await queryRows<SummaryRow>(
    db,
    sql`with page as (select ${summaryColumns} from ${listFrom} where ${sql.join(where, sql` and `)} order by ${orderOf(order, false)}${page}),
          un as (select t.version_id, json_agg(distinct u.name order by u.name)::text as unit_names
                 from unit_totals t join units u on u.id = t.unit_id where t.version_id in (select version_id from page) group by t.version_id)
        select page.*, un.unit_names from page left join un on un.version_id = page.version_id order by ${orderOf(order, true)}`,
  );
  return rows.map(toSummary);
}

/** What `packImport` makes: everything the import transaction writes that costs CPU to make. */
interface Packed extends PackedImport {
  year: number;
  rows: DocumentRows;
  content: string;
  tails: CopyTails | null;
}

/** Flattens, serialises and compresses the document, and encodes its COPY lines (PGlite only): no SQL, no awaiting. */
function pack(doc: PerformanceDocument, year: number, withCopy: boolean): Packed {
  const rows = flattenDocument(doc);
  return { packedFor: doc, year, rows, content: packContent(JSON.stringify(doc)), tails: withCopy ? encodeCopyTails(rows, year, doc.amountUnit) : null };
}

const isPacked = (given: PackedImport | undefined, doc: PerformanceDocument, year: number): given is Packed => given !== undefined && given.packedFor === doc && (given as Packed).year === year;

/** `bulkCopy`: the PGlite connection's COPY (absent on PostgreSQL, which loads with unnest). */
export function createDocumentStore(db: Db, bulkCopy?: BulkCopy): DocumentStore {
  return {
    packImport: (doc, year) => pack(doc, year, bulkCopy !== undefined),

    async saveImport(input: SaveImportInput): Promise<ImportOutcome> {
      const { document: doc, year, fileName, sha256 } = input;
      const departmentName = departmentNameOf(doc);
      const key = identityKey({ kind: doc.kind, department: departmentName, year, fileName });
      // The common case of a file imported twice answers without preparing any rows (checked again under the lock).
      const current = await findDocument(db, key, false);
      if (current && current.sha256 === sha256) return unchanged(current);
      // Everything CPU-bound before the transaction: here, or before the caller's transaction (`packImport`).
      const title = documentTitle(doc.kind, departmentName, year);
      const packed = isPacked(input.packed, doc, year) ? input.packed : pack(doc, year, bulkCopy !== undefined);
      const { rows, content } = packed;
      // PGlite loads the bulk tables with COPY: its lines were encoded outside the transaction.
      const copy = bulkCopy ? { tails: packed.tails ?? encodeCopyTails(rows, year, doc.amountUnit), bulkCopy } : null;
      const projectCount = listProjects(doc).length;
      const indicatorCount = countIndicators(doc);
      const layout = doc.source?.layout ?? 'unknown';

      return db.transaction(async (tx) => {
        let existing = await findDocument(tx, key, true);
        // The workflow's word (decision 011) under the same row lock: a stale base version or a frozen document is refused.
        if (existing && input.guard) input.guard(await readTarget(tx, existing.id));
        if (existing && existing.sha256 === sha256) return unchanged(existing);
        await tx.execute(sql`insert into years (year) values (${year}) on conflict do nothing`);
        const departmentId = departmentName === null ? null : await upsertDepartment(tx, departmentName);
        if (!existing) {
          const created = await queryRows<{ id: number }>(
            tx,
            sql`insert into documents (identity_key, kind, title, department_id, year) values (${key}, ${doc.kind}, ${title}, ${departmentId}, ${year})
                on conflict (identity_key) do nothing returning id`,
          );
          // Lost a race with another importer of the same document (PostgreSQL): lock theirs and go on as a new version.
          existing = created[0]
            ? { id: created[0].id, current_version: 0, department_id: departmentId, sha256: null, project_count: null, indicator_count: null }
            : await findDocument(tx, key, true);
          if (!existing) throw new AppError('CONFLICT', '同一文档正在被另一个导入同时写入，请稍后重试。');
          if (existing.sha256 === sha256) {
            return { status: 'unchanged', documentId: existing.id, version: existing.current_version, departmentId, projectCount, indicatorCount } satisfies ImportOutcome;
          }
        }
        const version = existing.current_version + 1;
        const [versionRow] = await queryRows<{ id: number }>(
          tx,
          sql`insert into document_versions (document_id, version, sha256, file_name, layout, amount_unit, project_count, indicator_count, problem_count, content, created_by)
              values (${existing.id}, ${version}, ${sha256}, ${fileName}, ${layout}, ${doc.amountUnit}, ${projectCount}, ${indicatorCount}, ${doc.problems.length}, ${content}::json,
                      ${input.createdBy ?? null})
              returning id`,
        );
        if (!versionRow) throw new Error('document version not inserted');
        await insertRows(tx, rows, copy, { versionId: versionRow.id, documentId: existing.id, departmentId, year, amountUnit: doc.amountUnit });
        await rollUpVersion(tx, versionRow.id);
        await tx.execute(
          sql`update documents set current_version = ${version}, current_version_id = ${versionRow.id}, title = ${title}, department_id = ${departmentId}, updated_at = now()
              where id = ${existing.id}`,
        );
        return {
          status: version === 1 ? 'created' : 'new-version',
          documentId: existing.id,
          version,
          departmentId,
          projectCount,
          indicatorCount,
        } satisfies ImportOutcome;
      }).catch((e: unknown) => {
        throw conciseError(e);
      });
    },

    async listDocuments(filter = {}): Promise<DocumentSummary[]> {
      const where = documentWhere(filter);
      if (filter.after !== undefined) where.push(sql`d.id > ${filter.after}`);
      return summariesOf(db, where, 'id', filter.limit === undefined ? sql`` : sql` limit ${filter.limit}`);
    },

    async pageDocuments(query) {
      const where = documentWhere(query);
      const order = query.order ?? 'id';
      const keyset = query.after !== undefined && order === 'id';
      const page = keyset ? [...where, sql`d.id > ${query.after}`] : where;
      const items = await summariesOf(db, page, order, sql` limit ${query.limit} offset ${keyset ? 0 : (query.offset ?? 0)}`);
      // One row per document (a city has about 1,300 a year), counted with the same filters.
      const [count] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${listFrom} where ${sql.join(where, sql` and `)}`);
      return { items, total: count?.total ?? 0 };
    },

    async getDocument(documentId: number, version?: number) {
      const versionMatch = version === undefined ? sql`v.id = d.current_version_id` : sql`v.document_id = d.id and v.version = ${version}`;
      const rows = await queryRows<SummaryRow & { content: unknown }>(
        db,
        sql`select ${summaryColumns}, v.content,
              (select json_agg(distinct u.name order by u.name)::text from unit_totals t join units u on u.id = t.unit_id where t.version_id = v.id) as unit_names
            from documents d join document_versions v on ${versionMatch} ${summaryJoins}
            where d.id = ${documentId}`,
      );
      const row = rows[0];
      if (!row) {
        const what = version === undefined ? `编号为 ${documentId} 的文档` : `编号为 ${documentId} 的文档的第 ${version} 版`;
        throw new AppError('NOT_FOUND', `找不到${what}。可用 jixiao export --list 查看已导入的文档。`, { documentId, version });
      }
      const { content, ...summary } = row;
      const document = unpackContent(content);
      return { summary: toSummary(summary), document };
    },
  };
}
