import type { Language, Role } from '../../domain/contact-change.js';
import { formatList } from '../../i18n/format.js';
import { roleName, serviceKind, WORDS } from '../../i18n/words/index.js';

export const who = (person: { name: string; handle: string }) => `${person.name} (${person.handle})`;

/** "Nom de domaine" for a domain, in the page's language; a kind of the provider's own is shown as it came. */
export const kindName = (kind: string, lang: Language) => {
  const known = serviceKind(kind);
  return known ? WORDS[lang].kinds[known].label : kind;
};

/** "Technical contact", as a label on its own. */
export const roleLabel = (role: Role, lang: Language) => capitalize(roleName(role, lang));

/** "technical contact and billing contact", inside a sentence. */
export const roleList = (roles: readonly Role[], lang: Language): string =>
  formatList(
    roles.map((role) => roleName(role, lang)),
    lang,
  );

export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Reference": the label of a request's reference (its id), as the emails name it. */
export const referenceLabel = (lang: Language) => WORDS[lang].reference;
