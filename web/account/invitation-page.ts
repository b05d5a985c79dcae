import type { FastifyInstance } from 'fastify';
import { acceptInvitation, invitationFor } from '../../accounts/invitations.js';
import { PROFILE } from '../profile/copy/index.js';
import { linkPasswordRoutes } from '../password/link-form.js';

/**
 * The page an invitation email links to: the invitee chooses a password and is signed in. Public: the invitee has
 * no password yet; the link works once.
 */
export default async function invitationPage(app: FastifyInstance) {
  linkPasswordRoutes(app, {
    kind: 'invitation',
    route: '/invitations/:id',
    path: (id) => `/invitations/${encodeURIComponent(id)}`,
    copy: (lang) => PROFILE[lang].invitation,
    ids: { person: 'invitee', problem: 'invitation-problem' },
    whose: (id, token) => invitationFor(app.ctx, id, token),
    complete: async (request, reply, { id, token, password }) => {
      const account = await acceptInvitation(app.ctx, id, token, password);
      // Whoever was signed in on this browser is signed out: it is now the invitee's.
      await app.startSession(request, reply, account);
      return reply.redirect('/services', 303);
    },
  });
}
