import type { Consultation } from '@civic-widgets/core';

/** A definition with one question of every type the API has (docs/consultation-api.md), all required. */
export const allTypes: Consultation = {
  id: 'every-question-type',
  title: { en: 'Every question type', cy: 'Pob math o gwestiwn' },
  summary: 'A page with one question of each type, for designers and testers.',
  status: 'open',
  opens: '2026-10-01T09:00:00.000Z',
  closes: '2027-03-31T23:59:00.000Z',
  languages: ['en', 'cy'],
  overview: {
    proposal: 'Nothing is proposed: this shows every question type.',
    reasons: 'So every state can be seen and checked.',
    audience: 'Anyone.',
    estimatedMinutes: 3,
    otherWays: [],
    privacy: 'Nothing is stored.',
  },
  pages: [
    {
      id: 'all',
      title: { en: 'Every question type', cy: 'Pob math o gwestiwn' },
      intro: 'Each question below is required.',
      questions: [
        { id: 'name', type: 'text', label: { en: 'Text: what is the name of your street?', cy: 'Testun: beth yw enw eich stryd?' }, required: true, maxLength: 100 },
        { id: 'story', type: 'textarea', label: 'Long text: tell us more', hint: 'Up to 50 words.', required: true, maxWords: 50 },
        {
          id: 'colour',
          type: 'radios',
          label: 'Single choice: which colour should the benches be?',
          required: true,
          options: [
            { value: 'green', label: { en: 'Green', cy: 'Gwyrdd' } },
            { value: 'blue', label: { en: 'Blue', cy: 'Glas' }, hint: 'The council’s colour' },
          ],
          other: { label: { en: 'Another colour', cy: 'Lliw arall' } },
        },
        {
          id: 'features',
          type: 'checkboxes',
          label: 'Multiple choice: what would you like in the park?',
          required: true,
          maxSelections: 2,
          options: [
            { value: 'a', label: 'A playground' },
            { value: 'b', label: 'A café' },
            { value: 'c', label: 'Toilets' },
          ],
          other: { label: 'Something else' },
        },
        {
          id: 'agree',
          type: 'scale',
          label: 'Scale: how much do you agree?',
          required: true,
          options: [
            { value: '1', label: '1 – Strongly disagree' },
            { value: '2', label: '2' },
            { value: '3', label: '3' },
            { value: '4', label: '4' },
            { value: '5', label: '5 – Strongly agree' },
          ],
        },
        {
          id: 'order',
          type: 'ranking',
          label: 'Ranking: put these in order',
          required: true,
          options: [
            { value: 'x', label: 'Cleaner streets' },
            { value: 'y', label: 'Safer crossings' },
            { value: 'z', label: 'More trees' },
          ],
        },
        { id: 'yesno', type: 'yes_no', label: { en: 'Yes or no: do you live nearby?', cy: 'Ie neu na: ydych chi’n byw gerllaw?' }, required: true },
        { id: 'when', type: 'date', label: 'Date: when did you last visit?', hint: 'For example, 27 3 2026.', required: true, min: '2020-01-01', max: '2026-12-31' },
        { id: 'where', type: 'location', label: 'Pin a place: where should the new bench go?', required: true },
      ],
    },
  ],
};
