import { css } from 'lit';
import { color, space } from './tokens.js';

/**
 * The GOV.UK confirmation panel (https://design-system.service.gov.uk/components/panel/): the
 * green box that opens a "sent" page, `.panel` with the title (an `<h1>`) and a `.reference`
 * inside. Text is white unless a council sets `--civic-color-panel-text`; give the box
 * `part="panel"` and document both on the element. Each widget sizes its title and reference.
 * A long reference (a server's temporary token) wraps inside the box instead of overflowing it.
 * (Comments inside css`` ship to every page, so they live up here.)
 */
export const panelStyles = css`
  .panel {
    margin-block-end: ${space[5]};
    padding: ${space[5]};
    color: var(--civic-color-panel-text, #ffffff);
    background: ${color.success};
    text-align: center;
  }
  .panel h1 {
    color: inherit;
  }
  .panel .reference {
    overflow-wrap: anywhere;
  }
`;
