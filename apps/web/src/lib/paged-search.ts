/**
 * A list the server pages and searches (issue 12 item 1): the words typed (debounced, trimmed), the page's offset —
 * back to the first page whenever the words change — and antd's pagination for a total, shown only past one page.
 */
import { useState } from 'react';
import { useDebounced } from './use-debounced';

export function usePagedSearch(pageSize: number) {
  const [search, setSearchText] = useState('');
  const [offset, setOffset] = useState(0);
  const words = useDebounced(search.trim());
  const setSearch = (text: string) => {
    setSearchText(text);
    setOffset(0);
  };
  const pagination = (total: number) =>
    total > pageSize ? { current: offset / pageSize + 1, pageSize, total, showSizeChanger: false, onChange: (page: number) => setOffset((page - 1) * pageSize) } : (false as const);
  return { search, setSearch, words, offset, setOffset, pagination };
}
