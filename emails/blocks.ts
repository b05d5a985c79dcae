/** A paragraph, a quoted text written by a person, a highlighted note, or a slot filled by the renderer. */
export type Block = string | { quote: string } | { note: string } | 'facts' | 'action';

/** The reason a person gave, quoted under its label; `none` says they gave none. */
export const why = (reason: string | undefined, label: string, none?: string): Block[] =>
  reason ? [label, { quote: reason }] : none ? [none] : [];
