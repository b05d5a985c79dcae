import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PENDING_STATES, ROLES, STATES, type Role } from '../domain/contact-change.js';
import { newId } from '../domain/ids.js';
import { holderOf, isInvolved, mayRequestChange } from '../domain/permissions.js';
import { loadChangeView, loadChangeViews, loadTimeline } from '../db/queries.js';
import { accounts, changeEvents, contactChanges, notes, pendingRoles, services, type Account } from '../db/schema.js';
import { cancelUpdate, resendUpdate } from '../workflows/messages.js';
import { Problem, problemSchema } from './problems.js';
import { changeSchema, presentChange } from './present.js';
import { actionProblem, runUpdate, startChangeWorkflow } from './workflow-calls.js';

const idParams = z.object({ id: z.string().min(1).max(64) });
const createBody = z.object({
  roles: z.array(z.enum(ROLES)).min(1).max(3)
    .refine((roles) => new Set(roles).size === roles.length, 'each role may be named once'),
  to: z.string().trim().min(1).max(64).describe('handle of the account that takes the roles'),
});
const listQuery = z.object({
  direction: z.enum(['sent', 'received', 'all']).default('all'),
  state: z.string().optional().describe('one state or several, comma-separated')
    .refine((s) => !s || s.split(',').every((x) => (STATES as readonly string[]).includes(x)), `states are ${STATES.join(', ')}`),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const reasonBody = z.object({ reason: z.string().trim().max(1000).optional() }).default({});
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema, 429: problemSchema };

interface Cursor { t: string; id: string }
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString()) as Cursor;
    if (typeof c.t === 'string' && typeof c.id === 'string' && !Number.isNaN(Date.parse(c.t))) return c;
  } catch { /* answered below */ }
  throw new Problem(400, 'Invalid request', 'query.cursor: this cursor is not one this API gave out');
}

/** Who may see a request: its parties, its asker, the service's holder and admin, and support. */
function maySee(account: Account, view: NonNullable<Awaited<ReturnType<typeof loadChangeView>>>): boolean {
  const { change, service } = view;
  return account.role === 'support' || [change.askedById, change.fromId, change.toId, service.holderId, service.adminId].includes(account.id);
}

