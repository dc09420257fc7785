import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DefinitionError, english, parseDefinition, type Definition, type Question } from '../consultations/definition.ts';
import type { ConsultationService } from '../consultations/service.ts';
import { escapeHtml } from '../http/html.ts';
import { send } from './page.ts';
import { check, QUESTION_FIELDS, withChangedQuestion, withoutQuestion, withQuestion, withQuestionMoved, type Typed } from './authoring-form.ts';
import { questionFields, type Errors } from './authoring-fields.ts';
import { dependants, typedFromQuestion } from './authoring-question.ts';
import { formPage, formTokens, missing, path, putDefinition, read, same, storedDefinition } from './authoring-common.ts';

/*
 * A consultation's questions in the back office: add one (to a page or a new page), change one
 * (its type, words, choices, settings and condition; its short name stays, as answers are kept
 * under it), move one up or down (across pages too), and remove one after a confirmation page.
 * A question others are asked depending on cannot be removed or moved after them: the page says
 * which question to change first.
 */

type Params = { Params: { id: string; question: string } };

const find = (definition: Definition, id: string): Question | undefined => definition.pages.flatMap((p) => p.questions).find((q) => q.id === id);
const quoted = (questions: Question[]) => questions.map((q) => `“${english(q.label)}”`).join(', ');

