import { css } from 'lit';

/*
 * Design tokens. Each is read as `var(--civic-…, default)` where it is used rather than set on
 * :host, so a council can theme every widget from anywhere on its page — `:root`, a wrapper, or
 * the element itself — and the GOV.UK-like defaults apply only where it has not.
 */
export const color = {
  text: css`var(--civic-color-text, #0b0c0c)`,
  secondaryText: css`var(--civic-color-secondary-text, #505a5f)`,
  background: css`var(--civic-color-background, #ffffff)`,
  brand: css`var(--civic-color-brand, #1d70b8)`,
  link: css`var(--civic-color-link, #1d70b8)`,
  linkVisited: css`var(--civic-color-link-visited, #4c2c92)`,
  border: css`var(--civic-color-border, #b1b4b6)`,
  inputBorder: css`var(--civic-color-input-border, #0b0c0c)`,
  error: css`var(--civic-color-error, #d4351c)`,
  success: css`var(--civic-color-success, #00703c)`,
  successHover: css`var(--civic-color-success-hover, #005a30)`,
  focus: css`var(--civic-color-focus, #ffdd00)`,
  focusText: css`var(--civic-color-focus-text, #0b0c0c)`,
  panel: css`var(--civic-color-panel, #f3f2f1)`,
  buttonSecondary: css`var(--civic-color-button-secondary, #f3f2f1)`,
};

/*
 * Sizes are in px on purpose: council CMS themes often set `html { font-size: 62.5% }`, which
 * would shrink every rem. px still scales with browser zoom; a council that wants rem sets
 * --civic-font-size itself.
 */
export const font = {
  family: css`var(--civic-font-family, system-ui, -apple-system, 'Segoe UI', Arial, sans-serif)`,
  size: css`var(--civic-font-size, 19px)`,
  sizeSmall: css`var(--civic-font-size-small, 16px)`,
  sizeLarge: css`var(--civic-font-size-large, 24px)`,
  sizeHeading: css`var(--civic-font-size-heading, 32px)`,
  lineHeight: css`var(--civic-line-height, 1.4)`,
  weightBold: css`var(--civic-font-weight-bold, 700)`,
};

export const space = {
  1: css`var(--civic-space-1, 5px)`,
  2: css`var(--civic-space-2, 10px)`,
  3: css`var(--civic-space-3, 15px)`,
  4: css`var(--civic-space-4, 20px)`,
  5: css`var(--civic-space-5, 30px)`,
  6: css`var(--civic-space-6, 40px)`,
};

export const radius = css`var(--civic-radius, 0)`;
export const focusWidth = css`var(--civic-focus-width, 3px)`;
