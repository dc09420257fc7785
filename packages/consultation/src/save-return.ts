/*
 * Save and return: "Save and come back later", emailing the resume code, and resuming from a
 * code (typed, or the `?resume=` link in the email). A controller so the element keeps only the
 * flow; it owns the resume code and the messages of these three actions.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { CivicErrorEvent, ConsultationClient, ConsultationError, type Draft, type DraftInput, type SavedDraft } from '@civic-widgets/core';
import { looksLikeResumeCode, normaliseResumeCode, type Answers } from './model.js';
import { problemText } from './problems.js';
import { submitOnEnter } from './answers.js';
import type { SavedView } from './pages/saved.js';

export interface SaveReturnOptions {
  client(): ConsultationClient | undefined;
  /** The consultation's id, once its definition is loaded. */
  consultationId(): string | undefined;
  lang(): 'en' | 'cy';
  answers(): Answers;
  /** Another action (sending the response) is under way. */
  sending(): boolean;
  /** The answers were saved from this page (id, or '' from elsewhere): show the code. */
  onSaved(from: string): void;
  /** Saved answers came back: carry on at their page. */
  onResumed(draft: Draft): void;
  emit(event: Event): void;
}

export type SaveReturnBusy = '' | 'save' | 'resume' | 'email';

export class SaveReturnController implements ReactiveController {
  resumeCode = '';
  expiresAt = '';
  resumeError = '';
  emailError = '';
  emailedTo = '';
  /** Saving failed (shown where the resident pressed Save). */
  error = '';
  busy: SaveReturnBusy = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SaveReturnOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Sets fields and re-renders the host. */
  private set(values: Partial<Pick<SaveReturnController, 'resumeCode' | 'expiresAt' | 'resumeError' | 'emailError' | 'emailedTo' | 'error' | 'busy'>>): void {
    Object.assign(this, values);
    this.host.requestUpdate();
  }

  /** "Email me the code" on the saved page: the address in `[data-email]` under `root`. */
  async emailFrom(root: ParentNode, from: string): Promise<void> {
    const field = root.querySelector<HTMLElement & { value: string; reportValidity(): boolean; updateComplete?: Promise<unknown> }>('[data-email]');
    if (!field) return;
    await field.updateComplete;
    if (!field.reportValidity()) return;
    await this.save(from, field.value.trim());
    // The button was disabled while sending, which drops focus to the page (WCAG 2.4.3): take
    // it to what happened — the confirmation, the address to correct, or the button again.
    await this.host.updateComplete;
    const target = this.emailedTo ? '[data-emailed]' : this.emailError ? '[data-email]' : 'form [type="submit"]';
    root.querySelector<HTMLElement>(target)?.focus();
  }

  /** "Continue where you left off": the code in `[data-resume]` under `root`; focus back on it when refused. */
  async resumeFrom(root: ParentNode): Promise<void> {
    const field = root.querySelector<HTMLElement & { value: string }>('[data-resume]');
    if (await this.resume(field?.value ?? '')) return;
    await this.host.updateComplete;
    root.querySelector<HTMLElement>('[data-resume]')?.focus();
  }

  /** The "saved" page: the code, the form to email it, and their messages. */
  savedView(root: ParentNode, from: string, actionError: string, onContinue: () => void): SavedView {
    return {
      resumeCode: this.resumeCode,
      expiresAt: this.expiresAt,
      emailedTo: this.emailedTo,
      emailError: this.emailError,
      actionError: actionError || this.error,
      emailing: this.busy === 'email',
      onEmail: (e) => (e.preventDefault(), void this.emailFrom(root, from)),
      onEmailInput: () => this.clear('emailError'),
      onEnter: submitOnEnter,
      onContinue,
    };
  }

