// JSX types for React 19 (which sets known properties on custom elements and passes the rest
// as attributes). Load them once in your app: `import type {} from '@civic-widgets/consultation/react';`
// Types only: this module has no JavaScript.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CivicConsultation } from '@civic-widgets/consultation';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'civic-consultation': DetailedHTMLProps<HTMLAttributes<CivicConsultation>, CivicConsultation> & { endpoint?: string; consultation?: string; 'geocoder-url'?: string; 'map-style'?: string; 'boundary-src'?: string; phone?: string };
    }
  }
}

export {};
