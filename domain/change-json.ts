import { z } from 'zod';
import { PARTIES, ROLES, STATES, isFinal } from './contact-change.js';

/**
 * A request as the API shows it (GET /api/v1/contact-changes/{id}) and as its events carry it in `data`: one shape,
 * written once. The provider's own ids (`externalId`) are there where it gave them.
 */
const iso = z.iso.datetime();
const person = z.object({ handle: z.string(), name: z.string() });
const party = z.object({
  handle: z.string(),
  name: z.string(),
  externalId: z.string().nullable(),
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
    service: z.object({ id: z.string(), name: z.string(), kind: z.string(), externalId: z.string().nullable() }),
    roles: z.array(z.enum(ROLES)),
    from: party,
    to: party,
    askedBy: person,
    awaiting: z.array(z.enum(PARTIES)),
    createdAt: iso,
    expiresAt: iso,
    endedAt: iso.nullable(),
    endReason: z
      .string()
      .nullable()
      .describe(
        "why the system or the provider ended it (`error`, an `aborted` the system caused), in English; a person's words are on the timeline",
      ),
    timeline: z.array(timelineEntrySchema).optional(),
  })
  .meta({ id: 'ContactChange' });

export type ChangeJson = z.infer<typeof changeSchema>;

interface Named {
  handle: string;
  name: string;
  externalId?: string | null;
}

/** What the shape is made from: a request with its service and the accounts it names (db/queries.ts's view). */
export interface ChangeSource {
  change: {
    id: string;
    state: string;
    roles: string[];
    fromDecision: 'accepted' | 'refused' | null;
    fromDecidedAt: Date | null;
    toDecision: 'accepted' | 'refused' | null;
    toDecidedAt: Date | null;
    createdAt: Date;
    expiresAt: Date;
    endedAt: Date | null;
    endReason: string | null;
  };
  service: { id: string; name: string; kind: string; externalId: string | null };
  from: Named;
  to: Named;
  askedBy: Named;
}

export interface TimelineSource {
  at: Date;
  type: string;
  party: string | null;
  detail: Record<string, unknown> | null;
}

const at = (d: Date | null) => (d ? d.toISOString() : null);

export function presentChange(view: ChangeSource, timeline?: TimelineSource[]): ChangeJson {
  const { change, service, from, to, askedBy } = view;
  const decisions = {
    from: { decision: change.fromDecision, decidedAt: at(change.fromDecidedAt) },
    to: { decision: change.toDecision, decidedAt: at(change.toDecidedAt) },
  };
  return {
    id: change.id,
    state: change.state as ChangeJson['state'],
    service: { id: service.id, name: service.name, kind: service.kind, externalId: service.externalId },
    roles: change.roles as ChangeJson['roles'],
    from: { handle: from.handle, name: from.name, externalId: from.externalId ?? null, ...decisions.from },
    to: { handle: to.handle, name: to.name, externalId: to.externalId ?? null, ...decisions.to },
    askedBy: { handle: askedBy.handle, name: askedBy.name },
    awaiting: isFinal(change.state) ? [] : PARTIES.filter((p) => decisions[p].decision === null),
    createdAt: change.createdAt.toISOString(),
    expiresAt: change.expiresAt.toISOString(),
    endedAt: at(change.endedAt),
    endReason: change.endReason,
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
