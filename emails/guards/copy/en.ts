import type { GuardsEmailsCopy } from './index.js';

export const en: GuardsEmailsCopy = {
  codesLocked: {
    subject: (f) => `Contact change for ${f.name}: codes locked after too many wrong attempts`,
    body: (f) => [
      `${f.attempts} wrong codes were tried on your contact change request for ${f.name}. To protect it, its codes are now locked: neither contact can accept or refuse with them.`,
      'If you still want this change, send the emails again from the request page: both contacts get new codes and the old ones stop working. If you no longer want it, you can cancel the request there.',
    ],
    button: 'Open the request',
    note: 'Nothing was accepted with a wrong code. Support can see this request too; contact them if it happens again.',
  },
};
