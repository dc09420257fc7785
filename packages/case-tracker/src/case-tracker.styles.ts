import { css } from 'lit';
import { color, focusWidth, font, space } from '@civic-widgets/core';

export const styles = css`
  :host {
    max-width: var(--civic-case-tracker-max-width, 40em);
  }
  h2:focus,
  h3:focus {
    outline: ${focusWidth} solid ${color.focus};
    outline-offset: 2px;
  }
  .caption {
    display: block;
    margin-block-end: ${space[1]};
    color: ${color.secondaryText};
    font-size: ${font.sizeSmall};
  }
  .lookup {
    margin-block-end: ${space[4]};
  }
  .lookup civic-text-input {
    --civic-input-max-width: 14em;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: ${space[2]};
    margin-block-end: ${space[4]};
  }
  .tag {
    display: inline-block;
    padding: 2px 8px 3px;
    font-weight: ${font.weightBold};
    line-height: 1.25;
    color: var(--civic-case-tracker-tag-new-text, #0c2d4a);
    background: var(--civic-case-tracker-tag-new, #bbd4ea);
  }
  .tag--active {
    color: var(--civic-case-tracker-tag-active-text, #594d00);
    background: var(--civic-case-tracker-tag-active, #fff7bf);
  }
  .tag--done {
    color: var(--civic-case-tracker-tag-done-text, #005a30);
    background: var(--civic-case-tracker-tag-done, #cce2d8);
  }
  .tag--closed {
    color: var(--civic-case-tracker-tag-closed-text, #282d30);
    background: var(--civic-case-tracker-tag-closed, #e5e6e7);
  }
  .summary {
    display: grid;
    grid-template-columns: minmax(8em, 30%) 1fr;
    margin-block-end: ${space[5]};
    border-block-start: 1px solid ${color.border};
  }
  .summary dt,
  .summary dd {
    padding: ${space[2]} ${space[3]} ${space[2]} 0;
    border-block-end: 1px solid ${color.border};
  }
  .summary dt {
    font-weight: ${font.weightBold};
  }
  .summary dd {
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  @media (max-width: 40em) {
    .summary {
      grid-template-columns: 1fr;
    }
    .summary dt {
      padding-block-end: 0;
      border-block-end: 0;
    }
  }
  .inset {
    margin-block-end: ${space[4]};
    padding: ${space[3]};
    border-inline-start: 10px solid ${color.border};
  }
  .notice {
    white-space: pre-line;
  }
  .timeline {
    list-style: none;
    margin-block-end: ${space[5]};
  }
  .timeline > li {
    position: relative;
    padding: 0 0 ${space[4]} ${space[4]};
    border-inline-start: 5px solid var(--civic-case-tracker-timeline, ${color.brand});
  }
  .timeline > li:last-child {
    border-inline-start-color: transparent;
    padding-block-end: 0;
  }
  .timeline > li::before {
    content: '';
    position: absolute;
    inset-inline-start: -12px;
    inset-block-start: 3px;
    width: 19px;
    height: 19px;
    border-radius: 50%;
    background: var(--civic-case-tracker-timeline, ${color.brand});
  }
  .timeline time,
  .meta {
    display: block;
    color: ${color.secondaryText};
    font-size: ${font.sizeSmall};
  }
  .text {
    margin-block: ${space[1]} 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .contact {
    margin-block-start: ${space[6]};
  }
  .photo {
    display: inline-block;
    margin-block-start: ${space[2]};
  }
  .photo img {
    display: block;
    max-width: min(100%, var(--civic-case-tracker-photo-width, 240px));
    height: auto;
    border: 1px solid ${color.border};
  }
  .gallery {
    display: flex;
    flex-wrap: wrap;
    gap: ${space[3]};
    list-style: none;
    margin-block: ${space[2]} ${space[4]};
  }
  .gallery > li {
    flex: 0 1 var(--civic-case-tracker-thumbnail-width, 144px);
    min-inline-size: 0;
  }
  .gallery .photo {
    display: block;
    margin: 0;
  }
  .gallery .photo img {
    inline-size: 100%;
    max-width: none;
    aspect-ratio: 1;
    object-fit: cover;
  }
  .map {
    display: block;
    margin-block-end: ${space[4]};
    --civic-location-picker-height: var(--civic-case-tracker-map-height, 200px);
  }
  .subscribe {
    margin-block-end: ${space[5]};
    padding-block-start: ${space[4]};
    border-block-start: 1px solid ${color.border};
  }
  .results {
    list-style: none;
    margin-block-end: ${space[4]};
    border-block-start: 1px solid ${color.border};
  }
  .results > li {
    padding-block: ${space[3]};
    border-block-end: 1px solid ${color.border};
  }
  .results .link-button,
  .results a {
    font-weight: ${font.weightBold};
  }
  .pagination {
    display: flex;
    flex-wrap: wrap;
    gap: ${space[4]};
    margin-block-end: ${space[4]};
  }
  .pagination ul {
    display: contents;
    list-style: none;
  }
  .loading {
    margin-block-end: ${space[4]};
    color: ${color.secondaryText};
  }
  .back {
    margin-block-end: ${space[4]};
  }
`;
