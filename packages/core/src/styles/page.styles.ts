import { css } from 'lit';
import { color, font, space } from './tokens.js';

/** What `renderQuestionPage` draws: the Back link, "Page 2 of 5", Continue and the buttons beside it. */
export const pageStyles = css`
  .back-link {
    display: inline-block;
    margin-block-end: ${space[4]};
    color: ${color.text};
    font-size: ${font.sizeSmall};
  }
  .back-link::before {
    content: '‹ ';
  }
  .caption {
    display: block;
    margin-block: 0 ${space[1]};
    color: ${color.secondaryText};
    font-size: ${font.sizeSmall};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 ${space[2]};
  }
  h1:focus {
    outline: none;
  }
`;
