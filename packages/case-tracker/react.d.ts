// JSX types for React 19 (which sets known properties on custom elements and passes the rest
// as attributes). Load them once in your app: `import type {} from '@civic-widgets/case-tracker/react';`
// Types only: this module has no JavaScript.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CivicCaseTracker } from '@civic-widgets/case-tracker';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'civic-case-tracker': DetailedHTMLProps<HTMLAttributes<CivicCaseTracker>, CivicCaseTracker> & { endpoint?: string; ref?: string; 'reference-example'?: string; 'map-style'?: string; 'api-key'?: string; 'poll-interval'?: number | string; mode?: 'case' | 'list'; lat?: number | string; long?: number | string; radius?: number | string; 'service-code'?: string; 'page-size'?: number | string; 'case-url'?: string; 'status-labels'?: string; 'reference-pattern'?: string; 'url-param'?: string; status?: string; heading?: string; 'worker-url'?: string; phone?: string };
    }
  }
}

export {};
