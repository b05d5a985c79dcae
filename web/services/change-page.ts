import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changeableService, changeOptions, checkChange, createChange, resolveTarget } from '../../changes/requests.js';
import { Problem } from '../../core/problems.js';
import { changeForm, changePreview } from './change-form.js';
import {
  fieldErrors,
  fieldOf,
  problemMessage,
  readInput,
  requireInput,
  type ChangeInput,
  type FieldErrors,
} from './change-input.js';
import { who } from '../shared/names.js';
import { SERVICES } from './copy/index.js';
import { setFlash } from '../shared/flash.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';

/** How many handles one signed-in account may check as it types, per minute, whatever its address. */
export const HANDLE_CHECKS_PER_MINUTE = 30;

const serviceId = (request: FastifyRequest) => (request.params as { id: string }).id;

/** Refusals are told in the form, with what was typed; a service the viewer may not see is the not-found page. */
const fixable = (err: unknown): err is Problem => err instanceof Problem && err.status !== 404;

/** Shown again after a refusal, with the roles' current state: one may have become busy meanwhile. */
async function showForm(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  input: ChangeInput,
  status = 200,
  errors?: FieldErrors,
) {
  const lang = pageLanguage(request);
  const t = SERVICES[lang];
  const viewer = request.viewer!;
  const ctx = await changeOptions(app.ctx, viewer, serviceId(request));
  const title = errors ? `${t.errorLabel} ${t.change.title}` : t.change.title;
  return renderPage(app, request, reply, {
    title,
    status,
    section: 'services',
    body: changeForm(app, request, lang, { ctx, input, errors }),
    scripts: ['/assets/change.js'],
    styles: ['/assets/services.css'],
  });
}

async function refused(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  input: ChangeInput,
  err: unknown,
) {
  if (!fixable(err)) throw err;
  return showForm(app, request, reply, input, err.status, fieldErrors(err, input, pageLanguage(request)));
}

export default async function changePage(app: FastifyInstance) {
  const route = { onRequest: app.requireViewer, schema: { hide: true } };
  const post = { ...route, preHandler: app.verifyCsrf };

  app.get('/services/:id/change', route, async (request, reply) =>
    showForm(app, request, reply, readInput(request.query)),
  );

  // The check names the account behind a handle: a few a minute per person, enough to type one, too few to list them.
  const checkLimit = {
    rateLimit: {
      max: HANDLE_CHECKS_PER_MINUTE,
      timeWindow: 60_000,
      hook: 'preHandler' as const,
      keyGenerator: (request: FastifyRequest) => `account:${request.viewer?.id ?? request.ip}`,
    },
  };
  app.get('/services/:id/change/check', { ...route, config: checkLimit }, async (request, reply) => {
    const lang = pageLanguage(request);
    const input = readInput(request.query);
    reply.header('cache-control', 'no-store');
    try {
      requireInput(input, false);
      const service = await changeableService(app.ctx, request.viewer!, serviceId(request), input.roles);
      const { to } = await resolveTarget(app.ctx, service, input.roles, input.to);
      return { ok: true, message: SERVICES[lang].change.found(who(to)) };
    } catch (err) {
      if (!(err instanceof Problem) || err.status >= 500) throw err;
      // The answer to a question about the input is 200; only a service the viewer may not see is 404.
      return reply
        .code(err.status === 404 ? 404 : 200)
        .send({ ok: false, field: fieldOf(err), message: problemMessage(err, input, lang) });
    }
  });

  // A GET, so that Back from the preview finds the form as it was typed, and a reload asks nothing. It names the
  // account behind the handle as the check does, and is limited likewise.
  app.get('/services/:id/change/preview', { ...route, config: checkLimit }, async (request, reply) => {
    const lang = pageLanguage(request);
    const input = readInput(request.query);
    try {
      requireInput(input);
      const { from, to } = await checkChange(app.ctx, request.viewer!, serviceId(request), input);
      const ctx = await changeOptions(app.ctx, request.viewer!, serviceId(request));
      const expiresAt = new Date(Date.now() + app.ctx.config.changeRequestTtlMs);
      return renderPage(app, request, reply, {
        title: SERVICES[lang].preview.title,
        section: 'services',
        styles: ['/assets/services.css'],
        body: changePreview(app, request, lang, { ctx, input, from, to, expiresAt }),
      });
    } catch (err) {
      return refused(app, request, reply, input, err);
    }
  });

  // The form's former address, where a page opened before it moved still sends it.
  app.post('/services/:id/change', route, async (request, reply) => {
    const { roles, to } = readInput(request.body);
    const query = new URLSearchParams([['lang', pageLanguage(request)], ...roles.map((r) => ['roles', r]), ['to', to]]);
    return reply.redirect(`/services/${encodeURIComponent(serviceId(request))}/change/preview?${query}`, 303);
  });

  app.post('/services/:id/change/confirm', post, async (request, reply) => {
    const input = readInput(request.body);
    try {
      requireInput(input);
      const view = await createChange(app.ctx, request.viewer!, serviceId(request), input);
      setFlash(reply, 'requests', 'sent');
      return reply.redirect(`/requests/${view.change.id}`, 303);
    } catch (err) {
      return refused(app, request, reply, input, err);
    }
  });
}
