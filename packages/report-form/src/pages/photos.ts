import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { createIdempotencyKey, type FieldError } from '@civic-widgets/core';
import { resizePhoto } from '../resize.js';
import type { CivicReportForm } from '../report-form.js';

/** At most this many photos per report. */
export const MAX_PHOTOS = 5;

interface Upload {
  id: string;
  name: string;
  progress: number;
  error: string;
}

/** Photos being resized and uploaded; finished ones move into the answers (and the draft). */
export class PhotoUploads {
  uploads: Upload[] = [];

  constructor(private readonly host: CivicReportForm) {}

  get busy(): boolean {
    return this.uploads.some((u) => !u.error);
  }

  clear(): void {
    this.uploads = [];
  }

  async add(files: FileList | File[]): Promise<void> {
    const host = this.host;
    for (const file of [...files]) {
      if (host.answers.photos.length + this.uploads.filter((u) => !u.error).length >= MAX_PHOTOS) break;
      const upload: Upload = { id: createIdempotencyKey(), name: file.name, progress: 0, error: '' };
      this.uploads = [...this.uploads, upload];
      host.requestUpdate();
      try {
        const small = await resizePhoto(file).catch(() => {
          throw new TypeError('not an image');
        });
        const { mediaUrl } = await host.client.uploadMedia(new File([small], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }), {
          idempotencyKey: upload.id,
          onProgress: (f) => {
            upload.progress = f;
            host.requestUpdate();
          },
        });
        this.uploads = this.uploads.filter((u) => u !== upload);
        host.set({ photos: [...host.answers.photos, { url: mediaUrl, name: file.name }] });
      } catch (error) {
        host.fail('upload', error);
        upload.error =
          error instanceof TypeError
            ? msg(str`${file.name} is not a photo. Choose a JPG, PNG or HEIC file.`, { id: 'report.photos.notImage' })
            : (error as { userMessage?: string }).userMessage ||
              msg(str`${file.name} could not be uploaded. Try again, or continue without it.`, { id: 'report.photos.failed' });
        this.uploads = [...this.uploads];
      }
      host.requestUpdate();
    }
  }

  dismiss(upload: Upload): void {
    this.uploads = this.uploads.filter((u) => u !== upload);
    this.host.requestUpdate();
  }
}

/** "1 photo added", "3 photos added": the plural form of the page's language (CLDR rules). */
function photoCount(count: number, locale: string): string {
  return new Intl.PluralRules(locale).select(count) === 'one'
    ? msg('1 photo added', { id: 'report.photos.countOne' })
    : msg(str`${count} photos added`, { id: 'report.photos.count' });
}

/** "Add photos": optional, several, resized in the browser, each with progress and Remove. */
export function renderPhotos(host: CivicReportForm) {
  const { photos } = host.answers;
  const uploads = host.photos!.uploads;
  const full = photos.length >= MAX_PHOTOS;
  const failed = uploads.filter((u) => u.error);
  const pageErrors = (): FieldError[] =>
    host.photos!.busy
      ? [{ message: msg('Wait for your photos to finish uploading', { id: 'report.photos.wait' }), target: host.renderRoot.querySelector<HTMLElement>('#photo-input') ?? host.headingTarget() }]
      : [];
  return html`
    ${host.renderTop()}
    <h1 class="heading-xl">${msg('Add photos (optional)', { id: 'report.photos.title' })}</h1>
    <p class="body">${msg(str`A photo helps us find the problem and see how bad it is. You can add up to ${MAX_PHOTOS}.`, { id: 'report.photos.body' })}</p>
    ${failed.map(
      (u) => html`<div class="form-group form-group--error">
        <p class="error-message"><span class="visually-hidden">${msg('Error:', { id: 'report.errorPrefix' })}</span> ${u.error}</p>
        <button class="link-button" type="button" @click=${() => host.photos!.dismiss(u)}>${msg('Dismiss', { id: 'report.photos.dismiss' })}</button>
      </div>`,
    )}
    <ul class="photos">
      ${repeat(
        photos,
        (p) => p.url,
        (p, i) => html`<li>
          <img src=${p.url} alt=${msg(str`Photo ${i + 1}: ${p.name}`, { id: 'report.photos.alt' })} />
          <button class="link-button" type="button" @click=${() => host.set({ photos: photos.filter((x) => x !== p) })}>
            ${msg('Remove', { id: 'report.photos.remove' })}<span class="visually-hidden"> ${msg(str`photo ${i + 1}`, { id: 'report.photos.removeWhich' })}</span>
          </button>
        </li>`,
      )}
      ${uploads
        .filter((u) => !u.error)
        .map(
          (u) => html`<li>
            <label for=${`progress-${u.id}`}>${msg(str`Uploading ${u.name}`, { id: 'report.photos.uploading' })}</label>
            <progress id=${`progress-${u.id}`} max="100" .value=${Math.round(u.progress * 100)}></progress>
          </li>`,
        )}
    </ul>
    ${full
      ? html`<p class="body">${msg(str`You have added ${MAX_PHOTOS} photos, the most you can add.`, { id: 'report.photos.full' })}</p>`
      : html`<label class="label" for="photo-input">${photos.length
            ? msg('Add another photo', { id: 'report.photos.addAnother' })
            : msg('Choose photos', { id: 'report.photos.choose' })}</label>
          <input
            class="file-input"
            id="photo-input"
            type="file"
            accept="image/*"
            multiple
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              if (input.files?.length) void host.photos!.add(input.files).then(() => (input.value = ''));
            }}
          />`}
    <p role="status" class="visually-hidden">${uploads.some((u) => !u.error)
      ? msg('Uploading…', { id: 'report.photos.status' })
      : photoCount(photos.length, host.locale)}</p>
    ${host.renderContinue(pageErrors)}
  `;
}
