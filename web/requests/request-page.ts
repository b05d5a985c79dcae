import type { FastifyInstance } from 'fastify';
import { visibleChange } from '../../changes/requests.js';
import { renderDetail } from './detail.js';
import { html } from '../shared/html.js';
import { ctxOf } from './parts.js';
import requestActions from './actions.js';

/** One request, for those who may see it (others get the not-found page), and its resend and cancel forms. */
export default async function requestPage(app: FastifyInstance) {
  await app.register(requestActions);

  app.get('/requests/:id', { schema: { hide: true }, onRequest: app.requireViewer }, async (request, reply) => {
    const ctx = ctxOf(app, request);
    const view = await visibleChange(app.ctx, ctx.viewer, (request.params as { id: string }).id);
    return renderDetail(ctx, reply, view, html``);
  });
}
