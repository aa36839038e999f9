import { SCHEME_LABELS, formatYears, parseSettingValue, parseYears } from '@jixiao/core';
import { activateRuleSet, createRuleSetVersion, getRuleSet, listRuleSets, type RuleSetDetail, type RuleSetSummary } from '@jixiao/services';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { withStore } from '../store-env';

const USAGE = [
  'jixiao rules list [--json]',
  'jixiao rules show ID[@VERSION]',
  'jixiao rules copy ID@VERSION [--id NEW_ID] [--version V] [--region 荔湾区] [--years 2024-2025] [--source "文号"] [--name 名称] [--by 操作人] [--json]',
  'jixiao rules set ID@VERSION key=value … [--by 操作人] [--json]',
  'jixiao rules activate ID@VERSION --region R --year Y [--by 操作人] [--json]',
];

const usage = () => new CliError(`用法 (usage):\n  ${USAGE.join('\n  ')}`, EXIT_BAD_INPUT);


function str(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function line(r: RuleSetSummary): string {
  const years = formatYears(r.years);
  return `  ${r.ref.padEnd(36)} ${r.schemeLabel}  ${r.region}  ${years}  ${r.builtIn ? '内置' : `${r.createdBy ?? ''} ${r.createdAt ?? ''}`}${r.basedOn ? `  （复制自 ${r.basedOn}）` : ''}`;
}

function describeDetail(r: RuleSetDetail, verb: string): string {
  return [`${verb}规则集 ${r.ref}：${r.name}`, `  ${r.schemeLabel}；地区 ${r.region}；年度 ${formatYears(r.years)}；依据 ${r.sources.map((s) => s.docNo).join('、')}`].join('\n');
}

export const rulesCommand: Command = {
  name: 'rules',
  usage: USAGE.join('\n       '),
  help: [
    '规则集是评分和审核所用的全部设置（权重、分数段、封顶规则、监控界限、审核扣分等），按「编号@版本」引用。',
    '内置规则集始终可用；复制后可改地区、年度、依据文号，set 修改设置并保存为新版本（已发布的版本不会被修改）。',
    '每次保存都按规则类型校验，例如权重之和须为 100、封顶分数在 0–100 之间、等级分数段从高到低且最低为 0；',
    '不合规时拒绝保存并说明是哪个设置。set 的值按 JSON 读取（数字、true、[…]、{…}），否则作为文字。',
    '例：jixiao rules set liwan-project@1 \'totalCaps=[{"fromRate":70,"belowRate":80,"maxTotal":89}]\' weights.execution=10',
    'activate 让某一版本用于某地区某年度（最近一次启用为准）；jixiao score --region 按启用的规则集评分。',
    '数据库同 jixiao import（DATABASE_URL 或 JIXIAO_DATA_DIR）。退出码：0 成功，2 参数或设置有误，1 其他错误。',
  ],
  options: {
    id: { type: 'string', describe: '复制后新规则集的编号（默认在原编号后加后缀）' },
    version: { type: 'string', describe: '复制后新规则集的版本' },
    region: { type: 'string', describe: '适用地区，例如 荔湾区（copy 与 activate）' },
    years: { type: 'string', describe: '适用年度范围，例如 2024-2025' },
    year: { type: 'string', describe: '启用的预算年度，例如 2024（activate）' },
    source: { type: 'string', describe: '依据的文件文号，例如 "荔财〔2024〕1号"' },
    name: { type: 'string', describe: '新规则集的名称' },
    by: { type: 'string', describe: '操作人姓名，记入审计记录（默认当前系统用户名）' },
    json: { type: 'boolean', describe: '输出 JSON 而不是中文摘要' },
  },
  async run({ positionals, values }, io) {
    const [sub, ref, ...rest] = positionals;
    const asJson = values.json === true;
    switch (sub) {
      case 'list': {
        if (ref) throw usage();
        const result = await withStore(io, (store) => listRuleSets({ store }));
        if (asJson) return printJson(io, result);
        const out = ['规则集：', ...result.items.map(line), '', result.activations.length ? '已启用：' : '尚未启用任何规则集（评分默认使用内置规则集）。'];
        for (const a of result.activations) out.push(`  ${a.region} ${a.year} 年 ${SCHEME_LABELS[a.scheme]} → ${a.ruleSet}（${a.by}，${a.at}）`);
        io.stdout.write(`${out.join('\n')}\n`);
        return;
      }
      case 'show': {
        if (!ref || rest.length) throw usage();
        printJson(io, await withStore(io, (store) => getRuleSet({ store }, { ref })));
        return;
      }
      case 'copy': {
        if (!ref || rest.length) throw usage();
        const versionText = str(values, 'version');
        const version = versionText === undefined ? undefined : Number(versionText);
        if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new CliError(`--version ${versionText}: 版本号应为正整数 (invalid version)`, EXIT_BAD_INPUT);
        const yearsText = str(values, 'years');
        const years = yearsText === undefined ? undefined : parseYears(yearsText);
        if (years === null) throw new CliError(`--years ${yearsText}: 年度应写成 2024-2025、2024 或 2024-（不限止年） (invalid years)`, EXIT_BAD_INPUT);
        const id = str(values, 'id');
        const region = str(values, 'region');
        const source = str(values, 'source');
        const name = str(values, 'name');
        const detail = await withStore(io, (store) =>
          createRuleSetVersion(
            { store },
            io.change(values.by),
            { from: ref, ...(id ? { id } : {}), ...(version ? { version } : {}), ...(region ? { region } : {}), ...(years ? { years } : {}), ...(source ? { source } : {}), ...(name ? { name } : {}) },
          ),
        );
        if (asJson) printJson(io, detail);
        else io.stdout.write(`${describeDetail(detail, '已保存')}（复制自 ${ref}）\n`);
        return;
      }
      case 'set': {
        if (!ref || rest.length === 0) throw usage();
        const changes: Record<string, unknown> = {};
        for (const arg of rest) {
          const eq = arg.indexOf('=');
          if (eq <= 0) throw new CliError(`${arg}: 应写成 设置项=值，例如 weights.execution=10 (expected key=value)`, EXIT_BAD_INPUT);
          changes[arg.slice(0, eq).trim()] = parseSettingValue(arg.slice(eq + 1));
        }
        const detail = await withStore(io, (store) => createRuleSetVersion({ store }, io.change(values.by), { from: ref, changes }));
        if (asJson) printJson(io, detail);
        else io.stdout.write(`${describeDetail(detail, '已保存新版本')}（修改自 ${ref}：${Object.keys(changes).join('、')}）\n`);
        return;
      }
      case 'activate': {
        if (!ref || rest.length) throw usage();
        const region = str(values, 'region');
        const yearText = str(values, 'year');
        if (!region || !yearText) throw new CliError('启用规则集须写明 --region 地区 和 --year 年度 (missing --region / --year)', EXIT_BAD_INPUT);
        if (!/^\d{4}$/.test(yearText)) throw new CliError(`--year ${yearText}: 年度应为四位数字，例如 2024 (invalid year)`, EXIT_BAD_INPUT);
        const a = await withStore(io, (store) => activateRuleSet({ store }, io.change(values.by), { ruleSet: ref, region, year: Number(yearText) }));
        if (asJson) printJson(io, a);
        else io.stdout.write(`已启用：${a.region} ${a.year} 年的${SCHEME_LABELS[a.scheme]}使用规则集 ${a.ruleSet}（${a.by}）\n`);
        return;
      }
      default:
        throw usage();
    }
  },
};
