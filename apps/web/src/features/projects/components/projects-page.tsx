import { Card, Input } from 'antd';
import { useState } from 'react';
import { EmptyState, GoImportButton } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { setQueryParam, useLocation } from '../../../lib/router';
import { useYear } from '../../session';
import { useDebounced } from '../../../lib/use-debounced';
import { useSyncedState } from '../../../lib/use-synced-state';
import { ProjectTable } from './project-table';

/** Every project of every department, searchable by name or code (the header's search box lands here). */
export function ProjectsPage() {
  const location = useLocation();
  const fromUrl = location.search.get('search') ?? '';
  const [search, setSearch] = useSyncedState(fromUrl);
  const debounced = useDebounced(search.trim());
  const [workYear] = useYear();
  const [total, setTotal] = useState<number | undefined>();

  return (
    <>
      <PageHead
        title={debounced ? `搜索“${debounced}”` : '全部项目'}
        sub={total !== undefined ? `${debounced ? '找到' : '共'} ${total} 个项目。点击项目查看绩效目标和指标。` : '点击项目查看绩效目标和指标。'}
      />
      <Card>
        <div className="toolbar">
          <Input.Search
            placeholder="按项目名称或编码搜索，如：消毒、租赁、编外人员"
            allowClear
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setQueryParam('search', e.target.value.trim() || undefined);
            }}
            style={{ maxWidth: 420 }}
            aria-label="搜索全部项目"
            autoFocus
          />
        </div>
        <ProjectTable
          query={{ search: debounced || undefined, year: workYear }}
          showDepartment
          onTotal={setTotal}
          empty={
            debounced ? (
              <EmptyState title={`没有找到包含“${debounced}”的项目`} hint="试试更短的关键词，例如只输入项目名称中的两三个字。" />
            ) : (
              <EmptyState title="还没有任何项目" hint="导入项目支出绩效目标表后，项目会出现在这里。" action={<GoImportButton />} />
            )
          }
        />
      </Card>
    </>
  );
}
