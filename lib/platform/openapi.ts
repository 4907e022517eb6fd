import { z } from 'zod';
import { agencyIds, exchangeResults } from '../../db/schema';
import { platformErrors } from './errors';
import { exchangeRequestSchema } from './gateway';

// The OpenAPI 3.1 description of the platform's API (docs/API.md), served at /api/plateforme/v1/openapi.json.
// Request bodies come from the zod schemas the routes use, so the document cannot drift from the code.

const fromZod = (schema: z.ZodType) => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema) as Record<string, unknown>;
  return json;
};

const errorRef = { $ref: '#/components/schemas/Erreur' };
const errorResponse = (...codes: (keyof typeof platformErrors)[]) => ({
  description: codes.map((c) => `\`${c}\` : ${platformErrors[c].message}`).join(' · '),
  content: { 'application/json': { schema: errorRef } },
});
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const seanceParam = { name: 'seance', in: 'query', required: false, description: 'Pour l’enseignant : la séance (par défaut, sa dernière).', schema: { type: 'string' } };
const callers = [{ jetonOrganisme: [] }, { sessionNavigateur: [] }];
const seancePath = { name: 'seance', in: 'path', required: true, schema: { type: 'string' } };

export function openApiDocument(baseUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'e-Guichet — API de l’État plateforme (simulation)',
      version: '1.0.0',
      description: 'Simulation pédagogique : toutes les données sont fictives. Les erreurs ont la forme { erreur, message } avec un code stable.',
    },
    servers: [{ url: baseUrl }],
    components: {
      securitySchemes: {
        jetonOrganisme: { type: 'http', scheme: 'bearer', description: 'Le jeton d’un organisme dans une séance (egt_<organisme>_…).' },
        sessionNavigateur: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'La session d’une personne connectée (citoyen, agent, enseignant).' },
        appareilEleve: { type: 'apiKey', in: 'cookie', name: 'eguichet_appareil', description: 'L’appareil d’un·e élève qui a rejoint une séance (seule son empreinte est gardée).' },
      },
      schemas: {
        Recu: {
          type: 'object',
          description: 'Le reçu de l’échange journalisé : son contenu, sa feuille dans l’arbre de Merkle (RFC 9162), la preuve d’inclusion et le point de contrôle signé juste après lui.',
          required: ['seance', 'entree', 'index', 'contenu', 'empreinte_feuille', 'preuve_inclusion', 'point_de_controle'],
          properties: {
            seance: { type: 'string' },
            entree: { type: 'string' },
            index: { type: 'integer', minimum: 0 },
            contenu: { type: 'object', description: 'Les champs hachés de l’entrée (JSON canonique RFC 8785).' },
            empreinte_feuille: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            preuve_inclusion: { type: 'array', items: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
            point_de_controle: { type: 'string', description: 'Note signée C2SP : origine, taille, racine, horodatage, signature ES256.' },
          },
        },
        Erreur: {
          type: 'object',
          required: ['erreur', 'message'],
          properties: {
            erreur: { type: 'string', enum: Object.keys(platformErrors) },
            message: { type: 'string' },
            details: { type: 'array', items: { type: 'object', properties: { champ: { type: 'string' }, message: { type: 'string' } } } },
            echange: { type: 'string', description: 'L’entrée du journal de cet appel refusé.' },
            recu: { $ref: '#/components/schemas/Recu' },
          },
        },
        DemandeEchange: fromZod(exchangeRequestSchema),
        EntreeJournal: {
          type: 'object',
          required: ['id', 'sequence', 'horodatage', 'consommateur', 'fournisseur', 'donnees', 'finalite', 'resultat', 'empreinte', 'empreinte_precedente'],
          properties: {
            id: { type: 'string' },
            sequence: { type: 'integer' },
            horodatage: { type: 'string', format: 'date-time' },
            consommateur: { type: 'string', enum: [...agencyIds] },
            fournisseur: { type: 'string', enum: [...agencyIds] },
            donnees: { type: 'array', items: { type: 'string' } },
            finalite: { type: 'string' },
            base_legale: { type: ['string', 'null'], enum: ['consentement', 'mission_de_service_public', null] },
            resultat: { type: 'string', enum: [...exchangeResults] },
            motif: { type: ['string', 'null'] },
            usager: { type: ['string', 'null'] },
            dossier: { type: ['string', 'null'] },
            empreinte: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            empreinte_precedente: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          },
        },
        Consentement: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            consommateur: { type: 'string' },
            fournisseur: { type: 'string' },
            donnees: { type: 'array', items: { type: 'string' } },
            finalite: { type: 'string' },
            donne_le: { type: 'string', format: 'date-time' },
            expire_le: { type: 'string', format: 'date-time' },
            retire_le: { type: ['string', 'null'], format: 'date-time' },
            statut: { type: 'string', enum: ['actif', 'expire', 'retire'] },
            texte_affiche: { type: 'string' },
            version_texte: { type: 'string' },
          },
        },
      },
    },
    paths: {
      '/api/sante': {
        get: {
          summary: 'État du service',
          responses: { '200': json({ type: 'object', properties: { statut: { const: 'ok' }, base: { type: 'string' }, version: { type: 'string' } } }, 'Le service répond.'), '503': { description: 'La base de données ne répond pas (statut « degrade »).' } },
        },
      },
      '/api/plateforme/v1/catalogue': {
        get: { summary: 'Organismes, données et habilitations (public)', responses: { '200': json({ type: 'object' }, 'Le catalogue.') } },
      },
      '/api/plateforme/v1/openapi.json': {
        get: { summary: 'Ce document', responses: { '200': json({ type: 'object' }, 'La description OpenAPI.') } },
      },
      '/api/plateforme/v1/echanges': {
        post: {
          summary: 'Un organisme demande des données d’un autre organisme',
          security: [{ jetonOrganisme: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DemandeEchange' } } } },
          responses: {
            '200': json({ type: 'object', required: ['echange', 'donnees', 'recu'], properties: { echange: { type: 'string' }, donnees: { type: 'object', description: 'Seulement les données demandées.' }, recu: { $ref: '#/components/schemas/Recu' } } }, 'Données transmises, avec le reçu de l’échange.'),
            '401': errorResponse('jeton_invalide'),
            '403': errorResponse('habilitation_absente', 'consentement_absent'),
            '404': errorResponse('usager_inconnu'),
            '413': errorResponse('requete_trop_grande'), '415': errorResponse('type_non_supporte'),
            '422': errorResponse('requete_invalide'),
            '503': errorResponse('organisme_indisponible', 'base_occupee'),
            '504': errorResponse('delai_depasse'),
          },
        },
      },
      '/api/plateforme/v1/echanges/{id}': {
        get: {
          summary: 'Un échange tel que journalisé, avec sa trace (mode expert)',
          security: callers,
          parameters: [idParam, seanceParam],
          responses: { '200': json({ $ref: '#/components/schemas/EntreeJournal' }, 'L’échange.'), '401': errorResponse('non_authentifie', 'jeton_invalide'), '404': errorResponse('introuvable') },
        },
      },
      '/api/plateforme/v1/consentements': {
        get: {
          summary: 'Les accords de la personne connectée',
          security: [{ sessionNavigateur: [] }],
          responses: { '200': json({ type: 'object', properties: { consentements: { type: 'array', items: { $ref: '#/components/schemas/Consentement' } } } }, 'Accords en cours et passés.'), '401': errorResponse('non_authentifie'), '403': errorResponse('acces_refuse') },
        },
        post: {
          summary: 'Donner un accord',
          security: [{ sessionNavigateur: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['consommateur', 'fournisseur', 'donnees', 'finalite', 'duree_jours'],
                  properties: { consommateur: { type: 'string' }, fournisseur: { type: 'string' }, donnees: { type: 'array', items: { type: 'string' } }, finalite: { type: 'string' }, duree_jours: { type: 'integer', minimum: 1, maximum: 365 } },
                },
              },
            },
          },
          responses: { '201': json({ $ref: '#/components/schemas/Consentement' }, 'Accord enregistré.'), '401': errorResponse('non_authentifie'), '403': errorResponse('acces_refuse', 'origine_refusee'), '413': errorResponse('requete_trop_grande'), '415': errorResponse('type_non_supporte'), '422': errorResponse('requete_invalide') },
        },
      },
      '/api/plateforme/v1/consentements/{id}': {
        delete: {
          summary: 'Retirer un accord',
          security: [{ sessionNavigateur: [] }],
          parameters: [idParam],
          responses: { '200': json({ $ref: '#/components/schemas/Consentement' }, 'Accord retiré.'), '401': errorResponse('non_authentifie'), '403': errorResponse('acces_refuse', 'origine_refusee'), '404': errorResponse('introuvable') },
        },
      },
      '/api/plateforme/v1/journal': {
        get: {
          summary: 'Les entrées du journal que l’appelant peut voir',
          security: callers,
          parameters: [
            seanceParam,
            { name: 'apres', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } },
            { name: 'limite', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500 } },
          ],
          responses: { '200': json({ type: 'object', properties: { entrees: { type: 'array', items: { $ref: '#/components/schemas/EntreeJournal' } } } }, 'Les entrées, de la plus ancienne à la plus récente.'), '401': errorResponse('non_authentifie', 'jeton_invalide') },
        },
      },
      '/api/mises-a-jour/flux': {
        get: {
          summary: 'Ce que montrent les pages de la personne connectée (citoyen·ne, agent, aidant·e) a changé : la page se met à jour seule (server-sent events)',
          security: [{ sessionNavigateur: [] }],
          responses: {
            '200': { description: 'Un flux `text/event-stream` : un évènement `mise-a-jour` (une empreinte opaque) à chaque changement de ses demandes, de sa file ou de ses mandats.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            '401': errorResponse('non_authentifie'),
          },
        },
      },
      '/api/notifications/flux': {
        get: {
          summary: 'Les notifications de la personne connectée, poussées en direct (server-sent events)',
          security: [{ sessionNavigateur: [] }],
          responses: {
            '200': { description: 'Un flux `text/event-stream` : un évènement `notifications` { unread, items } à chaque changement.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            '401': errorResponse('non_authentifie'),
          },
        },
      },
      '/api/seance/flux': {
        get: {
          summary: 'La page de séance d’un·e élève : prévenue quand l’enseignant·e écrit ou change son rôle (server-sent events)',
          security: [{ appareilEleve: [] }],
          responses: {
            '200': { description: 'Un flux `text/event-stream` : un évènement `seance` { role, subject, messages, journal } à chaque changement.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            '401': errorResponse('non_participant'),
          },
        },
      },
      '/api/enseignant/seances/{id}/flux': {
        get: {
          summary: 'La vue en direct de l’enseignant·e : carte des échanges, dossiers, élèves, fil (server-sent events)',
          security: [{ sessionNavigateur: [] }],
          parameters: [idParam],
          responses: {
            '200': { description: 'Un flux `text/event-stream` d’évènements `live`, lu deux fois par seconde : d’abord l’état de la séance (`{"instantane": …}`), puis à chaque changement ce qui a changé seulement (`{"changements": …}` ; une liste d’éléments à identifiant y est donnée par l’ordre de leurs identifiants et les éléments nouveaux ou modifiés).', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            '401': errorResponse('non_authentifie'),
            '404': errorResponse('seance_inconnue'),
          },
        },
      },
      '/api/documents/cles': {
        get: { summary: 'La clé publique (JWKS) qui vérifie le sceau des documents', responses: { '200': json({ type: 'object', properties: { keys: { type: 'array', items: { type: 'object' } } } }, 'Le jeu de clés.') } },
      },
      '/api/documents/{id}/verification': {
        get: {
          summary: 'Un document est-il authentique, altéré ou révoqué ?',
          parameters: [idParam],
          responses: {
            '200': json(
              {
                type: 'object',
                required: ['authentique', 'type', 'emis_le', 'emetteur', 'revoque'],
                properties: { authentique: { type: 'boolean' }, type: { type: 'string' }, titre: { type: 'string' }, emis_le: { type: 'string', format: 'date-time' }, emetteur: { type: 'string' }, revoque: { type: 'boolean' }, empreinte_contenu: { type: 'string' }, raison: { type: 'string' } },
              },
              'Le résultat de la vérification.',
            ),
            '404': errorResponse('introuvable'),
          },
        },
      },
      '/api/plateforme/v1/journal/cles': {
        get: { summary: 'La clé publique (JWKS, ES256) qui vérifie les points de contrôle signés du journal', responses: { '200': json({ type: 'object', properties: { keys: { type: 'array', items: { type: 'object' } } } }, 'Le jeu de clés.') } },
      },
      '/api/plateforme/v1/journal/arbre/{seance}': {
        get: {
          summary: 'Public : le dernier point de contrôle signé du journal de la séance (note signée C2SP : origine, taille, racine RFC 9162, horodatage)',
          parameters: [seancePath],
          responses: { '200': { description: 'Le point de contrôle, en texte.', content: { 'text/plain': { schema: { type: 'string' } } } }, '404': errorResponse('introuvable') },
        },
      },
      '/api/plateforme/v1/journal/arbre/{seance}/consistance': {
        get: {
          summary: 'Public : la preuve de cohérence (RFC 9162) entre les arbres de « de » et de « a » entrées',
          parameters: [seancePath, { name: 'de', in: 'query', required: true, schema: { type: 'integer', minimum: 0 } }, { name: 'a', in: 'query', required: true, schema: { type: 'integer', minimum: 0 } }],
          responses: { '200': json({ type: 'object', required: ['de', 'a', 'preuve'], properties: { de: { type: 'integer' }, a: { type: 'integer' }, preuve: { type: 'array', items: { type: 'string' } } } }, 'La preuve, en hexadécimal.'), '422': errorResponse('requete_invalide') },
        },
      },
      '/api/plateforme/v1/journal/arbre/{seance}/inclusion': {
        get: {
          summary: 'Public : la preuve d’inclusion (RFC 9162) de la feuille « index » dans l’arbre de « taille » entrées',
          parameters: [seancePath, { name: 'index', in: 'query', required: true, schema: { type: 'integer', minimum: 0 } }, { name: 'taille', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } }],
          responses: { '200': json({ type: 'object', required: ['index', 'taille', 'empreinte_feuille', 'preuve'], properties: { index: { type: 'integer' }, taille: { type: 'integer' }, empreinte_feuille: { type: 'string' }, preuve: { type: 'array', items: { type: 'string' } } } }, 'La feuille et sa preuve, en hexadécimal.'), '422': errorResponse('requete_invalide') },
        },
      },
      '/api/plateforme/v1/journal/verification': {
        get: {
          summary: 'Recalcule la chaîne d’empreintes de la séance',
          security: callers,
          parameters: [seanceParam],
          responses: { '200': json({ type: 'object', required: ['valide', 'entrees'], properties: { valide: { type: 'boolean' }, entrees: { type: 'integer' }, tete: { type: 'string' }, point_de_controle: { type: ['string', 'null'], description: 'Le dernier point de contrôle signé (note C2SP).' }, raison: { type: 'string' }, premiere_entree_invalide: { type: 'object' } } }, 'Résultat du contrôle.'), '401': errorResponse('non_authentifie', 'jeton_invalide') },
        },
        post: {
          summary: 'Public : le journal actuel prolonge-t-il un reçu ou un point de contrôle gardé ?',
          requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [{ type: 'object', required: ['recu'], properties: { recu: { $ref: '#/components/schemas/Recu' } } }, { type: 'object', required: ['point_de_controle'], properties: { point_de_controle: { type: 'string' } } }] } } } },
          responses: { '200': json({ type: 'object', required: ['valide', 'messages'], properties: { valide: { type: 'boolean' }, messages: { type: 'array', items: { type: 'string' } } } }, 'Le verdict et ce qui a été vérifié.'), '413': errorResponse('requete_trop_grande'), '415': errorResponse('type_non_supporte'), '422': errorResponse('requete_invalide') },
        },
      },
    },
  };
}
