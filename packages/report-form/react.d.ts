// JSX types for React 19 (which sets known properties on custom elements and passes the rest
// as attributes). Load them once in your app: `import type {} from '@civic-widgets/report-form/react';`
// Types only: this module has no JavaScript.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CivicReportForm } from '@civic-widgets/report-form';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'civic-report-form': DetailedHTMLProps<HTMLAttributes<CivicReportForm>, CivicReportForm> & { endpoint?: string; 'service-code'?: string; phone?: string; 'tracker-url'?: string; 'privacy-url'?: string; 'contact-required'?: string; 'api-key'?: string; 'jurisdiction-id'?: string; 'nearby-radius'?: number | string; 'map-style'?: string; 'boundary-src'?: string; 'areas-src'?: string; geocoder?: string; 'geocoder-url'?: string; lang?: string };
    }
  }
}

export {};
