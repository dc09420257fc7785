// The question pages as a resident meets them: no error before they press Continue, an error
// summary that lets go of an answer once it is put right, and words that fit the category.
import { expect, waitUntil } from '@open-wc/testing';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { heading, onPage, pageText } from './testing/pages.js';
import { button, choice, larkmead, makeForm, seedDraft, summary } from './testing/form.js';

/** No error message anywhere on the page, in the form or in its fields. */
function noErrorShown(el: CivicReportForm) {
  expect(summary(el), 'the error summary').to.deep.equal([]);
  expect(pageText(el)).not.to.contain('Error:');
}

async function answerAndContinue(el: CivicReportForm, label: string) {
  choice(el, label).click();
  await el.updateComplete;
  const name = el.locale === 'cy' ? 'Parhau' : 'Continue';
  await waitUntil(() => el.shadowRoot!.querySelector('button') && pageText(el).includes(name), `the ${name} button`);
  button(el, name).click();
}

describe('<civic-report-form> question pages', function () {
  this.timeout(40_000);
  afterEach(() => {
    sessionStorage.clear();
    document.documentElement.lang = 'en';
  });

  it('shows no error on the next question before Continue (pothole: depth, then where on the road)', async () => {
    seedDraft({ serviceCode: 'potholes' }, 'question:depth');
    const el = await makeForm();
    await onPage(el, 'How deep is it?');
    await answerAndContinue(el, '4cm to 10cm');
    await onPage(el, 'Where on the road is it?');
    noErrorShown(el);
    await expect(el).to.be.accessible();
    // Continue without an answer still says what to do.
    button(el, 'Continue').click();
    await waitUntil(() => summary(el).length > 0, 'the error summary');
    expect(summary(el)).to.deep.equal(['Select an option']);
  });

  it('the same on speeding traffic’s second question, and its description hint fits it', async () => {
    seedDraft({ serviceCode: 'speeding_traffic' }, 'question:speed_limit');
    const el = await makeForm();
    await onPage(el, 'What is the speed limit on the road?');
    await answerAndContinue(el, '30mph');
    await onPage(el, 'What would you like to happen?');
    noErrorShown(el);
    el['go']('description');
    await onPage(el, 'Tell us more about the problem');
    expect(pageText(el)).not.to.contain('how big it is');
    expect(pageText(el)).to.contain('Tell us anything that would help us deal with it.');
  });

  it('the same in Welsh', async () => {
    document.documentElement.lang = 'cy';
    seedDraft({ serviceCode: 'potholes' }, 'question:depth');
    const el = await makeForm();
    await onPage(el, "Pa mor ddwfn yw'r twll?");
    await answerAndContinue(el, '4cm i 10cm');
    await onPage(el, "Ble ar y ffordd mae'r twll?");
    noErrorShown(el);
    await expect(el).to.be.accessible();
  });

  it('takes the location out of the error summary once a place is chosen', async () => {
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' } }, 'where');
    const el = await makeForm();
    await onPage(el, 'Where is the problem?');
    button(el, 'Continue').click();
    await waitUntil(() => summary(el).length > 0, 'the error summary');
    expect(summary(el)).to.deep.equal(['Enter where the problem is, or choose a point on the map']);
    const picker = el.shadowRoot!.querySelector<HTMLElement & { value: unknown }>('civic-location-picker')!;
    // What the picker does when the resident chooses a search result.
    picker.value = larkmead;
    picker.dispatchEvent(new CustomEvent('civic-location-change', { detail: larkmead, bubbles: true, composed: true }));
    await waitUntil(() => summary(el).length === 0, 'the summary to let go of the fixed answer');
    noErrorShown(el);
    expect(heading(el)).to.equal('Where is the problem?');
    await expect(el).to.be.accessible();
  });
});

/** A small JPEG, as a phone would hand the file input one. */
async function photo(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 400;
  canvas.height = 300;
  canvas.getContext('2d')!.fillRect(0, 0, 400, 300);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/jpeg'));
  return new File([blob], 'IMG_0002.jpg', { type: 'image/jpeg' });
}

async function addPhoto(el: CivicReportForm) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const files = new DataTransfer();
  files.items.add(await photo());
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => el['answers'].photos.length === 1, 'the photo uploaded', { timeout: 15000 });
  await el.updateComplete;
}

const photoStatus = (el: CivicReportForm) => el.shadowRoot!.querySelector('[role=status].visually-hidden')!.textContent!.trim();

describe('<civic-report-form> photo count', function () {
  this.timeout(40_000);
  afterEach(() => {
    sessionStorage.clear();
    document.documentElement.lang = 'en';
  });

  it('says "1 photo added", not "1 photos added"', async () => {
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: larkmead }, 'photos');
    const el = await makeForm();
    await onPage(el, 'Add photos (optional)');
    expect(photoStatus(el)).to.equal('0 photos added');
    await addPhoto(el);
    expect(photoStatus(el)).to.equal('1 photo added');
  });

  it('in Welsh too', async () => {
    document.documentElement.lang = 'cy';
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: larkmead }, 'photos');
    const el = await makeForm();
    await onPage(el, 'Ychwanegu lluniau (dewisol)');
    await addPhoto(el);
    expect(photoStatus(el)).to.equal("1 llun wedi'i ychwanegu");
  });
});
