import type { Words } from './index.js';

export const fr: Words = {
  roles: { admin: 'contact administrateur', tech: 'contact technique', billing: 'contact facturation' },
  kinds: {
    domain: { label: 'Nom de domaine', phrase: 'le nom de domaine' },
    hosting: { label: 'Hébergement', phrase: "l'hébergement" },
    server: { label: 'Serveur', phrase: 'le serveur' },
    vps: { label: 'VPS', phrase: 'le VPS' },
    email: { label: 'Service e-mail', phrase: 'le service e-mail' },
    service: { label: 'Service', phrase: 'le service' },
  },
  reference: 'Référence',
  cancelReasons: {
    addressChanged:
      "L'adresse e-mail de l'un des contacts a changé : les codes envoyés à l'ancienne adresse ne peuvent plus être utilisés.",
    changedByProvider:
      "L'hébergeur a modifié les contacts de ce service, ou l'a supprimé, dans ses propres systèmes : cette demande ne s'applique plus.",
  },
};
