import type { ThemeConfig } from 'antd';

/**
 * Ant Design's default blue with text and tag colours dark enough for WCAG AA
 * contrast (4.5:1) on white: the worker pages are checked with axe-core.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // the default hover blue (#4096ff) leaves white text at 3:1: darker on hover and press
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#cf1322',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Segoe UI', Roboto, sans-serif",
  },
  components: {
    Layout: { headerBg: '#002c8c', headerPadding: '0 16px', headerHeight: 56 },
  },
};
