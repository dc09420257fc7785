import { css } from 'lit';
import { color, focusWidth, font, space } from './tokens.js';

/**
 * What every element's shadow root starts with. The host page's CSS reaches us only by
 * inheritance (font, colour, line-height…), so we set those on :host from our tokens; a CMS
 * rule like `* { color: red !important }` matches the host too, and `!important` from an
 * inner (shadow) context beats the outer one, so the few properties that must hold are marked.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: ${font.family} !important;
    font-size: ${font.size} !important;
    line-height: ${font.lineHeight} !important;
    color: ${color.text} !important;
    text-align: start !important;
    letter-spacing: normal !important;
    text-transform: none !important;
    font-weight: 400 !important;
    /* A word longer than the line (an email address, a web address, a long Welsh word, in our
       text, a server's or the webmaster's fallback, which inherits from here) breaks instead of
       widening the page at 320 CSS px (WCAG 1.4.10). break-word leaves how wide boxes want to be
       alone; grids and flex items that must shrink below a word use 'anywhere' where they are. */
    overflow-wrap: break-word;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1, h2, h3, p, ul, ol, fieldset, legend, dl, dd {
    margin: 0;
    padding: 0;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  a {
    color: ${color.link};
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:visited {
    color: ${color.linkVisited};
  }
  a:focus-visible {
    outline: ${focusWidth} solid transparent;
    color: ${color.focusText};
    background-color: ${color.focus};
    box-shadow: 0 -2px ${color.focus}, 0 4px ${color.focusText};
    text-decoration: none;
  }
  .heading-xl { font-size: ${font.sizeHeading}; font-weight: ${font.weightBold}; line-height: 1.15; margin-block-end: ${space[5]}; }
  .heading-l { font-size: ${font.sizeLarge}; font-weight: ${font.weightBold}; line-height: 1.2; margin-block-end: ${space[4]}; }
  .heading-m { font-size: ${font.size}; font-weight: ${font.weightBold}; margin-block-end: ${space[3]}; }
  .body { margin-block-end: ${space[4]}; }
  .secondary { color: ${color.secondaryText}; }
`;