export default fp(async (appRoot: FastifyInstance) => {
  const app = appRoot.withTypeProvider<ZodTypeProvider>();

  async function visibleChange(account: Account, id: string) {
    const view = await loadChangeView(app.db, id);
    if (!view || !maySee(account, view)) throw new Problem(404, 'Not found', `There is no contact change ${id} that you may see.`);
    return view;
  }

  async function resolveTarget(service: typeof services.$inferSelect, roles: Role[], handle: string) {
    const fromIds = [...new Set(roles.map((role) => holderOf(service, role)))];
    if (fromIds.length > 1) {
      throw new Problem(422, 'Roles held by different contacts', 'These roles are held by different contacts; ask for each contact\'s roles separately.', { field: 'roles' });
    }
    const [to] = await app.db.select().from(accounts).where(eq(accounts.handle, handle.toLowerCase()));
    if (!to) throw new Problem(422, 'Unknown contact', `There is no account with the handle ${handle}.`, { field: 'to' });
    if (!to.active) throw new Problem(422, 'Inactive contact', `The account ${to.handle} is deactivated and cannot take a role.`, { field: 'to' });
    if (to.id === fromIds[0]) throw new Problem(422, 'Same contact', `${to.handle} already holds ${roles.join(', ')}; choose another contact.`, { field: 'to' });
    return { fromId: fromIds[0]!, to };
  }

  app.post('/api/v1/services/:id/contact-changes', {
    onRequest: app.requireAccount,
    schema: {
      tags: ['contact changes'], summary: 'Ask to move one or more contact roles of a service to another account',
      params: idParams, body: createBody, response: { 201: changeSchema, ...errors },
    },
  }, async (request, reply) => {
    const me = request.account!;
    const [service] = await app.db.select().from(services).where(eq(services.id, request.params.id));
    if (!service || !(isInvolved(service, me.id) || me.role === 'support')) {
      throw new Problem(404, 'Not found', `There is no service ${request.params.id} among yours.`);
    }
    const roles = request.body.roles;
    if (!mayRequestChange(service, me.id, roles)) {
      throw new Problem(403, 'Forbidden', 'Only the holder or the admin contact may change these roles; a technical or billing contact may only hand over its own role.');
    }
    const { fromId, to } = await resolveTarget(service, roles, request.body.to);
    const createdAt = new Date();
    const change = {
      id: newId(), serviceId: service.id, roles, fromId, toId: to.id, askedById: me.id, state: 'todo',
      createdAt, updatedAt: createdAt, expiresAt: new Date(createdAt.getTime() + app.config.changeRequestTtlMs),
    };
    await app.db.transaction(async (tx) => {
      await tx.insert(contactChanges).values(change);
      const taken = await tx.insert(pendingRoles).values(roles.map((role) => ({ serviceId: service.id, role, changeId: change.id })))
        .onConflictDoNothing().returning();
      if (taken.length < roles.length) {
        const busy = roles.filter((r) => !taken.some((t) => t.role === r));
        throw new Problem(409, 'Change already pending', `A pending request already moves the ${busy.join(', ')} role of ${service.name}; wait for it to end or cancel it.`);
      }
      await tx.insert(changeEvents).values({ changeId: change.id, type: 'created', accountId: me.id, detail: { roles, to: to.handle } });
    });
    try {
      await startChangeWorkflow(app.temporal, app.config, change);
    } catch (err) {
      await app.db.transaction(async (tx) => {
        await tx.delete(pendingRoles).where(eq(pendingRoles.changeId, change.id));
        await tx.delete(changeEvents).where(eq(changeEvents.changeId, change.id));
        await tx.delete(contactChanges).where(eq(contactChanges.id, change.id));
      });
      request.log.error({ err, changeId: change.id }, 'could not start the contact change workflow');
      throw new Problem(503, 'Unavailable', 'The request could not be started; nothing was changed. Try again in a moment.');
    }
    const view = await loadChangeView(app.db, change.id);
    return reply.code(201).header('location', `/api/v1/contact-changes/${change.id}`).send(presentChange(view!));
  });

  app.get('/api/v1/contact-changes', {
    onRequest: app.requireAccount,
    schema: {
      tags: ['contact changes'], summary: 'My requests: sent by me, or received as the outgoing or incoming contact',
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(changeSchema), nextCursor: z.string().nullable() }), ...errors },
    },
  }, async (request) => {
    const me = request.account!.id;
    const { direction, state, cursor, limit } = request.query;
    const sent = eq(contactChanges.askedById, me);
    const received = or(eq(contactChanges.fromId, me), eq(contactChanges.toId, me))!;
    const filters: SQL[] = [direction === 'sent' ? sent : direction === 'received' ? received : or(sent, received)!];
    if (state) filters.push(inArray(contactChanges.state, state.split(',')));
    if (cursor) {
      const c = decodeCursor(cursor);
      const t = new Date(c.t);
      filters.push(or(lt(contactChanges.createdAt, t), and(eq(contactChanges.createdAt, t), lt(contactChanges.id, c.id)))!);
    }
    const rows = await app.db.select({ id: contactChanges.id, createdAt: contactChanges.createdAt }).from(contactChanges)
      .where(and(...filters)).orderBy(desc(contactChanges.createdAt), desc(contactChanges.id)).limit(limit + 1);
    const page = rows.slice(0, limit);
    const views = await loadChangeViews(app.db, page.map((r) => r.id));
    const last = page.at(-1);
    return {
      items: views.map((v) => presentChange(v)),
      nextCursor: rows.length > limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
    };
  });

  app.get('/api/v1/contact-changes/:id', {
    onRequest: app.requireAccount,
    schema: {
      tags: ['contact changes'], summary: 'One request: each party\'s decision, the expiry and the timeline',
      params: idParams, response: { 200: changeSchema, ...errors },
    },
  }, async (request) => {
    const view = await visibleChange(request.account!, request.params.id);
    return presentChange(view, await loadTimeline(app.db, view.change.id));
  });

  /** Resend and cancel are for the asker and support staff. */
  async function askerOrSupport(account: Account, id: string) {
    const view = await visibleChange(account, id);
    if (account.role !== 'support' && view.change.askedById !== account.id) {
      throw new Problem(403, 'Forbidden', 'Only the person who asked for this change, or support staff, may do this.');
    }
    if (!PENDING_STATES.includes(view.change.state as never)) {
      throw new Problem(409, 'Not possible now', `This request is already ${view.change.state}.`);
    }
    return view;
  }

  app.post('/api/v1/contact-changes/:id/resend-email', {
    onRequest: app.requireAccount,
    config: { rateLimit: {} },
    schema: {
      tags: ['contact changes'], summary: 'Send new tokens to the contacts who have not decided; older tokens stop working',
      params: idParams, response: { 200: changeSchema, ...errors },
    },
  }, async (request) => {
    const view = await askerOrSupport(request.account!, request.params.id);
    await runUpdate(app.temporal, view.change.id, resendUpdate, { by: request.account!.id }).catch((err) => {
      throw actionProblem(err) ?? err;
    });
    return presentChange((await loadChangeView(app.db, view.change.id))!);
  });

  app.post('/api/v1/contact-changes/:id/cancel', {
    onRequest: app.requireAccount,
    schema: {
      tags: ['contact changes'], summary: 'Cancel a pending request (state aborted)',
      params: idParams, body: reasonBody, response: { 200: changeSchema, ...errors },
    },
  }, async (request) => {
    const me = request.account!;
    const view = await askerOrSupport(me, request.params.id);
    const noteId = request.body.reason ? newId() : undefined;
    if (noteId) await app.db.insert(notes).values({ id: noteId, changeId: view.change.id, accountId: me.id, text: request.body.reason! });
    await runUpdate(app.temporal, view.change.id, cancelUpdate, { by: me.id, noteId }).catch(async (err) => {
      if (noteId) await app.db.delete(notes).where(eq(notes.id, noteId));
      throw actionProblem(err) ?? err;
    });
    return presentChange((await loadChangeView(app.db, view.change.id))!);
  });
}, { name: 'contact-changes', dependencies: ['auth'] });
