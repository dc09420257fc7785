import { css } from 'lit';
import { color, font, space } from '@civic-widgets/core';

export const styles = css`
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: ${space[2]};
  }
  .combobox {
    position: relative;
    flex: 1 1 16rem;
    max-width: var(--civic-location-picker-search-width, 30rem);
  }
  .combobox .input {
    max-width: none;
  }
  .search .button {
    margin: 0;
  }
  .listbox {
    position: absolute;
    z-index: 3;
    inset-inline: 0;
    top: 100%;
    max-height: 18rem;
    overflow-y: auto;
    margin: 0;
    padding: 0;
    list-style: none;
    background: ${color.background};
    border: 2px solid ${color.text};
    border-top: 0;
  }
  .option {
    padding: ${space[2]};
    cursor: pointer;
    border-bottom: 1px solid ${color.border};
  }
  .option:last-child {
    border-bottom: 0;
  }
  .option:hover {
    background: #f3f2f1;
  }
  .option[aria-selected='true'] {
    color: ${color.focusText};
    background: ${color.focus};
    outline: 3px solid transparent;
  }
  .actions {
    margin-block: ${space[3]};
  }
  .actions .link-button {
    font-weight: ${font.weightBold};
  }
  .message {
    margin-block: ${space[2]};
  }
  .notice {
    margin-block: ${space[3]};
    padding: ${space[3]};
    border-inline-start: 5px solid ${color.error};
    font-weight: ${font.weightBold};
  }
  .notice--info {
    border-color: ${color.border};
    font-weight: 400;
  }
  .chosen {
    margin-block: ${space[3]};
  }
  .map {
    position: relative;
    height: var(--civic-location-picker-height, 22rem);
    margin-block-start: ${space[3]};
    border: 1px solid ${color.border};
  }
  .map:focus-visible {
    outline: 3px solid ${color.focus};
    outline-offset: 0;
    box-shadow: inset 0 0 0 4px ${color.focusText};
  }
  /* MapLibre's own sheet (adopted after ours) sets .maplibregl-map to position: relative. */
  .map > .map-canvas {
    position: absolute;
    inset: 0;
  }
  .map-help {
    margin-block-start: ${space[2]};
    color: ${color.secondaryText};
  }
  .asset-list {
    margin-block-start: ${space[4]};
  }
`;
