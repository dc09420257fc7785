import { css } from 'lit';
import { color, font, space } from '@civic-widgets/core';

export const styles = css`
  :host {
    max-width: var(--civic-consultation-hub-max-width, 60em);
    container-type: inline-size;
  }
  /* GOV.UK finder: filters in a column beside the results when there is room, above them when not. */
  .layout {
    display: grid;
    gap: ${space[5]};
  }
  @container (min-width: 40em) {
    .layout {
      grid-template-columns: minmax(12em, 1fr) 2fr;
      align-items: start;
    }
  }
  /* The search box and the filter lists are plain form groups in this one shadow root, not field
     elements (whose :host carries the spacing): GOV.UK's space between groups, given here. */
  .filters .form-group {
    margin: 0 0 var(--civic-field-spacing, ${space[5]});
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: ${space[2]} ${space[4]};
  }
  .found {
    margin-block-end: ${space[4]};
    font-weight: ${font.weightBold};
  }
  /* GOV.UK small checkboxes: a filter list is scanned, not answered. */
  .small .choice {
    grid-template-columns: 32px 1fr;
  }
  .small .choice input {
    width: 32px;
    height: 32px;
  }
  .small .choice label {
    padding-block: 4px;
  }
  .entries {
    list-style: none;
    margin-block-end: ${space[5]};
  }
  .entry {
    padding-block: ${space[3]};
    border-block-start: 1px solid ${color.border};
  }
  .entry .body {
    margin-block-end: ${space[2]};
  }
  .meta,
  .chosen {
    display: flex;
    flex-wrap: wrap;
    gap: 0 ${space[4]};
    font-size: ${font.sizeSmall};
    color: ${color.secondaryText};
  }
  .chosen {
    margin-block-end: ${space[4]};
    color: ${color.text};
  }
  .meta div,
  .chosen div {
    display: flex;
    gap: ${space[1]};
  }
  dt::after {
    content: ':';
  }
  dt {
    font-weight: ${font.weightBold};
  }
  .alerts {
    margin-block-start: ${space[6]};
    padding-block-start: ${space[4]};
    border-block-start: 2px solid ${color.brand};
  }
  .notice {
    margin-block-end: ${space[4]};
    padding: ${space[3]} ${space[4]};
    border-inline-start: 5px solid ${color.brand};
    background: ${color.panel};
  }
  .error-text {
    margin-block-end: ${space[4]};
    color: ${color.error};
    font-weight: ${font.weightBold};
  }
`;
