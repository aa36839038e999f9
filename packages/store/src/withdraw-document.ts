/**
 * `DocumentWithdrawal` on drizzle (issue 10 item 7): a draft nobody has acted on is deleted with everything read
 * from it, in one transaction (a savepoint inside the command's, which appends the audit entry in the same one).
 * What is refused is decided under the document's row lock, so a submit racing the withdrawal either lands first
 * (and the withdrawal is refused) or waits and finds no document.
 */
import { AppError, type DocumentWithdrawal, type WithdrawnDocument } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from './db';
import type { documents, documentVersions } from './schema';
import type { Outer, SqlRow } from './sql-row';

/** The document and, left-joined, its current version's file name. */
type LockedRow = Pick<SqlRow<typeof documents>, 'id' | 'title' | 'department_id' | 'year'> & Outer<Pick<SqlRow<typeof documentVersions>, 'file_name'>>;

/** Counts (aggregates, no table's row) and the workflow status. */
interface Blockers {
  transitions: number;
  status: string | null;
  decisions: number;
  evaluations: number;
  publications: number;
  resultsUse: number;
}

/** Why a document cannot be withdrawn, in the order a person would look: history first. Null: it may go. */
function refusal(b: Blockers): string | null {
  if (b.transitions > 0 || (b.status !== null && b.status !== 'draft')) {
    return '已提交过的文档不能撤回：它已有审批流转记录（记录不可删除）。如内容有误，请重新导入修改后的文件作为新版本，或请审核人员退回。';
  }
  if (b.decisions > 0) return '审核人员已对该文档作出审核意见，不能撤回。如内容有误，请重新导入修改后的文件作为新版本。';
  if (b.evaluations > 0) return '该文档已开始运行监控或绩效自评，不能撤回。';
  if (b.publications > 0) return '该文档已公开，不能撤回。';
  if (b.resultsUse > 0) return '财政审核人员已对该文档的项目作出结果应用决定，不能撤回。';
  return null;
}

const count = (table: string, where: string) => sql.raw(`(select count(*)::int from ${table} where ${where})`);

async function blockersOf(tx: Executor, id: number): Promise<Blockers> {
  const [row] = await queryRows<Blockers>(
    tx,
    sql`select ${count('workflow_transitions', `object_type = 'document' and object_id = ${id}`)} as transitions,
               (select status from document_workflow where document_id = ${id}) as status,
               ${count('review_decisions', `document_id = ${id}`)} as decisions,
               ${count('evaluations', `document_id = ${id}`)} as evaluations,
               ${count('publications', `document_id = ${id}`)} as publications,
               ${count('results_use_decisions', `document_id = ${id}`)} as "resultsUse"`,
  );
  return row!;
}

export function createDocumentWithdrawal(db: Db): DocumentWithdrawal {
  return {
    async withdrawDraft(documentId: number): Promise<WithdrawnDocument> {
      if (!Number.isSafeInteger(documentId) || documentId < 1) throw new AppError('NOT_FOUND', `找不到编号为 ${documentId} 的文档。`);
      return db.transaction(async (tx) => {
        const [doc] = await queryRows<LockedRow>(
          tx,
          sql`select d.id, d.title, d.department_id, d.year, v.file_name
              from documents d left join document_versions v on v.id = d.current_version_id
              where d.id = ${documentId} for update of d`,
        );
        if (!doc) throw new AppError('NOT_FOUND', `找不到编号为 ${documentId} 的文档（可能已被撤回）。`, { documentId });
        const why = refusal(await blockersOf(tx, documentId));
        if (why) throw new AppError('CONFLICT', why, { documentId });

        // Children first (projects, key tasks and indicators have no foreign key; versions and the workflow row do).
        const deleted = async (table: string) =>
          (await queryRows<{ n: number }>(tx, sql`with gone as (delete from ${sql.identifier(table)} where document_id = ${documentId} returning 1) select count(*)::int as n from gone`))[0]!.n;
        const indicators = await deleted('indicators');
        await deleted('key_tasks');
        const projects = await deleted('projects');
        await deleted('unit_totals');
        await deleted('document_workflow');
        await tx.execute(sql`update documents set current_version_id = null where id = ${documentId}`);
        const versions = await deleted('document_versions');
        await tx.execute(sql`delete from documents where id = ${documentId}`);

        const withdrawn: WithdrawnDocument = {
          documentId: doc.id,
          title: doc.title,
          departmentId: doc.department_id,
          year: doc.year,
          fileName: doc.file_name,
          versions,
          projects,
          indicators,
        };
        return withdrawn;
      });
    },
  };
}
