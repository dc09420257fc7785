// <civic-report-form>'s photos in real Chromium against the reference server: resized, EXIF
// dropped, uploaded with progress, removed, and a file that is not a photo (moved from report-form.test.ts).
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { heading, onPage, pageText } from './testing/pages.js';
import { chooseRadio, deepActive, isButton, isChoice, isInput, labelOf, pressContinue, summary, tabTo, text } from './testing/keyboard.js';
import { api, councilPage, fenbury, larkmead, makeForm, seedDraft, server, settle, storedReport, unreachable, xmlCouncil } from './testing/report-page.js';

beforeEach(() => sessionStorage.clear());

/** A JPEG of the given size with an EXIF block carrying a GPS tag, like a phone photo. */
async function phonePhoto(width: number, height: number): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const c = canvas.getContext('2d')!;
  c.fillStyle = '#4a7';
  c.fillRect(0, 0, width, height);
  const jpeg = new Uint8Array(await (await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/jpeg'))).arrayBuffer());
  // APP1 "Exif\0\0" + a little-endian TIFF header with a GPSInfo tag (0x8825): enough for the check.
  const tiff = [0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
  const body = [...new TextEncoder().encode('Exif'), 0, 0, ...tiff];
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  return new File([jpeg.slice(0, 2), new Uint8Array(app1), jpeg.slice(2)], 'IMG_0001.jpg', { type: 'image/jpeg' });
}
const hasExif = async (b: Blob) => new TextDecoder('latin1').decode(await b.arrayBuffer()).includes('Exif');

describe('<civic-report-form> photos', function () {
  this.timeout(40_000);
  it('resizes to 2000 px at most and drops EXIF (GPS) before upload', async () => {
    const { resizePhoto } = await import('./resize.js');
    const photo = await phonePhoto(3000, 1500);
    expect(await hasExif(photo)).to.equal(true);
    const small = await resizePhoto(photo);
    const bitmap = await createImageBitmap(small);
    expect([bitmap.width, bitmap.height]).to.deep.equal([2000, 1000]);
    expect(await hasExif(small)).to.equal(false);
  });

  it('uploads several photos with progress, previews them, removes one, and sends the rest', async () => {
    const description = `Photo test ${crypto.randomUUID()}`;
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: larkmead, description }, 'photos');
    const el = await makeForm();
    await onPage(el, 'Add photos (optional)');
    await expect(el).to.be.accessible();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    // The file chooser is the operating system's: hand the input files as it would.
    const files = new DataTransfer();
    for (const f of [await phonePhoto(2400, 1800), await phonePhoto(800, 600), await phonePhoto(900, 600)]) files.items.add(f);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => el['answers'].photos.length === 3, 'three photos uploaded', { timeout: 15000 });
    await el.updateComplete;
    const previews = [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('.photos img')];
    expect(previews.map((i) => i.alt)).to.deep.equal(['Photo 1: IMG_0001.jpg', 'Photo 2: IMG_0001.jpg', 'Photo 3: IMG_0001.jpg']);
    await expect(el).to.be.accessible();
    // What the server keeps is the resized photo, without EXIF.
    const served = await (await fetch(el['answers'].photos[0]!.url)).blob();
    const bitmap = await createImageBitmap(served);
    expect(Math.max(bitmap.width, bitmap.height)).to.be.at.most(2000);
    expect(await hasExif(served)).to.equal(false);

    await tabTo(isButton('Remove photo 2'), 'Remove photo 2');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el['answers'].photos).to.have.length(2);
    const uploaded = el['answers'].photos.map((p) => p.url);
    await pressContinue();
    await onPage(el, 'Your details');
    el['go']('check');
    await onPage(el, 'Check your answers');
    expect(pageText(el)).to.contain('2 added');
    const submitted = oneEvent(el, 'civic-submitted');
    await pressContinue('Send report');
    const { detail } = await submitted;
    const stored = await storedReport(detail.serviceRequestId!);
    expect(stored!.mediaUrl).to.match(/\/media\//);
    expect(stored!.description).to.contain(description);
    // The reference server takes several photos (its widget configuration's photosPerReport):
    // both are the report's photos, in order, and none is left in the description.
    expect(stored!.mediaUrls).to.deep.equal(uploaded);
    expect(stored!.mediaUrl).to.equal(uploaded[0]);
    expect(stored!.description).not.to.contain('More photos:');
  });

  it('says plainly when a file is not a photo', async () => {
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: larkmead }, 'photos');
    const el = await makeForm();
    await onPage(el, 'Add photos (optional)');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const files = new DataTransfer();
    files.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => pageText(el).includes('notes.txt is not a photo'), 'error shown', { timeout: 8000 });
    await expect(el).to.be.accessible();
  });
});
