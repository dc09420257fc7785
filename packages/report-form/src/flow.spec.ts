import { describe, expect, it } from 'vitest';
import type { Service, ServiceAttribute, ServiceRequest } from '@civic-widgets/core';
import {
  askedQuestions,
  emptyAnswers,
  groupServices,
  informationFor,
  matches,
  metresBetween,
  nearbyOpen,
  nextUnanswered,
  pagesFor,
  trackerHref,
  trackerLink,
  type FlowState,
} from './flow.js';
import { splitName, toRequest } from './request.js';

const q = (code: string, extra: Partial<ServiceAttribute> = {}): ServiceAttribute => ({
  code,
  variable: true,
  datatype: 'singlevaluelist',
  required: true,
  datatypeDescription: '',
  order: 1,
  description: code,
  values: [
    { key: 'yes', name: 'Yes' },
    { key: 'no', name: 'No' },
  ],
  ...extra,
});

const questions = [
  q('caused_damage'),
  q('damage_details', { datatype: 'text', values: [], showWhen: { code: 'caused_damage', values: ['yes'] } }),
  q('claim', { showWhen: { code: 'damage_details', values: ['x'] } }),
  q('note', { variable: false, description: 'We inspect within 5 days' }),
];

const state = (over: Partial<FlowState> = {}): FlowState => ({
  preselected: false,
  attributes: questions,
  answers: { ...emptyAnswers(), serviceCode: 'potholes' },
  nearby: [],
  photos: true,
  ...over,
});

describe('conditional questions (show_when)', () => {
  it('asks a question only when the answer it depends on matches', () => {
    expect(askedQuestions(questions, {}).map((a) => a.code)).to.deep.equal(['caused_damage']);
    expect(askedQuestions(questions, { caused_damage: 'yes' }).map((a) => a.code)).to.deep.equal(['caused_damage', 'damage_details']);
    expect(askedQuestions(questions, { caused_damage: 'no', damage_details: 'x' }).map((a) => a.code)).to.deep.equal(['caused_damage']);
  });

  it('matches any chosen value of a multivaluelist, and hides questions whose parent is hidden', () => {
    const multi = [q('waste', { datatype: 'multivaluelist' }), q('tyres', { showWhen: { code: 'waste', values: ['tyres'] } })];
    expect(askedQuestions(multi, { waste: ['bags', 'tyres'] })).to.have.length(2);
    // 'claim' depends on damage_details, which is itself hidden when caused_damage is 'no'.
    expect(askedQuestions(questions, { caused_damage: 'no', damage_details: 'x' }).some((a) => a.code === 'claim')).to.equal(false);
  });

  it('survives a loop in the configuration by asking neither question', () => {
    const loop = [q('a', { showWhen: { code: 'b', values: ['yes'] } }), q('b', { showWhen: { code: 'a', values: ['yes'] } })];
    expect(askedQuestions(loop, { a: 'yes', b: 'yes' })).to.deep.equal([]);
  });

  it('does not ask server_set or hidden_field attributes (mySociety)', () => {
    expect(askedQuestions([q('x', { automated: 'server_set' }), q('y', { automated: 'hidden_field' })], {})).to.deep.equal([]);
  });

  it('shows variable=false information on the next question asked, else the description page', () => {
    const info = q('info', { variable: false });
    expect(informationFor('question:after', [info, q('after')], {}).map((a) => a.code)).to.deep.equal(['info']);
    expect(informationFor('description', [info], {}).map((a) => a.code)).to.deep.equal(['info']);
  });
});

describe('pages of the flow', () => {
  it('puts one page per question, skips photos on servers without uploads and the category when preselected', () => {
    expect(pagesFor(state({ answers: { ...emptyAnswers(), attributes: { caused_damage: 'yes' } } }))).to.deep.equal([
      'category',
      'question:caused_damage',
      'question:damage_details',
      'description',
      'where',
      'photos',
      'about',
      'check',
    ]);
    expect(pagesFor(state({ preselected: true, photos: false, attributes: [] }))).to.deep.equal(['description', 'where', 'about', 'check']);
  });

  it('asks "Is it one of these?" only when there are open reports nearby', () => {
    const nearby = [{ id: 'LDC-1' } as ServiceRequest];
    expect(pagesFor(state({ nearby }))).to.include('duplicates');
  });

  it('after a Change, goes on to a newly needed question, else back to the check page', () => {
    const s = state({ answers: { ...emptyAnswers(), attributes: { caused_damage: 'yes' }, place: { lat: 1, lng: 1, address: 'x' } } });
    expect(nextUnanswered(s, 'question:caused_damage')).to.equal('question:damage_details');
    const done = state({ answers: { ...s.answers, attributes: { caused_damage: 'yes', damage_details: 'Tyre burst' } } });
    expect(nextUnanswered(done, 'question:caused_damage')).to.equal(undefined);
  });
});

