import { expect, fixture, oneEvent } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { CivicFormField } from '../form/form-field.js';

// Mocha's globals, as @web/test-runner provides them; declared here so the published types do
// not need @types/mocha.
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void>): void;

/** What `runFormFieldSuite` needs to know about a field. */
export interface FormFieldSuiteOptions<V> {
  /** The field's tag, already defined, e.g. `civic-text-input`. */
  tag: string;
  /** Extra attributes in HTML, e.g. `map="off" form-value="json"`. */
  attributes?: string;
  /** Children in HTML, e.g. `<option value="a">A</option>`. */
  children?: string;
  /** Runs on each new field before a test uses it: set properties (options), wait for it to settle. */
  setup?: (field: CivicFormField<V>) => unknown;
  /** Gives the field an answer through the public property, as a parent element would. */
  answer: V;
  /** What FormData holds for that answer. */
  submitted: string[];
  /** What FormData holds with no answer: [''] for text (as a native input), [] for choices. */
  submittedWhenEmpty?: string[];
  /** Whether `required` makes an empty field invalid (false for a field that always has an answer). */
  required?: boolean;
  /**
   * Makes the field fire `change` as the resident would (a typed answer, a moved item). By default
   * `change` is dispatched on its inner input, textarea or select, as the browser does.
   */
  change?: (field: CivicFormField<V>) => unknown;
}

/**
 * Behaviour every form field shares, for a field built on `CivicFormField` (Lion's and Web
 * Awesome's exported suites): form participation, required messages shown only after a check,
 * reset, disabled, `setCustomValidity`, `labels`, custom states, the hint slot, and an
 * accessible page (axe) in each state. Call it at the top level of a @web/test-runner test file:
 *
 * ```ts
 * import { runFormFieldSuite } from '@civic-widgets/core/testing';
 * runFormFieldSuite({ tag: 'my-postcode-input', answer: 'LK1 2AB', submitted: ['LK1 2AB'], submittedWhenEmpty: [''] });
 * ```
 */
