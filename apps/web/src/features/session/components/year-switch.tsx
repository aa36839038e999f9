/** The header's year switch: the years there are data for, newest first, and 全部年度. */
import { Select } from 'antd';
import { useMemo } from 'react';
import { useYear } from '../year';

export function YearSwitch({ years }: { years: readonly number[] }) {
  const [year, setYear] = useYear();
  const options = useMemo(() => {
    const known = [...new Set([...years, ...(year === undefined ? [] : [year])])].sort((a, b) => b - a);
    return [{ value: 0, label: '全部年度' }, ...known.map((y) => ({ value: y, label: `${y} 年度` }))];
  }, [years, year]);
  return (
    <Select<number>
      className="app-year"
      size="small"
      value={year ?? 0}
      onChange={(v) => setYear(v === 0 ? undefined : v)}
      options={options}
      aria-label="工作年度"
      popupMatchSelectWidth={false}
    />
  );
}
