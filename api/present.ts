import { z } from 'zod';
import { PARTIES, ROLES, STATES, isFinal } from '../domain/contact-change.js';
import type { ChangeView } from '../db/queries.js';
import type { ChangeEvent } from '../db/schema.js';

const iso = z.iso.datetime();
const person = z.object({ handle: z.string(), name: z.string() });
const party = z.object({
  handle: z.string(),
  name: z.string(),
  decision: z.enum(['accepted', 'refused']).nullable(),
  decidedAt: iso.nullable(),
});

export const timelineEntrySchema = z.object({
  at: iso,
  type: z.string(),
  party: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const changeSchema = z
  .object({
    id: z.string(),
    state: z.enum(STATES),
    service: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    roles: z.array(z.enum(ROLES)),
    from: party,
    to: party,
    askedBy: person,
    awaiting: z.array(z.enum(PARTIES)),
    createdAt: iso,
    expiresAt: iso,
    endedAt: iso.nullable(),
    timeline: z.array(timelineEntrySchema).optional(),
  })
  .meta({ id: 'ContactChange' });

export type ChangeJson = z.infer<typeof changeSchema>;

const at = (d: Date | null) => (d ? d.toISOString() : null);

export function presentChange(view: ChangeView, timeline?: ChangeEvent[]): ChangeJson {
  const { change, service, from, to, askedBy } = view;
  const decisions = {
    from: { decision: change.fromDecision, decidedAt: at(change.fromDecidedAt) },
    to: { decision: change.toDecision, decidedAt: at(change.toDecidedAt) },
  };
  return {
    id: change.id,
    state: change.state as ChangeJson['state'],
    service: { id: service.id, name: service.name, kind: service.kind },
    roles: change.roles as ChangeJson['roles'],
    from: { handle: from.handle, name: from.name, ...decisions.from },
    to: { handle: to.handle, name: to.name, ...decisions.to },
    askedBy: { handle: askedBy.handle, name: askedBy.name },
    awaiting: isFinal(change.state) ? [] : PARTIES.filter((p) => decisions[p].decision === null),
    createdAt: change.createdAt.toISOString(),
    expiresAt: change.expiresAt.toISOString(),
    endedAt: at(change.endedAt),
    ...(timeline
      ? {
          timeline: timeline.map((e) => ({
            at: e.at.toISOString(),
            type: e.type,
            party: e.party,
            detail: e.detail ?? null,
          })),
        }
      : {}),
  };
}
