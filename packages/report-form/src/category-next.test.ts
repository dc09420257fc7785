// After "What do you want to report?" the form needs two things for the next page: the chosen
// category's questions (from the server) and core's fields that draw them (a file of the widget).
// On a slow line each is a round trip; asked for one after the other they were two.
import { expect } from '@open-wc/testing';
import './define.js';
import { onPage } from './testing/pages.js';
import { chooseRadio, pressContinue } from './testing/keyboard.js';
import { api, fetched, makeForm } from './testing/report-page.js';

const fields = /\/packages\/core\/src\/define\.[jt]s/;

describe('<civic-report-form>: Continue from the category list', function () {
  this.timeout(40_000);
  afterEach(() => sessionStorage.clear());

  it('asks for the questions and the fields that draw them at the same time', async () => {
    const el = await makeForm(api);
    await onPage(el, 'What do you want to report?');
    expect(fetched(fields), 'the fields were loaded before the resident chose a category').to.deep.equal([]);
    await chooseRadio('Pothole');
    await pressContinue();
    await onPage(el, 'How deep is it?');
    await expect(el).to.be.accessible();
    const [fieldsFile] = fetched(fields);
    const [questions] = fetched(/\/services\/potholes\.json/);
    // The questions were asked for before the fields' file had come: together, not in a row.
    expect(questions!.startTime).to.be.lessThan(fieldsFile!.responseEnd);
  });
});
