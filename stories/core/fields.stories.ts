import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@civic-widgets/core/define';
import type { CivicFormField } from '@civic-widgets/core';

/** Shows a field's error state as a resident would see it after pressing Continue. */
const showingError = (selector: string) => ({
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const field = canvasElement.querySelector(selector) as CivicFormField<unknown>;
    await customElements.whenDefined(field.localName);
    field.reportValidity();
  },
});

const meta: Meta = {
  title: 'Core/Fields',
  tags: ['autodocs'],
};
export default meta;
type Story = StoryObj;

export const TextInput: Story = {
  args: { label: 'Full name', hint: '', required: true },
  render: ({ label, hint, required }) =>
    html`<civic-text-input label=${label} hint=${hint} ?required=${required} autocomplete="name"></civic-text-input>`,
};

export const TextInputWithHint: Story = {
  render: () =>
    html`<civic-text-input label="Postcode" hint="For example, LK1 2AB" autocomplete="postal-code" style="--civic-input-max-width: 10ch"></civic-text-input>`,
};

export const TextInputError: Story = {
  render: () =>
    html`<civic-text-input label="Email address" type="email" value="name.example.com" required></civic-text-input>`,
  ...showingError('civic-text-input'),
};

export const TextInputAsPageHeading: Story = {
  render: () => html`<civic-text-input label="What is your name?" page-heading required></civic-text-input>`,
};

export const NumberOutOfRange: Story = {
  render: () => html`<civic-text-input label="Depth in centimetres" type="number" min="1" max="100" value="250"></civic-text-input>`,
  ...showingError('civic-text-input'),
};

export const Textarea: Story = {
  render: () =>
    html`<civic-textarea label="Describe the problem" hint="Include anything that will help us find it" maxlength="500" required></civic-textarea>`,
};

export const TextareaTooLong: Story = {
  render: () =>
    html`<civic-textarea label="Describe the problem" maxlength="20" value="This description is far longer than twenty characters"></civic-textarea>`,
  ...showingError('civic-textarea'),
};

export const TextareaRequiredError: Story = {
  render: () =>
    html`<civic-textarea label="Describe the problem" required required-message="Enter a description of the problem"></civic-textarea>`,
  ...showingError('civic-textarea'),
};

export const Radios: Story = {
  render: () => html`<civic-radios label="How deep is the pothole?" hint="Use a coin or a ruler if you can" required>
    <option value="shallow">Less than 5cm</option>
    <option value="deep" data-hint="Deep enough to damage a tyre">5cm or more</option>
  </civic-radios>`,
};

export const RadiosInline: Story = {
  render: () => html`<civic-radios label="Is the road blocked?" inline required>
    <option value="yes">Yes</option><option value="no">No</option>
  </civic-radios>`,
};

export const RadiosError: Story = {
  render: () => html`<civic-radios label="Is the road blocked?" required required-message="Select yes if the road is blocked">
    <option value="yes">Yes</option><option value="no">No</option>
  </civic-radios>`,
  ...showingError('civic-radios'),
};

export const Checkboxes: Story = {
  render: () => html`<civic-checkboxes label="What has been dumped?" hint="Select all that apply" required>
    <option value="bags">Black bags</option>
    <option value="furniture">Furniture</option>
    <option value="tyres">Tyres</option>
    <option value="none" data-divider data-exclusive>None of these</option>
  </civic-checkboxes>`,
};

export const CheckboxesError: Story = {
  render: () => html`<civic-checkboxes label="What has been dumped?" required>
    <option value="bags">Black bags</option><option value="tyres">Tyres</option>
  </civic-checkboxes>`,
  ...showingError('civic-checkboxes'),
};

export const Select: Story = {
  render: () => html`<civic-select label="Parish" placeholder="Choose a parish">
    <option value="ashby">Ashby Parva</option><option value="hollins">Hollins Green</option>
  </civic-select>`,
};

export const SelectError: Story = {
  render: () => html`<civic-select label="Parish" required required-message="Select the parish">
    <option value="ashby">Ashby Parva</option><option value="hollins">Hollins Green</option>
  </civic-select>`,
  ...showingError('civic-select'),
};

export const DateInput: Story = {
  render: () => html`<civic-date-input label="When did you first notice it?" hint="For example, 27 3 2026" not-future></civic-date-input>`,
};

export const DateInputError: Story = {
  render: () => html`<civic-date-input label="When did you first notice it?" value="" required required-message="Enter the date you first noticed it"></civic-date-input>`,
  ...showingError('civic-date-input'),
};

export const Disabled: Story = {
  render: () => html`<civic-text-input label="Reference" value="LK-2026-000123" disabled></civic-text-input>`,
};

export const ErrorSummaryInAForm: Story = {
  render: () => html`<form @submit=${(e: Event) => e.preventDefault()}>
    <civic-error-summary></civic-error-summary>
    <civic-text-input name="name" label="Full name" required required-message="Enter your full name"></civic-text-input>
    <civic-text-input name="email" label="Email address" type="email" required required-message="Enter your email address"></civic-text-input>
    <button>Continue</button>
  </form>`,
  play: async ({ canvasElement }) => {
    await customElements.whenDefined('civic-error-summary');
    canvasElement.querySelector('form')!.requestSubmit();
  },
};

export const Welsh: Story = {
  render: () => html`<div lang="cy">
    <civic-textarea label="Disgrifiwch y broblem" maxlength="200"></civic-textarea>
    <civic-date-input label="Pryd wnaethoch chi sylwi arno?"></civic-date-input>
  </div>`,
};
