import { nanoid } from 'nanoid';
import { ADMIN_KEY, api, type Stack } from './stack.js';

export interface BenchAccount {
  id: string;
  handle: string;
  email: string;
  token: string;
}

/** An account made through the admin API, with an API token. */
export async function account(stack: Stack, name: string): Promise<BenchAccount> {
  const handle = `${name.toLowerCase().slice(0, 6)}-${nanoid(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  const email = `${handle}@bench.example`;
  const { id } = await api<{ id: string }>(stack.baseUrl, 'POST', '/api/v1/admin/accounts', {
    token: ADMIN_KEY,
    body: { email, firstName: name, lastName: 'Bench', language: 'en', handle },
    expect: 201,
  });
  const { token } = await api<{ token: string }>(stack.baseUrl, 'POST', `/api/v1/admin/accounts/${id}/api-tokens`, {
    token: ADMIN_KEY,
    body: {},
    expect: 201,
  });
  return { id, handle, email, token };
}

/** A domain held by `holder`, who is every contact on it. */
export async function service(stack: Stack, holder: BenchAccount): Promise<string> {
  const { id } = await api<{ id: string }>(stack.baseUrl, 'POST', '/api/v1/admin/services', {
    token: ADMIN_KEY,
    expect: 201,
    body: {
      name: `${nanoid(10)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x')}.example`,
      kind: 'domain',
      ownerId: holder.id,
      contacts: { admin: holder.handle, tech: holder.handle, billing: holder.handle },
    },
  });
  return id;
}

/** The holder asks to hand the admin role of the service to `to`. */
export async function change(stack: Stack, holder: BenchAccount, serviceId: string, to: BenchAccount): Promise<string> {
  const { id } = await api<{ id: string }>(stack.baseUrl, 'POST', `/api/v1/services/${serviceId}/contact-changes`, {
    token: holder.token,
    body: { roles: ['admin'], to: to.handle },
    expect: 201,
  });
  return id;
}
