import { css } from 'lit';
import { color, focusWidth, font, space } from './tokens.js';

/** GOV.UK-style buttons: `.button`, `.button--secondary`, `.button--warning`, `.link-button`. */
export const buttonStyles = css`
  .button {
    display: inline-block;
    position: relative;
    margin: 0 ${space[2]} ${space[4]} 0;
    padding: 8px 10px 7px;
    border: 2px solid transparent;
    border-radius: 0;
    color: var(--civic-color-button-text, #ffffff);
    background-color: ${color.success};
    box-shadow: 0 2px 0 var(--civic-color-button-shadow, #002d18);
    font: inherit;
    font-weight: 400;
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
    -webkit-appearance: none;
  }
  .button:hover { background-color: ${color.successHover}; }
  .button:focus-visible {
    outline: ${focusWidth} solid transparent;
    border-color: ${color.focus};
    color: ${color.focusText};
    background-color: ${color.focus};
    box-shadow: inset 0 0 0 1px ${color.focus}, 0 2px 0 ${color.focusText};
  }
  .button:active { top: 2px; }
  .button[disabled] { opacity: 0.5; cursor: not-allowed; }
  .button--secondary {
    color: ${color.text};
    background-color: ${color.buttonSecondary};
    box-shadow: 0 2px 0 #929191;
  }
  .button--secondary:hover { background-color: #dbdad9; }
  .button--warning { background-color: ${color.error}; box-shadow: 0 2px 0 #55150b; }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: ${color.link};
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .link-button:focus-visible {
    outline: ${focusWidth} solid transparent;
    color: ${color.focusText};
    background-color: ${color.focus};
    box-shadow: 0 -2px ${color.focus}, 0 4px ${color.focusText};
    text-decoration: none;
  }
`;
