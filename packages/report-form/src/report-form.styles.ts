import { css } from 'lit';
import { color, focusWidth, font, space } from '@civic-widgets/core';

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .warning {
    display: flex;
    gap: ${space[3]};
    align-items: flex-start;
    margin-block-end: ${space[5]};
    font-weight: ${font.weightBold};
  }
  .warning-icon {
    flex: none;
    inline-size: 35px;
    block-size: 35px;
    border-radius: 50%;
    color: ${color.background};
    background: ${color.text};
    font-size: 28px;
    line-height: 35px;
    text-align: center;
  }
  .inset {
    margin-block: ${space[4]} ${space[5]};
    padding: ${space[3]};
    border-inline-start: 10px solid ${color.border};
  }
  .search {
    margin-block-end: ${space[5]};
  }
  .group-heading {
    margin-block: ${space[4]} ${space[2]};
  }
  .form-group {
    margin-block-end: ${space[5]};
  }
  .form-group--error {
    padding-inline-start: ${space[3]};
    border-inline-start: 5px solid ${color.error};
  }
  .summary {
    margin-block-end: ${space[6]};
  }
  .summary-row {
    display: grid;
    grid-template-columns: 1fr;
    gap: ${space[1]} ${space[4]};
    padding-block: ${space[2]};
    border-block-end: 1px solid ${color.border};
  }
  @media (min-width: 40em) {
    .summary-row {
      grid-template-columns: 30% 1fr auto;
    }
  }
  .summary-row dt {
    font-weight: ${font.weightBold};
  }
  .summary-row dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .summary-row .value {
    white-space: pre-wrap;
  }
  .summary-row .actions {
    text-align: end;
  }
  .panel h1 {
    margin-block-end: ${space[4]};
    font-size: ${font.sizeHeading};
  }
  .panel .reference {
    display: block;
    font-size: ${font.sizeLarge};
    font-weight: ${font.weightBold};
  }
  .notice {
    white-space: pre-wrap;
  }
  .photos {
    display: flex;
    flex-wrap: wrap;
    gap: ${space[4]};
    margin-block-end: ${space[5]};
    list-style: none;
  }
  .photos li {
    inline-size: 160px;
  }
  .photos img {
    display: block;
    inline-size: 160px;
    block-size: 120px;
    object-fit: cover;
    margin-block-end: ${space[2]};
    background: ${color.panel};
  }
  progress {
    inline-size: 100%;
  }
  .file-input {
    display: block;
    /* A file input is as wide as its button and "No file chosen" text: at 320 px that overflowed (WCAG 1.4.10). */
    max-inline-size: 100%;
    margin-block: ${space[2]} ${space[4]};
    font: inherit;
  }
  .file-input:focus-visible {
    outline: ${focusWidth} solid ${color.focus};
    outline-offset: 0;
  }
  /* GOV.UK interruption card: the page stops the resident before something that needs a call. */
  .interruption {
    padding: ${space[5]};
    color: #ffffff;
    background: ${color.brand};
  }
  .interruption h1,
  .interruption a,
  .interruption a:visited {
    color: #ffffff;
  }
  .interruption-phone {
    font-size: 1.5rem;
    font-weight: 700;
  }
  .interruption .button--inverse {
    margin-block-end: 0;
    color: ${color.brand};
    background: #ffffff;
    box-shadow: 0 2px 0 #144e81;
  }
  .contact {
    margin-block-start: ${space[6]};
    padding-block-start: ${space[4]};
    border-block-start: 1px solid ${color.border};
  }
  .choices .choice-hint {
    white-space: pre-wrap;
  }
`;
