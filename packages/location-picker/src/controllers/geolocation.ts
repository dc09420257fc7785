import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';

export interface GeolocationOptions {
  /** The Geolocation API to ask (the element's `geolocation` property); null hides the button. */
  geolocation(): Geolocation | null;
  onPosition(lat: number, lng: number): void;
  /** Says something to screen-reader users (the element's polite live region). */
  announce(text: string): void;
}

/**
 * "Use my location": asks the browser for the resident's position once per press, and when it
 * cannot have it says why in words a resident can act on (denied, too slow, not found). It needs
 * none of the element's lifecycle, so it only asks the element to update.
 */
export class GeolocationController {
  /** A position has been asked for and not yet given. */
  locating = false;
  /** Why the last request failed, until the resident chooses a place or the form resets. */
  notice = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: GeolocationOptions,
  ) {}

  clear(): void {
    if (!this.notice) return;
    this.notice = '';
    this.host.requestUpdate();
  }

  readonly locate = (): void => {
    const geolocation = this.o.geolocation();
    if (!geolocation) return;
    this.locating = true;
    this.notice = '';
    this.host.requestUpdate();
    this.o.announce(msg('Finding your location…', { id: 'picker.locating' }));
    geolocation.getCurrentPosition(
      (position) => {
        this.locating = false;
        this.host.requestUpdate();
        this.o.onPosition(position.coords.latitude, position.coords.longitude);
      },
      (error) => {
        this.locating = false;
        this.notice =
          error.code === 1
            ? msg('You have not allowed this page to use your location. Search for an address or postcode instead, or allow location in your browser settings.', { id: 'picker.geoDenied' })
            : error.code === 3
              ? msg('Finding your location took too long. Try again, or search for an address or postcode.', { id: 'picker.geoTimeout' })
              : msg('Your location could not be found. Search for an address or postcode instead.', { id: 'picker.geoUnavailable' });
        this.host.requestUpdate();
        this.o.announce(this.notice);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
}
