// JSX types for the widgets: React 19 sets known properties on custom elements and passes the
// rest as attributes, so each attribute takes the type of the element class's own property.
// A .ts file rather than a .d.ts on purpose: `skipLibCheck` skips every .d.ts, so an error here
// (a property renamed in a widget, a name clash in the augmentation) would quietly turn the
// widget's props into `any` instead of failing the typecheck.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CivicReportForm } from '@civic-widgets/report-form';
import type { CivicLocationPicker } from '@civic-widgets/location-picker';

// Not called `Element`: inside `namespace JSX` that name is React's own JSX.Element.
type WidgetProps<T, A> = DetailedHTMLProps<HTMLAttributes<T>, T> & A;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'civic-report-form': WidgetProps<
        CivicReportForm,
        {
          endpoint: CivicReportForm['endpoint'];
          'service-code'?: CivicReportForm['serviceCode'];
          phone?: CivicReportForm['phone'];
          'tracker-url'?: CivicReportForm['trackerUrl'];
        }
      >;
      'civic-location-picker': WidgetProps<
        CivicLocationPicker,
        {
          name?: CivicLocationPicker['name'];
          label?: CivicLocationPicker['label'];
          required?: CivicLocationPicker['required'];
          geocoder?: CivicLocationPicker['geocoder'];
          'geocoder-url'?: CivicLocationPicker['geocoderUrl'];
          'map-style'?: CivicLocationPicker['mapStyle'];
          'boundary-src'?: CivicLocationPicker['boundarySrc'];
        }
      >;
    }
  }
}
