import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@civic-widgets/consultation-hub/define';
import { DEMO_BACKEND } from '../backend/urls.ts';

/*
 * The "Have your say" hub against the demo backend (stories/backend): the demo council's
 * consultations (packages/server/demo/consultations) — open, closed awaiting a decision, and one
 * with its outcome published — with their topics and areas. Sign-ups are accepted by the mock
 * with the server's own rules; Storybook sends no email.
 */

const endpoint = `${DEMO_BACKEND}/api/consultations`;
const pattern = '/have-your-say/consultation?consultation={id}';

const meta: Meta = {
  title: 'Consultation hub',
  tags: ['autodocs'],
  component: 'civic-consultation-hub',
};
export default meta;
type Story = StoryObj;

/** Every consultation, in its group, with search, filters and "Get emails about new consultations". */
export const HaveYourSay: Story = {
  render: () => html`<civic-consultation-hub endpoint=${endpoint} consultation-url=${pattern}></civic-consultation-hub>`,
};

/** The same page in Welsh. */
export const Welsh: Story = {
  render: () => html`<civic-consultation-hub lang="cy" endpoint=${endpoint} consultation-url=${pattern}></civic-consultation-hub>`,
};

/** Without the alerts form (a backend without the alerts endpoint). */
export const WithoutAlerts: Story = {
  render: () => html`<civic-consultation-hub no-alerts endpoint=${endpoint} consultation-url=${pattern}></civic-consultation-hub>`,
};
