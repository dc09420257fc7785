import { css } from 'lit';
import { color, focusWidth, font, space } from './tokens.js';

/** The GOV.UK form-group look shared by every field: label, hint, error, input, fieldset. */
export const fieldStyles = css`
  :host {
    margin-block-end: var(--civic-field-spacing, ${space[5]});
  }
  .form-group {
    display: block;
  }
  .form-group--error {
    padding-inline-start: ${space[3]};
    border-inline-start: 5px solid ${color.error};
  }
  /* Labels, hints and errors come from webmasters and servers, and residents' words come back in
     them ("Has someone already reported it?" shows descriptions): a long web address or Welsh
     word breaks rather than widening the page at 320 CSS px (WCAG 1.4.10). */
  .label,
  .legend,
  .hint,
  .error-message,
  .choice label,
  .choice-hint {
    overflow-wrap: anywhere;
  }
  .label,
  .legend {
    display: block;
    margin-block-end: ${space[1]};
    font-weight: ${font.weightBold};
  }
  .legend {
    padding: 0;
  }
  .label--page,
  .legend--page {
    font-size: ${font.sizeHeading};
    line-height: 1.15;
    margin-block-end: ${space[3]};
  }
  h1.page-heading {
    font: inherit;
    margin: 0;
  }
  .hint {
    display: block;
    margin-block-end: ${space[3]};
    color: ${color.secondaryText};
  }
  .error-message {
    display: block;
    margin-block-end: ${space[3]};
    color: ${color.error};
    font-weight: ${font.weightBold};
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .input,
  .textarea,
  .select {
    display: block;
    width: 100%;
    max-width: var(--civic-input-max-width, 100%);
    min-height: 40px;
    margin: 0;
    padding: ${space[1]};
    border: 2px solid ${color.inputBorder};
    border-radius: 0;
    color: ${color.text};
    background: ${color.background};
    font: inherit;
    -webkit-appearance: none;
    appearance: none;
  }
  .select {
    -webkit-appearance: auto;
    appearance: auto;
    width: auto;
    min-width: 11.5em;
  }
  .textarea {
    min-height: 7em;
    resize: vertical;
  }
  .input--error,
  .textarea--error,
  .select--error {
    border-color: ${color.error};
  }
  .input:focus,
  .textarea:focus,
  .select:focus {
    outline: ${focusWidth} solid ${color.focus};
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px;
  }
  .count {
    margin-block-start: ${space[1]};
    color: ${color.secondaryText};
  }
  .count--error {
    color: ${color.error};
    font-weight: ${font.weightBold};
  }
  /* Radios and checkboxes: a large native control, restyled, with the label as the target. */
  .choices {
    display: flex;
    flex-direction: column;
    gap: ${space[2]};
  }
  .choices--inline {
    flex-direction: row;
    flex-wrap: wrap;
    gap: ${space[4]};
  }
  .choice {
    display: grid;
    /* minmax(0, …): the text column may be narrower than its longest word (which then breaks). */
    grid-template-columns: 40px minmax(0, 1fr);
    column-gap: ${space[2]};
    align-items: start;
  }
  .choice input {
    width: 40px;
    height: 40px;
    margin: 0;
    accent-color: ${color.text};
    cursor: pointer;
  }
  .choice input[type='radio'] {
    border-radius: 50%;
  }
  /* GOV.UK's focus for radios and checkboxes: a black ring on the control, the yellow outside it
     (yellow alone on white is about 1.3:1, too faint to see where the focus is). */
  .choice input:focus-visible {
    outline: ${focusWidth} solid ${color.focusText};
    outline-offset: 0;
    box-shadow: 0 0 0 calc(${focusWidth} + 4px) ${color.focus};
  }
  .choice label {
    padding-block: 8px;
    cursor: pointer;
  }
  .choice .choice-hint {
    grid-column: 2;
    color: ${color.secondaryText};
  }
  .divider {
    padding-inline-start: 10px;
  }
  .date {
    display: flex;
    gap: ${space[4]};
  }
  .date-item .label {
    font-weight: 400;
  }
  .date-item .input {
    width: 3.5em;
  }
  .date-item--year .input {
    width: 5em;
  }
`;
