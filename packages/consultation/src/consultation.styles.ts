import { css } from 'lit';
import { color, focusWidth, font, space } from '@civic-widgets/core';

export const styles = css`
  :host {
    max-width: var(--civic-consultation-max-width, 45em);
  }
  .lead {
    margin-block-end: ${space[4]};
    font-size: ${font.sizeLarge};
  }
  .list {
    margin: 0 0 ${space[4]};
    padding-inline-start: ${space[4]};
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: ${space[2]} ${space[5]};
    margin-block-end: ${space[5]};
    padding: ${space[3]} ${space[4]};
    border-inline-start: 5px solid ${color.brand};
    background: ${color.panel};
  }
  .facts dt {
    font-weight: ${font.weightBold};
  }
  .button--start {
    font-size: ${font.sizeLarge};
    font-weight: ${font.weightBold};
  }
  .button--start::after {
    content: ' →';
  }
  .conditional {
    margin-block: calc(-1 * ${space[3]}) ${space[4]};
    margin-inline-start: 18px;
    padding-inline-start: ${space[4]};
    border-inline-start: 4px solid ${color.border};
  }
  .other-ways,
  .resume {
    margin-block-start: ${space[5]};
    padding-block-start: ${space[4]};
    border-block-start: 1px solid ${color.border};
  }
  .contact {
    margin-block-start: ${space[6]};
    padding-block-start: ${space[4]};
    border-block-start: 1px solid ${color.border};
  }
  .notice {
    margin-block-end: ${space[4]};
    padding: ${space[3]} ${space[4]};
    border-inline-start: 5px solid ${color.brand};
    background: ${color.panel};
  }
  .notice--error {
    border-inline-start-color: ${color.error};
  }
  .error-text {
    margin-block-end: ${space[4]};
    color: ${color.error};
    font-weight: ${font.weightBold};
  }
  .location-loading {
    margin-block-end: ${space[5]};
    color: ${color.secondaryText};
  }

  /* Check your answers (GOV.UK summary list). */
  .summary-list {
    margin-block-end: ${space[5]};
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) auto;
    gap: ${space[2]} ${space[4]};
    padding-block: ${space[2]};
    border-block-end: 1px solid ${color.border};
  }
  .summary-key {
    font-weight: ${font.weightBold};
  }
  .summary-value {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  @media (max-width: 40em) {
    .summary-row {
      grid-template-columns: 1fr;
    }
  }
  .answer-list {
    margin: 0;
    padding-inline-start: ${space[4]};
    white-space: normal;
  }

  /* Confirmation and "saved" panels (the box itself is core's panelStyles). */
  .panel-body {
    font-size: ${font.sizeLarge};
  }
  .reference {
    font-size: ${font.sizeHeading};
  }
  .panel--neutral {
    color: ${color.text};
    background: ${color.panel};
    border: 5px solid ${color.brand};
  }
  .resume-code {
    font-family: ui-monospace, 'Courier New', monospace;
    font-size: ${font.sizeHeading};
    font-weight: ${font.weightBold};
    letter-spacing: 0.1em;
  }

  /* Results: bars drawn with HTML and CSS; the table beside each chart has the same figures. */
  .result {
    margin-block-end: ${space[5]};
  }
  .chart {
    display: grid;
    gap: ${space[2]};
    margin-block-end: ${space[3]};
  }
  .chart-row {
    display: grid;
    grid-template-columns: minmax(8em, 2fr) 3fr minmax(6em, auto);
    gap: ${space[2]};
    align-items: center;
  }
  .chart-track {
    display: block;
    height: 24px;
    background: ${color.panel};
  }
  .chart-bar {
    display: block;
    height: 100%;
    min-width: 2px;
    background: var(--civic-consultation-bar-color, ${color.brand});
    /* Windows high contrast drops backgrounds: keep the bar visible as a border. */
    forced-color-adjust: none;
  }
  @media (forced-colors: active) {
    .chart-bar {
      background: CanvasText;
    }
  }
  .chart-value {
    font-variant-numeric: tabular-nums;
  }
  .details {
    margin-block-end: ${space[3]};
  }
  .details summary {
    color: ${color.link};
    text-decoration: underline;
    cursor: pointer;
  }
  .details summary:focus-visible {
    outline: ${focusWidth} solid transparent;
    color: ${color.focusText};
    background-color: ${color.focus};
    box-shadow: 0 -2px ${color.focus}, 0 4px ${color.focusText};
    text-decoration: none;
  }
  /* A table wider than the page scrolls in its own box (results.ts), never the page. */
  .table-scroll {
    overflow-x: auto;
  }
  .table-scroll:focus-visible {
    outline: ${focusWidth} solid ${color.focus};
    outline-offset: 0;
  }
  .table {
    width: 100%;
    margin-block: ${space[3]};
    border-collapse: collapse;
  }
  .table-caption {
    margin-block-end: ${space[2]};
    font-weight: ${font.weightBold};
    text-align: start;
  }
  .table th,
  .table td {
    padding: ${space[2]} ${space[3]} ${space[2]} 0;
    border-block-end: 1px solid ${color.border};
    text-align: start;
  }
  .table .numeric {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .quote {
    margin: 0 0 ${space[4]};
    padding-inline-start: ${space[4]};
    border-inline-start: 5px solid ${color.border};
  }
  .quote blockquote {
    margin: 0 0 ${space[1]};
    font-size: ${font.sizeLarge};
  }
  .decision {
    margin-block-end: ${space[5]};
    padding: ${space[4]};
    border: 5px solid ${color.brand};
  }
`;
