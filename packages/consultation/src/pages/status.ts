import { html, nothing } from 'lit';
import { msg } from '@lit/localize';

/** While the definition (or a page's module) is on its way. */
export function renderLoading() {
  return html`<p class="body" role="status">${msg('Loading the consultation…', { id: 'load.loading' })}</p>`;
}

export interface LoadErrorView {
  /** `not-found`: the server does not know the consultation; `network`: it could not be asked. */
  kind: 'not-found' | 'network';
  onRetry: () => void;
}

/** The consultation could not be shown: why, a way to try again, and the webmaster's fallback. */
export function renderLoadError(v: LoadErrorView) {
  return html`<div class="notice" role="alert">
      <h2 class="heading-l">
        ${v.kind === 'not-found'
          ? msg('We could not find this consultation', { id: 'load.notFoundTitle' })
          : msg('Sorry, the consultation could not be loaded', { id: 'load.errorTitle' })}
      </h2>
      <p class="body">
        ${v.kind === 'not-found'
          ? msg('It may have been removed. Contact the council to find out how to respond.', { id: 'load.notFound' })
          : msg('Check your internet connection, then try again.', { id: 'load.error' })}
      </p>
      ${v.kind === 'network'
        ? html`<button type="button" class="button button--secondary" @click=${v.onRetry}>
            ${msg('Try again', { id: 'load.retry' })}
          </button>`
        : nothing}
    </div>
    <slot name="fallback"></slot>`;
}
