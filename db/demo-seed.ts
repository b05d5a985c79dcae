import { createHmac } from 'node:crypto';
import { and, count, inArray, isNull } from 'drizzle-orm';
import { newId } from '../domain/ids.js';
import { hashPassword } from '../domain/passwords.js';
import { tokenDigest as hashToken } from '../domain/api-tokens.js';
import type { Db } from './client.js';
import { accounts, apiTokens, services, type NewAccount } from './schema.js';

type Person = Omit<NewAccount, 'id'> & { keptBy?: string };

const PEOPLE: Person[] = [
  {
    handle: 'am1234-cs',
    firstName: 'Alice',
    lastName: 'Martin',
    email: 'alice@example.fr',
    language: 'fr',
    role: 'customer',
  },
  {
    handle: 'bs5678-cs',
    firstName: 'Bob',
    lastName: 'Smith',
    email: 'bob@example.com',
    language: 'en',
    role: 'customer',
  },
  {
    handle: 'cv9012-cs',
    firstName: 'Carla',
    lastName: 'de Vries',
    email: 'carla@example.nl',
    language: 'nl',
    role: 'customer',
  },
  {
    handle: 'su0001-cs',
    firstName: 'Sam',
    lastName: 'Support',
    email: 'support@countersign.localhost',
    language: 'en',
    role: 'support',
  },
  // Alice's contact book: a sub-account that may see and manage her domains, and a contact that gets copies.
  {
    handle: 'tp3456-cs',
    firstName: 'Tom',
    lastName: 'Peeters',
    email: 'tom@example.be',
    language: 'nl',
    role: 'customer',
    keptBy: 'am1234-cs',
    access: 'active',
    permissions: ['domains.view', 'domains.manage'],
    emailCategories: ['domain'],
  },
];

/** Contacts without a login: they are not printed, since they cannot sign in. */
const CONTACTS: Person[] = [
  {
    handle: 'dd7890-cs',
    firstName: 'Denise',
    lastName: 'Dupont',
    email: 'compta@example.fr',
    language: 'fr',
    role: 'customer',
    keptBy: 'am1234-cs',
    company: 'Martin SARL',
    phone: '+33612345678',
    emailCategories: ['billing', 'domain'],
  },
];

/**
 * Demo API tokens are derived from the local TOKEN_SECRET so that every `npm start` can print them again;
 * only their digest is stored, as for any token.
 */
const demoToken = (secret: string, handle: string) =>
  `cs_demo_${createHmac('sha256', secret).update(`demo-api-token\0${handle}`).digest('base64url').slice(0, 32)}`;

/** Printed at every start; local demo only. */
export const DEMO_PASSWORD = 'countersign-demo';

export interface DemoAccount {
  handle: string;
  name: string;
  role: string;
  language: string;
  token: string;
}

/** Seeds the demo on an empty database; on later starts, finds the demo accounts again. */
export async function seedDemo(db: Db, tokenSecret: string): Promise<DemoAccount[]> {
  const [{ total }] = (await db.select({ total: count() }).from(accounts)) as [{ total: number }];
  if (total === 0) {
    await db.transaction(async (tx) => {
      const ids = new Map([...PEOPLE, ...CONTACTS].map((p) => [p.handle, newId()]));
      const rows = await tx
        .insert(accounts)
        .values(
          [...PEOPLE, ...CONTACTS].map(({ keptBy, ...p }) => ({
            ...p,
            id: ids.get(p.handle)!,
            keptById: keptBy ? ids.get(keptBy)! : null,
          })),
        )
        .returning();
      await tx
        .insert(apiTokens)
        .values(
          rows
            .filter((a) => PEOPLE.some((p) => p.handle === a.handle))
            .map((a) => ({ id: newId(), accountId: a.id, tokenHash: hashToken(demoToken(tokenSecret, a.handle)) })),
        );
      const alice = rows[0]!.id;
      await tx.insert(services).values([
        {
          id: newId(),
          name: 'example.fr',
          kind: 'domain',
          holderId: alice,
          adminId: alice,
          techId: alice,
          billingId: alice,
        },
        {
          id: newId(),
          name: 'hosting-perso.example.fr',
          kind: 'hosting',
          holderId: alice,
          adminId: alice,
          techId: alice,
          billingId: alice,
        },
      ]);
    });
  }
  const handles = PEOPLE.map((p) => p.handle);
  // Demos seeded before sign-in existed get their password too.
  await db
    .update(accounts)
    .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
    .where(and(inArray(accounts.handle, handles), isNull(accounts.passwordHash)));
  const found = await db.select().from(accounts).where(inArray(accounts.handle, handles));
  return found.map((a) => ({
    handle: a.handle,
    name: a.name,
    role: a.keptById ? 'sub-account' : a.role,
    language: a.language,
    token: demoToken(tokenSecret, a.handle),
  }));
}
