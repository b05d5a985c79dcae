/** Hours an address confirmation link works. */
export const EMAIL_CHANGE_HOURS = 24;

/**
 * Why the system itself, not a person, cancels a contact change. Workflow history holds the code only; the API reads
 * the English words, and the pages and emails say it in the reader's language (i18n/words).
 */
export const CANCEL_REASONS = {
  addressChanged: "the contact's address changed",
  /** The provider changed the service's contacts, or removed the service, through the admin API. */
  changedByProvider: 'changed by the provider',
} as const;
export type CancelReason = keyof typeof CANCEL_REASONS;

export const isCancelReason = (value: unknown): value is CancelReason =>
  typeof value === 'string' && Object.hasOwn(CANCEL_REASONS, value);

/** The code of a reason the system wrote (a request's `endReason`), or null for any other text. */
export const cancelReasonOf = (text: string | null | undefined): CancelReason | null =>
  (Object.keys(CANCEL_REASONS) as CancelReason[]).find((code) => CANCEL_REASONS[code] === text) ?? null;

/** Two spellings of one mailbox: the case of an address does not make it another. */
export const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
