import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { addSpeaker, followPageLocale, pageLocale, removeSpeaker, speakingIn, toCivicLocale, type CivicLocale } from './i18n/localization.js';
import './i18n/translations.js';

/**
 * The base of every Civic Widgets element: the backend endpoint, the resident's language, and
 * typed events that leave the shadow root.
 */
export class CivicElement extends LitElement {
  /** The backend's base URL, e.g. `https://council.example/open311/v2`. */
  @property() endpoint = '';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    followPageLanguage();
    void addSpeaker(this, () => this.locale);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeSpeaker(this);
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // Loading the language re-renders every widget once its strings are in.
    if (name === 'lang' && this.isConnected) void addSpeaker(this, () => this.locale).then(() => this.requestUpdate());
  }

  /**
   * The language this element speaks: its own `lang`, else the nearest ancestor's (crossing
   * shadow roots, so a widget inside another follows it), else the page's. Two widgets on one
   * page may speak different languages.
   */
  get locale(): CivicLocale {
    let node: Node | null = this;
    while (node && node !== document.documentElement) {
      if (node instanceof HTMLElement && node.lang) return toCivicLocale(node.lang);
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return pageLocale();
  }

  /** Everything the element renders (and its update hooks) is in its own language. */
  protected override performUpdate(): void {
    speakingIn(this.locale, () => super.performUpdate());
  }

  /** Dispatches one of our `civic-*` event classes (they bubble and are composed). */
  emit<E extends Event>(event: E): boolean {
    return this.dispatchEvent(event);
  }

  /**
   * Says loudly, once, what a webmaster must fix (GOV.UK Frontend's ConfigError idea):
   * `civic-report-form: "endpoint" is required`.
   */
  protected configError(message: string): void {
    const key = `${this.localName}: ${message}`;
    if (reportedConfigErrors.has(key)) return;
    reportedConfigErrors.add(key);
    console.error(key);
  }
}

const reportedConfigErrors = new Set<string>();

let watchingPage = false;
/** A CMS language switcher may change `<html lang>` without a reload: follow it. */
function followPageLanguage(): void {
  if (watchingPage) return;
  watchingPage = true;
  new MutationObserver(() => {
    void followPageLocale();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * Registers a tag once. A page may load the same widget twice (two CDN scripts, or a CDN script
 * plus an npm bundle); the second definition is skipped instead of throwing.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, constructor);
  } else if (existing !== constructor) {
    console.warn(`civic-widgets: <${tag}> is already defined by another copy of the library; using the first one.`);
  }
}
