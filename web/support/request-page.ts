import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '../../core/problems.js';
import { supportApplied, supportFailed } from '../../changes/apply.js';
import { extendChange, supportCancel, supportResend } from '../../changes/support.js';
import { SUPPORT, type SupportCopy } from './copy/index.js';
import { setFlash, setRefusal } from '../shared/flash.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import { ACTIONS, parseDateTime, utcInput, type Action, type Field, type FormState } from './forms.js';
import { supportDetail } from '../../changes/support.js';
import { sendWebhookAgain } from '../../changes/webhook-support.js';
import { detailBody } from './request-view.js';
import { supportOnly } from './views.js';

type Params = { id: string };
type Body = { reason?: unknown; expiresAt?: unknown; zone?: unknown };
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** The refusals a person can act on, in words; any other goes to the error page. */
function refusal(t: SupportCopy, problem: Problem): { field: Field; message: string } | null {
  if (![409, 422, 429].includes(problem.status)) return null;
  const { code } = problem;
  const message =
    code in t.errors
      ? t.errors[code as keyof SupportCopy['errors']]
      : problem.status === 429
        ? t.errors.tooSoon
        : problem.status === 409
          ? t.errors.notPending
          : t.errors.invalid;
  const field = problem.extra.field === 'reason' || problem.extra.field === 'expiresAt' ? problem.extra.field : 'form';
  return { field, message };
}

/** Runs one action; a refusal comes back as the form's state, to show next to its field with what was typed. */
async function act(
  app: FastifyInstance,
  request: FastifyRequest<{ Params: Params; Body: Body }>,
  action: Action,
): Promise<FormState | null> {
  const t = SUPPORT[pageLanguage(request)];
  const viewer = request.viewer!;
  const { id } = request.params;
  const reason = str(request.body?.reason);
  const typed = str(request.body?.expiresAt);
  const expiresAt = action === 'extend' ? parseDateTime(typed, str(request.body?.zone)) : null;
  const state: FormState = {
    action,
    status: 422,
    errors: {},
    reason,
    expiresAt: expiresAt ? utcInput(expiresAt) : typed,
  };
  if (!reason.trim()) state.errors.reason = t.errors.reasonRequired;
  if (action === 'extend' && !expiresAt) state.errors.expiresAt = t.errors.invalidDate;
  if (Object.keys(state.errors).length) return state;
  try {
    if (action === 'resend') await supportResend(app.ctx, viewer, id, reason);
    else if (action === 'cancel') await supportCancel(app.ctx, viewer, id, reason);
    else if (action === 'applied') await supportApplied(app.ctx, viewer, id, reason);
    else if (action === 'failed') await supportFailed(app.ctx, viewer, id, reason);
    else await extendChange(app.ctx, viewer, id, expiresAt!, reason);
    return null;
  } catch (err) {
    const refused = err instanceof Problem ? refusal(t, err) : null;
    if (!refused) throw err;
    state.errors[refused.field] = refused.message;
    state.status = (err as Problem).status;
    return state;
  }
}

async function show(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  state: FormState | null,
) {
  const lang = pageLanguage(request);
  const detail = await supportDetail(app.ctx, request.viewer!, id);
  return renderPage(app, request, reply, {
    title: SUPPORT[lang].request.title(detail.view.change.id),
    section: 'support',
    status: state?.status ?? 200,
    styles: ['/assets/support.css'],
    scripts: ['/assets/support.js'],
    body: detailBody({ app, request, lang, detail, state }),
    flash: {
      area: 'support',
      words: {
        ...Object.fromEntries(ACTIONS.map((a) => [a, SUPPORT[lang].actions[a].done])),
        webhookAgain: SUPPORT[lang].webhooks.done,
      },
    },
  });
}

/** One request for support staff: what happened, every email's fate, and the actions, each with a reason. */
export default async function supportRequestPage(app: FastifyInstance) {
  const onRequest = [app.requireViewer, supportOnly];

  app.get<{ Params: Params }>('/support/requests/:id', { schema: { hide: true }, onRequest }, async (request, reply) =>
    show(app, request, reply, request.params.id, null),
  );

  for (const action of ACTIONS) {
    app.post<{ Params: Params; Body: Body }>(
      `/support/requests/:id/${action}`,
      {
        schema: { hide: true },
        onRequest,
        preHandler: app.verifyCsrf,
      },
      async (request, reply) => {
        const back = `/support/requests/${encodeURIComponent(request.params.id)}`;
        // Nothing typed (a blank reason; extend has its date): nothing to keep, so said once on the request's page.
        if (action !== 'extend' && !str(request.body?.reason).trim()) {
          setRefusal(reply, 'reasonRequired');
          return reply.redirect(back, 303);
        }
        const state = await act(app, request, action);
        if (state) return show(app, request, reply, request.params.id, state);
        setFlash(reply, 'support', action);
        return reply.redirect(back, 303);
      },
    );
  }

  app.post<{ Params: Params & { deliveryId: string } }>(
    '/support/requests/:id/webhooks/:deliveryId/send-again',
    { schema: { hide: true }, onRequest, preHandler: app.verifyCsrf },
    async (request, reply) => {
      const { id, deliveryId } = request.params;
      await sendWebhookAgain(app.ctx, request.viewer!, id, Number(deliveryId));
      setFlash(reply, 'support', 'webhookAgain');
      return reply.redirect(`/support/requests/${encodeURIComponent(id)}`, 303);
    },
  );
}
