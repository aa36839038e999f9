/**
 * The blank templates over HTTP: anyone may fetch them; each is a real .xlsx that the readers take back as the empty
 * document of its kind, in the unit asked for; an unknown kind or unit is refused in Chinese.
 */
import { rmSync } from 'node:fs';
import { readDocument } from '@jixiao/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { migratedDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dataDir = await migratedDataDir('jixiao-templates-');
  ctx = await openContext({ dataDir, demo: false });
  app = createApp(ctx, { logError: () => {} });
});

afterAll(async () => {
  await ctx.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/templates/{kind}', () => {
  it('hands anyone the blank 项目支出 template, which reads back as an empty project-targets document', async () => {
    const res = await app.request('/api/templates/project');
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('项目支出绩效目标填报模板（万元）.xlsx');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const read = await readDocument({ fileName: 'template.xlsx', bytes });
    expect(read).toMatchObject({ ok: true, document: { kind: 'project-targets', amountUnit: '万元', units: [] } });
  });

  it('writes the 部门整体 template in 元 when asked, and refuses what it does not know', async () => {
    const res = await app.request(`/api/templates/department?unit=${encodeURIComponent('元')}`);
    expect(res.status).toBe(200);
    const read = await readDocument({ fileName: 'template.xlsx', bytes: new Uint8Array(await res.arrayBuffer()) });
    expect(read).toMatchObject({ ok: true, document: { kind: 'department-targets', amountUnit: '元' } });
    const unknown = await app.request('/api/templates/bogus');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/[\u4e00-\u9fff]/);
    expect((await app.request('/api/templates/project?unit=dollars')).status).toBe(400);
  });
});