export function runFormFieldSuite<V>(options: FormFieldSuiteOptions<V>): void {
  const empty = options.submittedWhenEmpty ?? [];
  const required = options.required ?? true;
  const tag = unsafeStatic(options.tag);
  const attributes = unsafeStatic(options.attributes ?? '');
  const children = unsafeStatic(options.children ?? '');
  const shadow = (field: HTMLElement) => field.shadowRoot!;
  const shown = (field: HTMLElement) => shadow(field).textContent!.replace(/\s+/g, ' ');
  const matches = (field: HTMLElement, state: string) => field.matches(`:state(${state})`);

  async function settle(field: CivicFormField<V>) {
    await field.updateComplete;
    await options.setup?.(field);
    await field.updateComplete;
    return field;
  }

  describe(`${options.tag}: shared form-field behaviour`, () => {
    async function inForm(extra = '') {
      const form = await fixture<HTMLFormElement>(staticHtml`<form>
        <${tag} name="answer" label="Your answer" ?required=${required} required-message="Tell us your answer" ${attributes} ${unsafeStatic(extra)}>${children}</${tag}>
        <button>Submit</button>
      </form>`);
      const field = await settle(form.querySelector(options.tag) as CivicFormField<V>);
      return { form, field };
    }

    it('is accessible before and after an error is shown, and shows it only after a check', async () => {
      const { form, field } = await inForm();
      if (!required) field.setCustomValidity('Tell us your answer');
      await field.updateComplete;
      await expect(form).to.be.accessible();
      expect(shown(field)).not.to.contain('Tell us your answer');
      expect(matches(field, 'user-invalid')).to.equal(false);
      field.reportValidity();
      await field.updateComplete;
      expect(shown(field)).to.contain('Tell us your answer');
      expect(matches(field, 'user-invalid')).to.equal(true);
      await expect(form).to.be.accessible();
    });

    if (required) {
      it('blocks a plain form submit while a required answer is missing, then shows its message', async () => {
        const { form, field } = await inForm();
        let submitted = false;
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          submitted = true;
        });
        expect(shown(field)).not.to.contain('Tell us your answer');
        form.requestSubmit();
        await field.updateComplete;
        expect(submitted).to.equal(false);
        expect(form.checkValidity()).to.equal(false);
        expect(shown(field)).to.contain('Tell us your answer');
      });
    }

    it('submits its answer in FormData under its name', async () => {
      const { form, field } = await inForm();
      field.value = options.answer;
      await field.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).getAll('answer')).to.deep.equal(options.submitted);
    });

    it('goes back to its first value, with no error or state shown, when the form is reset', async () => {
      const { form, field } = await inForm();
      field.value = options.answer;
      field.setCustomValidity('Not this one');
      field.reportValidity();
      field.focus();
      form.querySelector('button')!.focus();
      await field.updateComplete;
      expect(matches(field, 'touched') && matches(field, 'user-invalid')).to.equal(true);
      form.reset();
      field.setCustomValidity('');
      await field.updateComplete;
      expect(new FormData(form).getAll('answer')).to.deep.equal(empty);
      expect(shown(field)).not.to.contain('Not this one');
      expect(matches(field, 'touched') || matches(field, 'user-invalid')).to.equal(false);
    });

    it('is left out of the form while inside a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(staticHtml`<form><fieldset disabled>
        <${tag} name="answer" label="Your answer" ?required=${required} ${attributes}>${children}</${tag}></fieldset></form>`);
      const field = await settle(form.querySelector(options.tag) as CivicFormField<V>);
      field.value = options.answer;
      await field.updateComplete;
      expect(field.disabled).to.equal(true);
      expect(new FormData(form).getAll('answer')).to.deep.equal([]);
      expect(form.checkValidity()).to.equal(true);
      expect(matches(field, 'invalid')).to.equal(false);
    });

    it('shows an error set from outside at once, e.g. from the server', async () => {
      const { field } = await inForm();
      field.errorMessage = 'The council could not accept this answer';
      await field.updateComplete;
      expect(shown(field)).to.contain('The council could not accept this answer');
      expect(field.checkValidity()).to.equal(false);
      expect(matches(field, 'user-invalid')).to.equal(true);
    });

    it('takes a page rule through setCustomValidity, as a native input does', async () => {
      const { form, field } = await inForm();
      field.value = options.answer;
      field.setCustomValidity('Choose a date after the event');
      await field.updateComplete;
      expect(field.checkValidity()).to.equal(false);
      expect(field.validity.customError).to.equal(true);
      expect(field.validationMessage).to.equal('Choose a date after the event');
      expect(matches(field, 'invalid')).to.equal(true);
      // Not shown until the resident tries to submit.
      expect(shown(field)).not.to.contain('Choose a date after the event');
      form.addEventListener('submit', (event) => event.preventDefault());
      form.requestSubmit();
      await field.updateComplete;
      expect(shown(field)).to.contain('Choose a date after the event');
      await expect(form).to.be.accessible();
      field.setCustomValidity('');
      await field.updateComplete;
      expect(field.checkValidity()).to.equal(true);
      expect(matches(field, 'invalid')).to.equal(false);
      expect(shown(field)).not.to.contain('Choose a date after the event');
    });

    it("lists the page's <label for> in labels, and the label's click moves focus into the field", async () => {
      const form = await fixture<HTMLFormElement>(staticHtml`<form>
        <label for="suite-field">Your answer</label>
        <${tag} id="suite-field" name="answer" label="Your answer" ${attributes}>${children}</${tag}>
      </form>`);
      const field = await settle(form.querySelector(options.tag) as CivicFormField<V>);
      const label = form.querySelector('label')!;
      expect([...field.labels]).to.deep.equal([label]);
      label.click();
      expect(document.activeElement).to.equal(field);
      expect(shadow(field).activeElement).not.to.equal(null);
    });

    it('is :state(touched) once focus has been in it and left', async () => {
      const { form, field } = await inForm();
      expect(matches(field, 'touched')).to.equal(false);
      field.focus();
      expect(shadow(field).activeElement).not.to.equal(null);
      expect(matches(field, 'touched')).to.equal(false);
      form.querySelector('button')!.focus();
      expect(matches(field, 'touched')).to.equal(true);
    });

    it('is :state(invalid) while its answer breaks a rule, shown or not', async () => {
      const { field } = await inForm();
      if (!required) field.setCustomValidity('Tell us your answer');
      await field.updateComplete;
      expect(matches(field, 'invalid')).to.equal(true);
      expect(matches(field, 'user-invalid')).to.equal(false);
      field.value = options.answer;
      field.setCustomValidity('');
      await field.updateComplete;
      expect(matches(field, 'invalid')).to.equal(false);
    });

    it('shows HTML from the hint slot under the label, and describes its control with it', async () => {
      const { form, field } = await inForm('hint="Plain hint."');
      const hint = document.createElement('span');
      hint.slot = 'hint';
      hint.innerHTML = 'Read the <a href="#guide">guide</a> first.';
      field.append(hint);
      await new Promise((resolve) => setTimeout(resolve));
      await field.updateComplete;
      const part = shadow(field).querySelector<HTMLElement>('[part~="hint"]')!;
      expect(part.textContent).to.contain('Plain hint.');
      expect(part.querySelector('slot')!.assignedElements()).to.deep.equal([hint]);
      expect(hint.getBoundingClientRect().height).to.be.greaterThan(0);
      const described = [...shadow(field).querySelectorAll('[aria-describedby]')].filter((el) =>
        el.getAttribute('aria-describedby')!.split(' ').includes(part.id),
      );
      expect(described.length).to.be.greaterThan(0);
      await expect(form).to.be.accessible();
    });

    it('re-dispatches change from its shadow root', async () => {
      const { field } = await inForm();
      const changed = oneEvent(field, 'change');
      if (options.change) await options.change(field);
      else {
        const control = shadow(field).querySelector('input, textarea, select') as HTMLElement;
        control.dispatchEvent(new Event('change', { bubbles: true }));
      }
      const event = await changed;
      expect(event.target).to.equal(field);
    });
  });
}
