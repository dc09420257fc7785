// JSX types for React 19 (which sets known properties on custom elements and passes the rest
// as attributes). Load them once in your app: `import type {} from '@civic-widgets/location-picker/react';`
// Types only: this module has no JavaScript.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CivicLocationPicker } from '@civic-widgets/location-picker';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'civic-location-picker': DetailedHTMLProps<HTMLAttributes<CivicLocationPicker>, CivicLocationPicker> & { name?: string; label?: string; hint?: string; required?: boolean; disabled?: boolean; readonly?: boolean; geocoder?: 'custom' | 'postcodes-io' | 'nominatim' | 'os-places'; 'geocoder-url'?: string; 'reverse-url'?: string; 'geocoder-key'?: string; 'map-style'?: string; map?: 'on' | 'off'; center?: string; zoom?: number | string; 'boundary-src'?: string; 'areas-src'?: string; 'reports-src'?: string; 'assets-src'?: string; 'asset-id-property'?: string; 'form-value'?: 'fields' | 'json' | 'open311'; 'worker-url'?: string };
    }
  }
}

export {};
