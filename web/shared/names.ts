import type { Language, Role } from '../../domain/contact-change.js';
import { formatList } from '../../i18n/format.js';
import { roleName, WORDS, type ServiceKind } from '../../i18n/words/index.js';

export const who = (person: { name: string; handle: string }) => `${person.name} (${person.handle})`;

export const kindName = (kind: string, lang: Language) => {
  const { kinds } = WORDS[lang];
  return Object.hasOwn(kinds, kind) ? kinds[kind as ServiceKind].label : kind;
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
