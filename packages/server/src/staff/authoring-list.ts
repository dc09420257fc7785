import type { FastifyRequest } from 'fastify';
import { english, type Definition } from '../consultations/definition.ts';
import { escapeHtml } from '../http/html.ts';
import { QUESTION_TYPES } from './authoring-form.ts';
import { describeCondition } from './authoring-fields.ts';
import { formTokens, path } from './authoring-common.ts';

/*
 * The edit page's questions, page by page, each with Change, Move up, Move down and Remove.
 * Moving is a button in a form, not drag and drop, so it works by keyboard and without script;
 * each control's name says which question it is for ("Move up: How often…").
 */
export function questionList(request: FastifyRequest, definition: Definition): string {
  const id = definition.id;
  const all = definition.pages.flatMap((p) => p.questions);
  return definition.pages
    .map((p) => {
      const items = p.questions
        .map((q) => {
          const label = escapeHtml(english(q.label));
          const base = `${path(id)}/questions/${encodeURIComponent(q.id)}`;
          const index = all.indexOf(q);
          const move = (direction: 'up' | 'down', words: string) =>
            `<form method="post" action="${base}/move">${formTokens(request)}<input type="hidden" name="direction" value="${direction}"><button type="submit" class="secondary">${words}<span class="visually-hidden">: ${label}</span></button></form>`;
          const condition = describeCondition(q.showIf, definition);
          return `<li id="question-${escapeHtml(q.id)}"><p class="question"><span>${label}</span> <span class="tag grey">${escapeHtml(QUESTION_TYPES.find((t) => t.type === q.type)?.name ?? q.type)}</span>${condition ? ` <span class="hint">(only if ${escapeHtml(condition)})</span>` : ''}</p>
<div class="actions"><a href="${base}/edit">Change<span class="visually-hidden">: ${label}</span></a>${index > 0 ? move('up', 'Move up') : ''}${index < all.length - 1 ? move('down', 'Move down') : ''}<a href="${base}/remove">Remove<span class="visually-hidden">: ${label}</span></a></div></li>`;
        })
        .join('');
      return `<h3>${escapeHtml(english(p.title))}</h3><ol class="questions">${items}</ol>`;
    })
    .join('');
}
