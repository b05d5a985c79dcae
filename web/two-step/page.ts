import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  confirmTwoStep,
  mustEnrol,
  pendingEnrolment,
  renewCodes,
  startTwoStep,
  turnOffTwoStep,
  twoStepStatus,
} from '../../accounts/two-step.js';
import { Problem } from '../../core/problems.js';
import { requesterOf } from '../../core/requester.js';
import { html, type Html } from '../shared/html.js';
import { setFlash } from '../shared/flash.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import { text } from '../profile/forms.js';
import { problemWords } from '../shared/problems/index.js';
import { TWO_STEP } from './copy/index.js';
import { codesSection, enrolSection, offSection, onSections, type FormName, type Refused, type View } from './views.js';

/**
 * Two-step sign-in for one's own account (/account/two-step): set up an authenticator app, get recovery codes, turn
 * it off. Every account may, sub-accounts included: like the password, it is one's own.
 */

const PAGE = '/account/two-step';

/** A field of the posted form, as text. */
const field = (request: FastifyRequest, name: string) => text((request.body as Record<string, unknown> | null)?.[name]);

export default async function twoStepPage(app: FastifyInstance) {
  const route = { onRequest: app.requireViewer, schema: { hide: true } };
  // Each POST checks a password or a code: rate-limited as /signin is.
  const post = { ...route, preHandler: app.verifyCsrf, config: { rateLimit: {} } };

  const render = (request: FastifyRequest, reply: FastifyReply, body: Html, status = 200) => {
    const t = TWO_STEP[pageLanguage(request)];
    return renderPage(app, request, reply, {
      title: t.title,
      status,
      body: html`<h1>${t.title}</h1>
${body}`,
      section: 'profile',
      flash: { area: 'twoStep', words: { off: t.off.disabled } },
      styles: ['/assets/profile.css', '/assets/two-step.css'],
    });
  };

  /** The page as two-step stands now, with a refused form's errors. */
  const show = async (request: FastifyRequest, reply: FastifyReply, status = 200, refused?: Refused) => {
    const v: View = { app, request, lang: pageLanguage(request), refused };
    const t = TWO_STEP[v.lang];
    const viewer = request.viewer!;
    const state = await twoStepStatus(app.ctx, viewer);
    const enrolment = state.enabled ? null : await pendingEnrolment(app.ctx, viewer);
    const body = html`${mustEnrol(app.ctx.config, viewer) ? html`<p class="notice error" role="alert" id="must-enrol">${t.mustEnrol}</p>` : ''}
${refused?.errors.form ? html`<p class="notice error" role="alert" id="two-step-problem">${refused.errors.form}</p>` : ''}
<p>${t.intro}</p>
${state.enabled ? onSections(v, state) : enrolment ? await enrolSection(v, enrolment) : offSection(v)}`;
    return render(request, reply, body, status);
  };

  /** Runs an action; a refusal about a field of the form comes back next to that field. */
  const attempt = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormName,
    action: () => Promise<FastifyReply>,
  ) => {
    try {
      return await action();
    } catch (err) {
      if (!(err instanceof Problem) || err.status >= 500) throw err;
      const lang = pageLanguage(request);
      const words = err.code === 'wrongPassword' ? TWO_STEP[lang].wrongPassword : problemWords(err, lang);
      // Next to its field; otherwise (the state changed meanwhile: on, off, a newer key) above the page as it is now.
      const at = typeof err.extra.field === 'string' ? err.extra.field : 'form';
      return show(request, reply, err.status, { form, errors: { [at]: words } });
    }
  };

  app.get(PAGE, route, async (request, reply) => show(request, reply));

  app.post(PAGE, post, async (request, reply) =>
    attempt(request, reply, 'confirm', async () => {
      await startTwoStep(app.ctx, request.viewer!);
      return reply.redirect(`${PAGE}#enrol`, 303);
    }),
  );

  app.post(`${PAGE}/confirm`, post, async (request, reply) =>
    attempt(request, reply, 'confirm', async () => {
      const codes = await confirmTwoStep(
        app.ctx,
        request.viewer!,
        field(request, 'code'),
        requesterOf(request),
        request.sessionId,
      );
      const v: View = { app, request, lang: pageLanguage(request) };
      return render(request, reply, codesSection(v, codes, 'enabled'));
    }),
  );

  app.post(`${PAGE}/recovery-codes`, post, async (request, reply) =>
    attempt(request, reply, 'renew', async () => {
      const codes = await renewCodes(app.ctx, request.viewer!, field(request, 'password'), requesterOf(request));
      return render(request, reply, codesSection({ app, request, lang: pageLanguage(request) }, codes, 'renewed'));
    }),
  );

  app.post(`${PAGE}/off`, post, async (request, reply) =>
    attempt(request, reply, 'off', async () => {
      const [password, code] = [field(request, 'password'), field(request, 'code')];
      await turnOffTwoStep(app.ctx, request.viewer!, password, code, requesterOf(request));
      setFlash(reply, 'twoStep', 'off');
      return reply.redirect(PAGE, 303);
    }),
  );
}
