// JSX types for React 19 (which sets known properties on custom elements and passes the rest
// as attributes). Load them once in your app: `import type {} from '@civic-widgets/consultation-hub/react';`
// Types only: this module has no JavaScript.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CivicConsultationHub } from '@civic-widgets/consultation-hub';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'civic-consultation-hub': DetailedHTMLProps<HTMLAttributes<CivicConsultationHub>, CivicConsultationHub> & { endpoint?: string; 'consultation-url'?: string; 'no-alerts'?: boolean };
    }
  }
}

export {};
