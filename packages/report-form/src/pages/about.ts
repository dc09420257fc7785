import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { renderQuestionPage } from '@civic-widgets/core';
import type { ReportView } from './view.js';

const valueOf = (e: Event) => (e.target as HTMLElement & { value: string }).value;

/** "Your details": name, email and phone as the council needs them, and the updates opt-in. */
export function renderAbout(v: ReportView) {
  const a = v.answers;
  const needs = (what: string) => v.contactRequired.split(/[\s,]+/).includes(what);
  const updatesChosen = a.updates;
  const body = html`
    <p class="body">${msg('We will use these only to contact you about this report, if we need to.', { id: 'report.about.body' })}</p>
    <civic-text-input
      data-field
      name="name"
      label=${msg('Full name', { id: 'report.about.name' })}
      autocomplete="name"
      maxlength="200"
      ?required=${needs('name')}
      required-message=${msg('Enter your full name', { id: 'report.about.name.required' })}
      .value=${a.name}
      @input=${(e: Event) => v.set({ name: valueOf(e) })}
    ></civic-text-input>
    <civic-text-input
      data-field
      name="email"
      type="email"
      label=${msg('Email address', { id: 'report.about.email' })}
      hint=${v.settings.receipts ? msg('We will send a receipt with your reference number to this address.', { id: 'report.about.email.hint' }) : ''}
      autocomplete="email"
      maxlength="254"
      ?required=${needs('email') || updatesChosen}
      required-message=${updatesChosen
        ? msg('Enter your email address, so we can send you updates', { id: 'report.about.email.requiredUpdates' })
        : msg('Enter your email address', { id: 'report.about.email.required' })}
      .value=${a.email}
      @input=${(e: Event) => v.set({ email: valueOf(e) })}
    ></civic-text-input>
    <civic-text-input
      data-field
      name="phone"
      type="tel"
      label=${msg('Phone number', { id: 'report.about.phone' })}
      hint=${msg('In case we need to ask you something about the problem.', { id: 'report.about.phone.hint' })}
      autocomplete="tel"
      ?required=${needs('phone')}
      required-message=${msg('Enter your phone number', { id: 'report.about.phone.required' })}
      .value=${a.phone}
      @input=${(e: Event) => v.set({ phone: valueOf(e) })}
    ></civic-text-input>
    <civic-checkboxes
      name="updates"
      label=${msg('Updates', { id: 'report.about.updates.legend' })}
      .options=${[{ value: 'yes', label: msg('Send me updates about this report by email', { id: 'report.about.updates' }) }]}
      .value=${updatesChosen ? ['yes'] : []}
      @change=${(e: Event) => v.set({ updates: (e.target as HTMLElement & { value: string[] }).value.includes('yes') })}
    ></civic-checkboxes>
    <p class="body secondary">
      ${msg('The council uses your details only to deal with your report and will not publish them.', { id: 'report.about.privacy' })}
      ${v.privacyUrl
        ? html`<a href=${v.privacyUrl}>${msg('How we use your information (privacy notice)', { id: 'report.about.privacyLink' })}</a>`
        : nothing}
    </p>
  `;
  return renderQuestionPage({ ...v.frame, heading: msg('Your details', { id: 'report.about.title' }), body, onContinue: () => void v.next() });
}
