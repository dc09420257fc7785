import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { createIdempotencyKey, renderQuestionPage, type FieldError } from '@civic-widgets/core';
import { resizePhoto } from '../resize.js';
import type { ReportView } from './view.js';

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

  constructor(private readonly host: ReportView) {}

  get busy(): boolean {
    return this.uploads.some((u) => !u.error);
  }

  clear(): void {
    this.uploads = [];
  }

  async add(files: FileList | File[]): Promise<void> {
    const v = this.host;
    for (const file of [...files]) {
      if (v.answers.photos.length + this.uploads.filter((u) => !u.error).length >= MAX_PHOTOS) break;
      const upload: Upload = { id: createIdempotencyKey(), name: file.name, progress: 0, error: '' };
      this.uploads = [...this.uploads, upload];
      v.requestUpdate();
      try {
        const small = await resizePhoto(file).catch(() => {
          throw new TypeError('not an image');
        });
        const { mediaUrl } = await v.uploadMedia(new File([small], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }), {
          idempotencyKey: upload.id,
          onProgress: (f) => {
            upload.progress = f;
            v.requestUpdate();
          },
        });
        this.uploads = this.uploads.filter((u) => u !== upload);
        v.set({ photos: [...v.answers.photos, { url: mediaUrl, name: file.name }] });
      } catch (error) {
        v.fail('upload', error);
        upload.error =
          error instanceof TypeError
            ? msg(str`${file.name} is not a photo. Choose a JPG, PNG or HEIC file.`, { id: 'report.photos.notImage' })
            : (error as { userMessage?: string }).userMessage ||
              msg(str`${file.name} could not be uploaded. Try again, or continue without it.`, { id: 'report.photos.failed' });
        this.uploads = [...this.uploads];
      }
      v.requestUpdate();
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
export function renderPhotos(v: ReportView) {
  const { photos } = v.answers;
  const uploads = v.photos!.uploads;
  const full = photos.length >= MAX_PHOTOS;
  const failed = uploads.filter((u) => u.error);
  const pageErrors = (): FieldError[] =>
    v.photos!.busy
      ? [{ message: msg('Wait for your photos to finish uploading', { id: 'report.photos.wait' }), target: v.find('#photo-input') ?? v.headingTarget() }]
      : [];
  const body = html`
    <p class="body">${msg(str`A photo helps us find the problem and see how bad it is. You can add up to ${MAX_PHOTOS}.`, { id: 'report.photos.body' })}</p>
    ${failed.map(
      (u) => html`<div class="form-group form-group--error">
        <p class="error-message"><span class="visually-hidden">${msg('Error:', { id: 'report.errorPrefix' })}</span> ${u.error}</p>
        <button class="link-button" type="button" @click=${() => v.photos!.dismiss(u)}>${msg('Dismiss', { id: 'report.photos.dismiss' })}</button>
      </div>`,
    )}
    <ul class="photos">
      ${
        // Each photo's item is redrawn when a different photo comes to its place (keyed, from the
        // shared lit chunk): a list of at most a few photos does not need repeat's moves, and
        // repeat would be a file of its own on the first screen of a page that starts at a question.
        photos.map((p, i) =>
          keyed(
            p.url,
            html`<li>
              <img src=${p.url} alt=${msg(str`Photo ${i + 1}: ${p.name}`, { id: 'report.photos.alt' })} />
              <button class="link-button" type="button" @click=${() => v.set({ photos: photos.filter((x) => x !== p) })}>
                ${msg('Remove', { id: 'report.photos.remove' })}<span class="visually-hidden"> ${msg(str`photo ${i + 1}`, { id: 'report.photos.removeWhich' })}</span>
              </button>
            </li>`,
          ),
        )
      }
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
              if (input.files?.length) void v.photos!.add(input.files).then(() => (input.value = ''));
            }}
          />`}
    <p role="status" class="visually-hidden">${uploads.some((u) => !u.error)
      ? msg('Uploading…', { id: 'report.photos.status' })
      : photoCount(photos.length, v.locale)}</p>
  `;
  return renderQuestionPage({ ...v.frame, heading: msg('Add photos (optional)', { id: 'report.photos.title' }), body, onContinue: () => void v.next(pageErrors()) });
}