  /** Saves the answers (and emails the code when `email` is given). */
  async save(from: string, email?: string): Promise<void> {
    const client = this.options.client();
    const id = this.options.consultationId();
    if (!client || !id || this.busy || this.options.sending()) return;
    this.set({ busy: email ? 'email' : 'save', error: '', emailError: '' });
    const body: DraftInput = {
      answers: this.options.answers(),
      page: from || undefined,
      lang: this.options.lang(),
      returnUrl: returnUrl(window.location.href),
      ...(email ? { email } : {}),
    };
    try {
      const saved = await this.store(client, id, body);
      this.set({ resumeCode: normaliseResumeCode(saved.resumeCode), expiresAt: saved.expiresAt });
      if (email) this.set({ emailedTo: saved.emailed ? email : '' });
      else {
        this.set({ emailedTo: '' });
        this.options.onSaved(from);
      }
    } catch (error) {
      const invalidEmail = error instanceof ConsultationError && error.errors.some((e) => e.code === 'invalid_email');
      if (invalidEmail) {
        this.set({ emailError: msg('Enter an email address in the correct format, like name@example.com', { id: 'save.invalidEmail' }) });
      } else {
        this.set({ error: problemText(error, 'save') });
      }
      this.options.emit(new CivicErrorEvent({ operation: email ? 'email-resume-code' : 'save-draft', message: String(error), cause: error }));
    } finally {
      this.set({ busy: '' });
    }
  }

  private async store(client: ConsultationClient, id: string, body: DraftInput): Promise<SavedDraft> {
    try {
      return this.resumeCode ? await client.updateDraft(id, this.resumeCode, body) : await client.saveDraft(id, body);
    } catch (error) {
      // The saved copy expired: save a new one.
      if (!(error instanceof ConsultationError && error.errors.some((e) => e.code === 'draft_not_found'))) throw error;
      return client.saveDraft(id, body);
    }
  }

  /** Clears a message once the resident edits the field it is about. */
  clear(field: 'resumeError' | 'emailError'): void {
    this.set({ [field]: '' });
  }

  /** `?resume=CODE` in the page's address: the link in the resume email. */
  async resumeFromUrl(): Promise<void> {
    const code = new URL(window.location.href).searchParams.get('resume');
    if (!code) return;
    // The link was already used in this tab: the answers here are newer than the saved ones.
    if (this.resumeCode && normaliseResumeCode(code) === this.resumeCode) return;
    await this.resume(code);
  }

  /** Brings saved answers back. False when the code was refused (the message is in `resumeError`). */
  async resume(code: string): Promise<boolean> {
    const client = this.options.client();
    const id = this.options.consultationId();
    if (!client || !id || this.busy || this.options.sending()) return true;
    this.set({ resumeError: '' });
    if (!looksLikeResumeCode(code)) {
      this.set({
        resumeError: code.trim()
          ? msg('Enter the resume code exactly as it was given to you, like K7M3 QX9P', { id: 'resume.format' })
          : msg('Enter your resume code', { id: 'resume.required' }),
      });
      return false;
    }
    this.set({ busy: 'resume' });
    try {
      const saved = await client.getDraft(id, normaliseResumeCode(code));
      this.set({ resumeCode: normaliseResumeCode(saved.resumeCode || code), expiresAt: saved.expiresAt });
      this.options.onResumed(saved);
      return true;
    } catch (error) {
      const codes = error instanceof ConsultationError ? error.errors.map((e) => e.code) : [];
      this.set({
        resumeError: codes.includes('draft_not_found')
          ? msg('We could not find saved answers with that code. Check the code, or start again. Saved answers are kept for 30 days.', {
              id: 'resume.notFound',
            })
          : codes.includes('consultation_closed')
            ? msg('This consultation has closed, so saved answers can no longer be sent.', { id: 'resume.closed' })
            : problemText(error, 'resume'),
      });
      this.options.emit(new CivicErrorEvent({ operation: 'resume-draft', message: String(error), cause: error }));
      return false;
    } finally {
      this.set({ busy: '' });
    }
  }
}

/** The page's address without `?resume=` or a fragment: where the email's link leads back to. */
function returnUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('resume');
  url.hash = '';
  return url.href;
}