export default async function questionRoutes(app: FastifyInstance, service: ConsultationService) {
  const ctx = app.civic;
  /** The consultation and the question named in the address, or a 404 page already sent. */
  const load = async (request: FastifyRequest<Params>, reply: FastifyReply) => {
    const definition = await storedDefinition(ctx, request.params.id);
    const question = definition && find(definition, request.params.question);
    if (!definition) return void (await missing(request, reply));
    if (!question) return void (await missing(request, reply, 'Question'));
    return { definition, question };
  };

  // ---- Add ---------------------------------------------------------------------------------
  const addPage = (request: FastifyRequest, id: string, definition: Definition, typed: Typed, errors: Errors) =>
    formPage(
      request,
      'Add a question',
      errors,
      `<p><a href="${path(id)}/edit">Back to ${escapeHtml(english(definition.title))}</a></p>
<h1>Add a question</h1>
<form method="post" action="${path(id)}/questions/new" novalidate>${formTokens(request)}
${questionFields(definition, typed, errors, 'add')}
<div><button type="submit">Add question</button></div>
</form>`,
    );
  app.get<{ Params: { id: string } }>('/consultations/:id/questions/new', async (request, reply) => {
    const definition = await storedDefinition(ctx, request.params.id);
    if (!definition) return missing(request, reply);
    return send(reply, 200, addPage(request, request.params.id, definition, { page: definition.pages.at(-1)!.id }, []));
  });
  app.post<{ Params: { id: string } }>('/consultations/:id/questions/new', same, async (request, reply) => {
    const id = request.params.id;
    const definition = await storedDefinition(ctx, id);
    if (!definition) return missing(request, reply);
    const typed = read(request, QUESTION_FIELDS);
    if (typed.page !== 'new') delete typed.page_title;
    const checked = check(withQuestion(definition, typed), typed, true, definition);
    if ('errors' in checked) return send(reply, 400, addPage(request, id, definition, typed, checked.errors));
    const problem = await putDefinition(service, id, checked.definition);
    if (problem) return send(reply, 409, addPage(request, id, definition, typed, [{ message: problem }]));
    return reply.redirect(`${path(id)}/edit?saved=question#question-${encodeURIComponent(typed.q_id?.trim() ?? '')}`, 303);
  });

  // ---- Change ------------------------------------------------------------------------------
  const changePage = (request: FastifyRequest, definition: Definition, question: Question, typed: Typed, errors: Errors, conditionShown: boolean) =>
    formPage(
      request,
      'Change a question',
      errors,
      `<p><a href="${path(definition.id)}/edit">Back to ${escapeHtml(english(definition.title))}</a></p>
<h1>Change a question</h1>
<form method="post" action="${path(definition.id)}/questions/${encodeURIComponent(question.id)}/edit" novalidate>${formTokens(request)}
${questionFields(definition, typed, errors, 'change', question, conditionShown)}
<div><button type="submit">Save question</button></div>
</form>`,
    );
  app.get<Params>('/consultations/:id/questions/:question/edit', async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const { typed, conditionShown } = typedFromQuestion(found.question, found.definition);
    return send(reply, 200, changePage(request, found.definition, found.question, typed, [], conditionShown));
  });
  app.post<Params>('/consultations/:id/questions/:question/edit', same, async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const { definition, question } = found;
    const conditionShown = typedFromQuestion(question, definition).conditionShown;
    const typed = { ...read(request, QUESTION_FIELDS.filter((f) => f !== 'page' && f !== 'page_title' && f !== 'q_id')), q_id: question.id };
    const checked = check(withChangedQuestion(definition, question.id, typed, !conditionShown), typed, true, definition);
    if ('errors' in checked) return send(reply, 400, changePage(request, definition, question, typed, checked.errors, conditionShown));
    const problem = await putDefinition(service, definition.id, checked.definition);
    if (problem) return send(reply, 409, changePage(request, definition, question, typed, [{ message: problem }], conditionShown));
    return reply.redirect(`${path(definition.id)}/edit?saved=changed#question-${encodeURIComponent(question.id)}`, 303);
  });

  // ---- Move --------------------------------------------------------------------------------
  app.post<Params>('/consultations/:id/questions/:question/move', same, async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const { definition, question } = found;
    const direction = (request.body as Record<string, unknown> | undefined)?.direction === 'down' ? 'down' : 'up';
    const moved = withQuestionMoved(definition, question.id, direction);
    const back = (problem: string) =>
      send(reply, 409, formPage(request, 'The question cannot move', [{ message: problem }], `<p><a href="${path(definition.id)}/edit#question-${encodeURIComponent(question.id)}">Back to the questions</a></p><h1>The question cannot move</h1>`));
    if (!moved) return back(`“${english(question.label)}” is already the ${direction === 'up' ? 'first' : 'last'} question.`);
    try {
      parseDefinition(moved, 'form');
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      // Only a condition can stop a move: it must look at an earlier question.
      const waiting = dependants(definition, question.id);
      return back(
        direction === 'down' && waiting.length
          ? `“${english(question.label)}” cannot move after ${quoted(waiting)}, which is asked depending on its answer. Change that question’s condition first.`
          : `“${english(question.label)}” is asked depending on the question before it, so it cannot move before that question. Change its condition first.`,
      );
    }
    const problem = await putDefinition(service, definition.id, moved);
    if (problem) return back(problem);
    return reply.redirect(`${path(definition.id)}/edit?saved=moved#question-${encodeURIComponent(question.id)}`, 303);
  });

  // ---- Remove ------------------------------------------------------------------------------
  const removePage = (request: FastifyRequest, definition: Definition, question: Question, problem?: string) => {
    const label = escapeHtml(english(question.label));
    const waiting = dependants(definition, question.id);
    const blocked =
      problem ??
      (waiting.length
        ? `${quoted(waiting)} ${waiting.length === 1 ? 'is' : 'are'} asked depending on the answer to this question. Change ${waiting.length === 1 ? 'its' : 'their'} condition first.`
        : definition.pages.flatMap((p) => p.questions).length === 1
          ? 'It is the only question. Add another question before removing this one.'
          : '');
    return formPage(
      request,
      `Remove “${english(question.label)}”`,
      blocked ? [{ message: blocked }] : [],
      `<p><a href="${path(definition.id)}/edit#question-${encodeURIComponent(question.id)}">Back to the questions</a></p>
<h1>Remove “${label}”?</h1>
${
  blocked
    ? ''
    : `<p>Residents will no longer be asked it.${definition.pages.find((p) => p.questions.length === 1 && p.questions[0]!.id === question.id) ? ' Its page goes too, as it has no other question.' : ''}</p>
<form method="post" action="${path(definition.id)}/questions/${encodeURIComponent(question.id)}/remove">${formTokens(request)}<button type="submit" class="warning">Remove question</button></form>`
}
<p><a href="${path(definition.id)}/edit#question-${encodeURIComponent(question.id)}">Cancel</a></p>`,
    );
  };
  app.get<Params>('/consultations/:id/questions/:question/remove', async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    return send(reply, 200, removePage(request, found.definition, found.question));
  });
  app.post<Params>('/consultations/:id/questions/:question/remove', same, async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const { definition, question } = found;
    if (dependants(definition, question.id).length || definition.pages.flatMap((p) => p.questions).length === 1) {
      return send(reply, 409, removePage(request, definition, question));
    }
    const problem = await putDefinition(service, definition.id, parseDefinition(withoutQuestion(definition, question.id), 'form'));
    if (problem) return send(reply, 409, removePage(request, definition, question, problem));
    return reply.redirect(`${path(definition.id)}/edit?saved=removed`, 303);
  });
}
