// JSX types for the widgets come with each package (its `react` entry, types only): React 19
// sets known properties on custom elements and passes the rest as attributes. Kept as a .ts file
// that imports them, so this example's typecheck (pnpm test) uses them as an app would.
import type {} from '@civic-widgets/report-form/react';
import type {} from '@civic-widgets/location-picker/react';
