/** What a request's events are called, in the feed and the webhooks: part of the public interface, never renamed. */
export const EVENT_TYPES = [
  'contact_change.created',
  'contact_change.decision',
  'contact_change.applying',
  'contact_change.done',
  'contact_change.refused',
  'contact_change.expired',
  'contact_change.aborted',
  'contact_change.error',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The event a request's ending is told by. */
export const endingEvent = (state: 'done' | 'refused' | 'expired' | 'aborted' | 'error'): EventType =>
  `contact_change.${state}`;

/** An event as the feed lists it and a webhook carries it (the feed adds the id). */
export interface EventBody {
  type: EventType;
  timestamp: string;
  data: Record<string, unknown>;
}
