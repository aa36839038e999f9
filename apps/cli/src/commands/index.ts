/**
 * The command table: each command's name and one-line summary, and how to load its module. `jixiao --help` prints
 * the table without loading any command (each module pulls in its layers: the store, the readers, the server);
 * `jixiao NAME …` loads only NAME's module (decision 022). The summary lives here only, so the main help needs no module.
 */
import type { Command } from '../command';

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'parse', summary: '读取文档并输出 jixiao/v1 JSON (read a document, print interchange JSON)', load: async () => (await import('./parse')).parseCommand },
  { name: 'review', summary: '审核绩效目标：运行全部审核规则并给出评审结论 (review targets, print findings and conclusion)', load: async () => (await import('./review')).reviewCommand },
  { name: 'score', summary: '绩效自评评分：按规则集计算每个指标、每项任务的得分和总分 (score a self-evaluation)', load: async () => (await import('./score')).scoreCommand },
  { name: 'import', summary: '把文档或一个文件夹的文档导入数据库（每个文件一个事务；同一文件再次导入不会重复） (store documents in the database)', load: async () => (await import('./import')).importCommand },
  { name: 'export', summary: '从数据库导出文档：交换格式 JSON、评审意见、自评表、自评报告、填好的模板，或列出已导入的文档 (export a stored document / list documents)', load: async () => (await import('./export')).exportCommand },
  { name: 'serve', summary: '启动网页和 HTTP API (start the web app and the HTTP API)', load: async () => (await import('./serve')).serveCommand },
  { name: 'template', summary: '生成 Excel 填报模板 (write a blank or example .xlsx template)', load: async () => (await import('./template')).templateCommand },
  { name: 'rollover', summary: '结转：以已批复的绩效目标生成下一年度的草稿 (next year\'s draft from approved targets)', load: async () => (await import('./rollover')).rolloverCommand },
  { name: 'rules', summary: '规则集：列出、查看、复制、修改（生成新版本）、按地区和年度启用 (rule sets)', load: async () => (await import('./rules')).rulesCommand },
  { name: 'actuals', summary: '绩效自评填报：开始自评、列出自评、导入填好的实际完成值填报表 (self-evaluation actuals)', load: async () => (await import('./actuals')).actualsCommand },
  { name: 'user', summary: '用户：新建（含第一个管理员）、列出、设置角色和范围、停用、重置密码 (users)', load: async () => (await import('./user')).userCommand },
  { name: 'audit', summary: '审计记录：校验哈希链是否完整 (verify the audit trail)', load: async () => (await import('./audit')).auditCommand },
  { name: 'backup', summary: '备份整个数据库到一个文件（服务运行时也可以）(back up the whole database)', load: async () => (await import('./backup')).backupCommand },
  { name: 'restore', summary: '从备份文件恢复到空的数据目录或空数据库 (restore a backup into an empty database)', load: async () => (await import('./restore')).restoreCommand },
];
