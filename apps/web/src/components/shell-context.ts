import { createContext, useContext } from 'react';

/** Where the page sits in the menu (the shell provides it): the breadcrumbs of a page that names none of its own. */
export interface ShellPlace {
  /** The menu group, e.g. 「目标」; null on 工作台 and on pages outside the menu. */
  group: string | null;
  /** The menu entry, e.g. 「部门」, and where it leads. */
  entry: { label: string; to: string } | null;
  /** Someone is signed in: 工作台 leads the breadcrumbs (an anonymous visitor has none). */
  home: boolean;
}

export const ShellContext = createContext<ShellPlace>({ group: null, entry: null, home: false });

export const useShellPlace = (): ShellPlace => useContext(ShellContext);