describe('the POST requests body', () => {
  const base = state({
    answers: {
      ...emptyAnswers(),
      serviceCode: 'potholes',
      attributes: { caused_damage: 'no', damage_details: 'left over from an earlier answer' },
      description: ' Big one ',
      place: { lat: 52.1234567891, lng: -1.5, address: '' },
      photos: [
        { url: 'https://x/media/1.jpg', name: 'a.jpg' },
        { url: 'https://x/media/2.jpg', name: 'b.jpg' },
      ],
      name: 'Mary Anne Smith',
      email: ' m@example.com ',
      updates: true,
    },
  });

  it('sends only the questions still asked, lat/long with an address_string, and every photo', () => {
    const r = toRequest(base, 'More photos:');
    expect(r.attributes).to.deep.equal({ caused_damage: 'no' });
    expect(r.lat).to.equal(52.123457);
    expect(r.addressString).to.equal('52.123457, -1.5');
    expect(r.mediaUrl).to.equal('https://x/media/1.jpg');
    expect(r.description).to.equal('Big one\n\nMore photos:\nhttps://x/media/2.jpg');
    expect([r.firstName, r.lastName, r.email, r.emailUpdates]).to.deep.equal(['Mary Anne', 'Smith', 'm@example.com', true]);
  });

  it('sends every photo as media_urls to a server that takes several, and nothing about them in the description', () => {
    const r = toRequest({ ...base, photosPerReport: 10 }, 'More photos:');
    expect(r.mediaUrl).to.equal('https://x/media/1.jpg');
    expect(r.mediaUrls).to.deep.equal(['https://x/media/1.jpg', 'https://x/media/2.jpg']);
    expect(r.description).to.equal('Big one');
    // A server that takes fewer than the resident added: the rest are listed in the description.
    const three = { ...base.answers, photos: [...base.answers.photos, { url: 'https://x/media/3.jpg', name: 'c.jpg' }] };
    const two = toRequest({ ...base, answers: three, photosPerReport: 2 }, 'More photos:');
    expect(two.mediaUrls).to.deep.equal(['https://x/media/1.jpg', 'https://x/media/2.jpg']);
    expect(two.description).to.equal('Big one\n\nMore photos:\nhttps://x/media/3.jpg');
    // No (or a nonsense) photosPerReport: a plain Open311 server, one media_url.
    for (const photosPerReport of [undefined, 1, 0, 2.5]) {
      const plain = toRequest({ ...base, photosPerReport }, 'More photos:');
      expect([plain.mediaUrl, plain.mediaUrls]).to.deep.equal(['https://x/media/1.jpg', undefined]);
    }
  });

  it('never asks for updates without an email address', () => {
    expect(toRequest(state({ answers: { ...base.answers, email: '' } }), '').emailUpdates).to.equal(false);
  });

  it('splits names as Open311 wants them', () => {
    expect(splitName('Cher')).to.deep.equal({ firstName: 'Cher' });
    expect(splitName('  ')).to.deep.equal({});
  });
});

describe('nearby open reports', () => {
  const at = (id: string, lat: number, lng: number, status = 'open', code = 'potholes') =>
    ({ id, lat, long: lng, status, serviceCode: code }) as ServiceRequest;

  it('keeps open reports of the same category within the radius, nearest first', () => {
    const place = { lat: 52.2, lng: -1.5, address: '' };
    const found = nearbyOpen(
      [at('far', 52.21, -1.5), at('near', 52.2003, -1.5), at('nearest', 52.2001, -1.5), at('fixed', 52.2, -1.5, 'fixed'), at('other', 52.2, -1.5, 'open', 'graffiti')],
      'potholes',
      place,
      100,
    );
    expect(found.map((r) => r.id)).to.deep.equal(['nearest', 'near']);
  });

  it('measures distance in metres', () => {
    expect(Math.round(metresBetween(52.2, -1.5, 52.201, -1.5))).to.equal(111);
  });
});

describe('categories', () => {
  const s = (code: string, groups: string[], keywords: string[] = []): Service => ({
    code,
    name: code,
    description: '',
    metadata: true,
    type: 'realtime',
    keywords,
    groups,
  });

  it('lists a category once, under its first group, ungrouped ones last', () => {
    const groups = groupServices([s('lights', ['Roads', 'Lighting']), s('misc', []), s('holes', ['Roads']), s('lamps', ['Lighting', 'Roads'])]);
    expect(groups.map(([g, list]) => [g, list.map((x) => x.code)])).to.deep.equal([
      ['Roads', ['lights', 'holes']],
      ['Lighting', ['lamps']],
      ['', ['misc']],
    ]);
  });

  it('searches names, keywords and groups, every word', () => {
    expect(matches(s('Street light', ['Roads'], ['lamp post']), 'lamp')).to.equal(true);
    expect(matches(s('Street light', ['Roads'], ['lamp post']), 'roads light')).to.equal(true);
    expect(matches(s('Street light', ['Roads']), 'pothole')).to.equal(false);
  });

  it('fills the tracker link', () => {
    expect(trackerLink('/track?ref={id}', 'LDC 1/2')).to.equal('/track?ref=LDC%201%2F2');
  });

  it('links to the tracker only over http(s): a javascript: template from the server is no link', () => {
    expect(trackerHref('https://larkmead.example.gov.uk/track?ref={id}', 'LDC-1001')).to.equal('https://larkmead.example.gov.uk/track?ref=LDC-1001');
    expect(trackerHref('javascript:alert({id})', 'LDC-1001')).to.equal(undefined);
    expect(trackerHref(undefined, 'LDC-1001')).to.equal(undefined);
  });
});
