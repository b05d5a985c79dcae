import type { Language, Role } from '../../domain/contact-change.js';
import { roleName } from '../../emails/render.js';
import { en } from '../../emails/strings-en.js';
import { fr } from '../../emails/strings-fr.js';
import { nl } from '../../emails/strings-nl.js';
import { SERVICES } from '../services/copy/index.js';

// The emails already name each kind of service in every language; the pages say it the same way.
const KINDS = { en: en.kinds, fr: fr.kinds, nl: nl.kinds };

export const who = (person: { name: string; handle: string }) => `${person.name} (${person.handle})`;

export const kindName = (kind: string, lang: Language) => KINDS[lang][kind]?.[0] ?? kind;

/** "Technical contact", as a label on its own. */
export const roleLabel = (role: Role, lang: Language) => {
  const name = roleName(role, lang);
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** "technical contact and billing contact", inside a sentence. */
export function roleList(roles: readonly Role[], lang: Language): string {
  const names = roles.map((role) => roleName(role, lang));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} ${SERVICES[lang].and} ${names.at(-1)}` : (names[0] ?? '');
}
