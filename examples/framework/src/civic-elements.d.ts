// JSX types for the widgets: React 19 sets known properties on custom elements and passes the
// rest as attributes, so the element classes' own types describe what JSX may set.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CivicReportForm } from '@civic-widgets/report-form';
import type { CivicLocationPicker } from '@civic-widgets/location-picker';

type Element<T, A> = DetailedHTMLProps<HTMLAttributes<T>, T> & A;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'civic-report-form': Element<CivicReportForm, { endpoint: string; 'service-code'?: string; phone?: string; 'tracker-url'?: string }>;
      'civic-location-picker': Element<CivicLocationPicker, { name?: string; label?: string; required?: boolean; geocoder?: string; 'geocoder-url'?: string; 'map-style'?: string; 'boundary-src'?: string }>;
    }
  }
}
