import type { ThemeConfig } from 'antd';

/** A calm government blue, compact tables (officers read many rows), Chinese fonts first. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e8c',
    colorLink: '#1f4e8c',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f4f6f9',
  },
  components: {
    Table: { headerBg: '#f5f7fa', cellPaddingBlockMD: 10 },
  },
};
