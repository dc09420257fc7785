// Browser Back and Forward move between the report form's pages, keeping the answers, and leave
// the council page's own history state (its router's) as it was.
import { expect, waitUntil } from '@open-wc/testing';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { onPage } from './testing/pages.js';
import { button, choice, makeForm } from './testing/form.js';

async function answerAndContinue(el: CivicReportForm, label: string) {
  choice(el, label).click();
  await el.updateComplete;
  button(el, 'Continue').click();
}

describe('<civic-report-form> and the browser’s Back and Forward buttons', function () {
  this.timeout(40_000);
  afterEach(() => sessionStorage.clear());

  it('move between pages, keep the answers, and keep the host page’s history state', async () => {
    // The council's own router keeps its state in history.state.
    history.replaceState({ route: '/report' }, '');
    const routerSaw: unknown[] = [];
    const router = (e: PopStateEvent) => routerSaw.push((e.state as { route?: string } | null)?.route);
    window.addEventListener('popstate', router);
    try {
      const el = await makeForm();
      await onPage(el, 'What do you want to report?');
      await answerAndContinue(el, 'Pothole');
      await onPage(el, 'How deep is it?');
      await answerAndContinue(el, '4cm to 10cm');
      await onPage(el, 'Where on the road is it?');
      expect((history.state as { route: string }).route, 'the router’s state on our entries').to.equal('/report');

      history.back();
      await onPage(el, 'How deep is it?');
      expect(choice(el, '4cm to 10cm').checked, 'the answer kept').to.equal(true);
      await expect(el).to.be.accessible();
      history.back();
      await onPage(el, 'What do you want to report?');
      expect(choice(el, 'Pothole').checked).to.equal(true);

      history.forward();
      await onPage(el, 'How deep is it?');
      history.forward();
      await onPage(el, 'Where on the road is it?');
      expect(el['answers'].attributes.depth).to.equal('medium');
      // The router saw every move with its own state unchanged: it has nothing to do.
      await waitUntil(() => routerSaw.length === 4, 'four popstate events');
      expect(routerSaw).to.deep.equal(['/report', '/report', '/report', '/report']);
    } finally {
      window.removeEventListener('popstate', router);
    }
  });
});
