import { expect, fixture, oneEvent } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { CivicFormField } from '../form/form-field.js';

/**
 * Behaviour every form field shares (Lion's exported-suite idea): form participation, required
 * messages shown only after a check, reset, disabled, and an accessible error state.
 */
export function runFormFieldSuite<V>(options: {
  tag: string;
  /** Extra attributes/children the field needs to render, e.g. options. */
  children?: string;
  /** Gives the field an answer through the public property, as a parent element would. */
  answer: V;
  /** What FormData holds for that answer. */
  submitted: string[];
  /** What FormData holds with no answer: [''] for text (as a native input), [] for choices. */
  submittedWhenEmpty?: string[];
}): void {
  const empty = options.submittedWhenEmpty ?? [];
  const tag = unsafeStatic(options.tag);
  const children = unsafeStatic(options.children ?? '');

  describe(`${options.tag}: shared form-field behaviour`, () => {
    async function inForm() {
      const form = await fixture<HTMLFormElement>(staticHtml`<form>
        <${tag} name="answer" label="Your answer" required required-message="Tell us your answer">${children}</${tag}>
        <button>Submit</button>
      </form>`);
      const field = form.querySelector(options.tag) as CivicFormField<V>;
      await field.updateComplete;
      return { form, field };
    }

    it('is accessible before and after an error is shown', async () => {
      const { form, field } = await inForm();
      await expect(form).to.be.accessible();
      field.reportValidity();
      await field.updateComplete;
      await expect(form).to.be.accessible();
    });

    it('blocks a plain form submit while a required answer is missing, then shows its message', async () => {
      const { form, field } = await inForm();
      let submitted = false;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submitted = true;
      });
      expect(field.shadowRoot!.textContent).not.to.contain('Tell us your answer');
      form.requestSubmit();
      await field.updateComplete;
      expect(submitted).to.equal(false);
      expect(form.checkValidity()).to.equal(false);
      expect(field.shadowRoot!.textContent).to.contain('Tell us your answer');
    });

    it('submits its answer in FormData under its name', async () => {
      const { form, field } = await inForm();
      field.value = options.answer;
      await field.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).getAll('answer')).to.deep.equal(options.submitted);
    });

    it('goes back to its first value when the form is reset', async () => {
      const { form, field } = await inForm();
      field.value = options.answer;
      await field.updateComplete;
      form.reset();
      await field.updateComplete;
      expect(new FormData(form).getAll('answer')).to.deep.equal(empty);
    });

    it('is left out of the form while inside a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(staticHtml`<form><fieldset disabled>
        <${tag} name="answer" label="Your answer" required>${children}</${tag}></fieldset></form>`);
      const field = form.querySelector(options.tag) as CivicFormField<V>;
      field.value = options.answer;
      await field.updateComplete;
      expect(field.disabled).to.equal(true);
      expect(new FormData(form).getAll('answer')).to.deep.equal([]);
      expect(form.checkValidity()).to.equal(true);
    });

    it('shows an error set from outside at once, e.g. from the server', async () => {
      const { field } = await inForm();
      field.errorMessage = 'The council could not accept this answer';
      await field.updateComplete;
      expect(field.shadowRoot!.textContent).to.contain('The council could not accept this answer');
      expect(field.checkValidity()).to.equal(false);
    });

    it('re-dispatches change from its shadow root', async () => {
      const { field } = await inForm();
      const control = field.shadowRoot!.querySelector('input, textarea, select') as HTMLElement;
      setTimeout(() => control.dispatchEvent(new Event('change', { bubbles: true })));
      const event = await oneEvent(field, 'change');
      expect(event.target).to.equal(field);
    });
  });
}
