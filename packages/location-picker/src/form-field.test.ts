import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { runFormFieldSuite } from '@civic-widgets/core/testing';
import './define.js';
import type { CivicLocationPicker, LocationValue } from './index.js';

// The picker is a form field like any other: the shared suite, with no map and no address
// search (so the resident describes the place in one text box), submitting its value as JSON.
const answer: LocationValue = { lat: 51.752, lng: -1.2577, address: '5 High Street', area: null };
runFormFieldSuite<LocationValue | null>({
  tag: 'civic-location-picker',
  attributes: 'map="off" form-value="json"',
  answer,
  submitted: [JSON.stringify(answer)],
  // The describe box replaces the search box once the picker knows there is no geocoder.
  setup: (field) => waitUntil(() => (field as CivicLocationPicker).describing, 'the picker never offered the describe box'),
  change: async (field) => {
    field.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'By the library' });
  },
});
