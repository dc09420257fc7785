import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { AddressSearchController } from '../controllers/address-search.js';

/** What the text box at the top of the picker shows: the address search or the describe box. */
export interface TextBoxView {
  /** The element's field id: the box, its list and its status take their ids from it. */
  id: string;
  /** The field's error is shown. */
  invalid: boolean;
  disabled: boolean;
  search: AddressSearchController;
  /**
   * "Describe where it is instead" under the search, and back again under the words: for a place
   * with no address (a footpath, a park). Absent when there is no search to go back to.
   */
  onSwitch?(): void;
}

/** The link-styled button that swaps the search for the words box, or back. */
const renderSwitch = (v: TextBoxView, label: string) =>
  v.onSwitch ? html`<p class="message"><button type="button" class="link-button" ?disabled=${v.disabled} @click=${v.onSwitch}>${label}</button></p>` : nothing;

export interface SearchView extends TextBoxView {
  /** Focus left the combobox (close the list unless it went to an option). */
  onFocusOut(event: FocusEvent): void;
  /** The Search button: search now, keeping focus in the box. */
  onSearch(): void;
}

/** The address search: an ARIA 1.2 combobox (listbox popup, aria-activedescendant) and its Search button. */
export function renderSearch(v: SearchView) {
  const { open, active, results, query, status } = v.search;
  const inputId = `${v.id}-input`;
  const listboxId = `${v.id}-listbox`;
  const optionId = (index: number) => `${v.id}-option-${index}`;
  return html`
    <label class="label" for=${inputId}>${msg('Address or postcode', { id: 'picker.searchLabel' })}</label>
    <div class="search">
      <div class="combobox" @focusout=${v.onFocusOut}>
        <input
          part="input"
          class="input ${v.invalid ? 'input--error' : ''}"
          id=${inputId}
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${listboxId}
          aria-activedescendant=${ifDefined(open && active >= 0 ? optionId(active) : undefined)}
          aria-describedby=${`${v.id}-status`}
          aria-invalid=${v.invalid ? 'true' : 'false'}
          .value=${live(query)}
          ?disabled=${v.disabled}
          @input=${v.search.onInput}
          @keydown=${v.search.onKeydown}
        />
        <ul part="listbox" class="listbox" id=${listboxId} role="listbox" aria-label=${msg('Addresses', { id: 'picker.listLabel' })} ?hidden=${!open}>
          ${open
            ? results.map(
                (result, i) => html`<li
                  class="option"
                  id=${optionId(i)}
                  role="option"
                  aria-selected=${i === active ? 'true' : 'false'}
                  @mousedown=${(e: Event) => e.preventDefault()}
                  @click=${() => v.search.choose(result)}
                >
                  ${result.label}
                </li>`,
              )
            : nothing}
        </ul>
      </div>
      <button type="button" class="button button--secondary" ?disabled=${v.disabled} @click=${v.onSearch}>
        ${msg('Search', { id: 'picker.search' })}
      </button>
    </div>
    <p class="message" id=${`${v.id}-status`} role="status">${status}</p>
    ${renderSwitch(v, msg('Describe where it is instead', { id: 'picker.describeInstead' }))}
  `;
}

export interface DescribeView extends TextBoxView {
  /** The search failed while the resident used it (else there is none configured). */
  searchFailed: boolean;
  onInput(event: Event): void;
}

/**
 * No address search (none, it failed, or the resident chose to describe the place): one text box
 * for the address or a description of the place (sent as Open311's address_string), plus "Use my
 * location" and the map when there is one.
 */
export function renderDescribe(v: DescribeView) {
  const hintId = `${v.id}-words-hint`;
  const statusId = `${v.id}-status`;
  return html`
    <label class="label" for=${`${v.id}-input`}>${msg('Address, or a description of the place', { id: 'picker.describeLabel' })}</label>
    <p class="hint" id=${hintId}>${msg('For example, 12 High Street, or the footpath behind the library.', { id: 'picker.describeHint' })}</p>
    <input
      part="input"
      class="input ${v.invalid ? 'input--error' : ''}"
      id=${`${v.id}-input`}
      type="text"
      autocomplete="street-address"
      maxlength="300"
      aria-describedby="${hintId} ${statusId}"
      aria-invalid=${v.invalid ? 'true' : 'false'}
      .value=${live(v.search.query)}
      ?disabled=${v.disabled}
      @input=${v.onInput}
    />
    <p class="message" id=${statusId} role="status">${v.searchFailed
      ? msg('Address search is not working at the moment. Type the address or describe the place instead.', { id: 'picker.searchFailedWords' })
      : ''}</p>
    ${renderSwitch(v, msg('Search for an address instead', { id: 'picker.searchInstead' }))}
  `;
}
