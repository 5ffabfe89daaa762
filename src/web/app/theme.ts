import type { ThemeConfig } from 'antd';

/** A sober blue, as government admin systems use; dense enough for tables of records. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1559b8',
    colorInfo: '#1559b8',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#0f2a4f', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Menu: {
      darkItemBg: '#0f2a4f',
      darkSubMenuItemBg: '#0b2140',
      darkItemSelectedBg: '#1559b8',
    },
  },
};
