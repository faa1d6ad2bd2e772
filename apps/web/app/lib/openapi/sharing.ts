// OpenAPI paths of the sharing area (merged into lib/openapi.ts). Keys are paths under /api/v1.
// Purpose-bound sharing (Wpg art. 20): agreements, shares (the school's side) and shared
// records (what a recipient — police unit, Halt — sees). Approval and ending of an agreement are
// separate POST actions (…/approve, …/end) rather than a PATCH: they are steps with their own rule
// (only the bestuurder approves), not edits of fields.
import { approveAgreement, endAgreement } from '@baken/domain'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'
import { errorResponse as error, uuidSchema as uuid } from './common.ts'

/** A step on one record: its id. */
const done = z.object({ ok: z.literal(true), id: z.uuid() })

const idParam = [{ name: 'id', in: 'path', required: true, schema: uuid }] as const

const purposes = ['strafbare_feiten', 'openbare_orde', 'hulpverlening', 'toezicht_naleving', 'halt_spreekuur', 'leerplicht', 'inspectie'] as const
const fields = [
  'datum',
  'type',
  'locatie',
  'naam_dader',
  'naam_slachtoffer',
  'naam_getuige',
  'geboortedatum',
  'groep',
  'omschrijving',
  'letsel',
  'voorwerpen',
  'afhandeling',
  'maatregelen',
] as const

const agreementInput = {
  type: 'object',
  description: 'The fields Wpg art. 20(2) requires, plus validity and retention. Created as a concept; a directeur drafts for the own school only.',
  required: ['partnerId', 'title', 'publicInterest', 'partnership', 'purposes', 'dataCategories', 'conditions', 'recipients', 'legalBasis', 'validFrom', 'validUntil', 'retentionDays'],
  properties: {
    partnerId: uuid,
    schoolId: { type: ['string', 'null'], format: 'uuid', description: 'null: stichting-wide (bestuurder, privacyfunctionaris)' },
    title: { type: 'string' },
    publicInterest: { type: 'string', description: 'The compelling public interest (zwaarwegend algemeen belang)' },
    partnership: { type: 'string', description: 'The partnership and its purpose' },
    purposes: { type: 'array', items: { type: 'string', enum: purposes }, minItems: 1 },
    dataCategories: { type: 'array', items: { type: 'string', enum: fields }, minItems: 1, description: 'Which fields may be shared under it' },
    conditions: { type: 'string' },
    recipients: { type: 'string', description: 'Who at the partner receives the data' },
    legalBasis: { type: 'string' },
    validFrom: { type: 'string', format: 'date' },
    validUntil: { type: 'string', format: 'date' },
    retentionDays: { type: 'integer', minimum: 1, maximum: 3650 },
  },
} as const

const shareInput = {
  type: 'object',
  description:
    'A disclosure under an active approved agreement with the partner that covers the school, the purpose and every field; the expiry (end of that day, Dutch time) within the agreement’s validity and retention. Without agreementId the matching active agreement is used. Refused outside an agreement (409) or with a field or purpose outside it (400).',
  required: ['partnerId', 'purpose', 'fields', 'incidentIds', 'expiresOn'],
  properties: {
    partnerId: uuid,
    agreementId: { type: ['string', 'null'], format: 'uuid' },
    purpose: { type: 'string', enum: purposes },
    legalBasis: { type: ['string', 'null'], description: 'Default: the agreement’s legal basis' },
    fields: { type: 'array', items: { type: 'string', enum: fields }, minItems: 1, description: 'The minimised selection; the least is ["datum","type"]' },
    incidentIds: { type: 'array', items: uuid, minItems: 1 },
    studentIds: { type: 'array', items: uuid, description: 'The pupils the share is about: the only ones it names (when the name field of their role is chosen) and whose birth date, group and injury it gives. A chosen name field needs one of them in its role (else 400).' },
    expiresOn: { type: 'string', format: 'date' },
    note: { type: ['string', 'null'] },
    recipientUserIds: { type: 'array', items: uuid, description: 'Named persons at the partner; empty: all of the partner' },
  },
} as const

const payload = {
  type: 'object',
  description: 'Only the share’s fields, keyed by field: datum (ISO), type (labels), locatie, naam_dader/naam_slachtoffer/naam_getuige (the pupils of that role: the share’s students by name, every other pupil as "leerling A", "leerling B", … — one label per pupil throughout the share), geboortedatum/groep/letsel ([{rol, naam|null, value}], the share’s students only), omschrijving and locatie (other pupils as their label, other pupils of the school as "een andere leerling"), voorwerpen, afhandeling, maatregelen.',
  additionalProperties: true,
} as const

export const sharingPaths = {
  '/agreements': {
    get: {
      summary: 'Sharing agreements the caller may read: the stichting’s side its own (school staff also the stichting-wide ones); a partner the approved ones it is party to',
      responses: { '200': { description: '{items: Agreement[]}' }, '401': error, '403': error },
    },
    post: {
      summary: 'Draft an agreement (privacyfunctionaris, bestuurder; directeur for the own school)',
      requestBody: { required: true, content: { 'application/json': { schema: agreementInput } } },
      responses: { '201': { description: '{id}' }, '400': error, '401': error, '403': error },
    },
  },
  '/agreements/{id}': {
    get: {
      summary: 'One agreement with all its fields and its status (geldig, concept, beëindigd); 404 for another stichting’s or, for a partner, a concept',
      parameters: idParam,
      responses: { '200': { description: 'Agreement' }, '401': error, '403': error, '404': error },
    },
  },
  '/shares': {
    get: {
      summary: 'The school’s shares (bestuurder and privacyfunctionaris: the stichting’s), newest first, with status actief/verlopen/ingetrokken',
      parameters: [
        { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['actief', 'verlopen', 'ingetrokken'] } },
        { name: 'incidentId', in: 'query', required: false, schema: uuid },
      ],
      responses: { '200': { description: '{items: Share[]}' }, '400': error, '401': error, '403': error },
    },
    post: {
      summary: 'Share incidents with a partner (directeur). The payload is taken now, with only the chosen fields; other pupils are never named. Logged.',
      requestBody: { required: true, content: { 'application/json': { schema: shareInput } } },
      responses: { '201': { description: '{id}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
    },
  },
  '/shares/{id}': {
    get: {
      summary: 'One share as disclosed: agreement, purpose, fields, recipients, students, items (payload). The look is logged.',
      parameters: idParam,
      responses: { '200': { description: 'Share' }, '401': error, '403': error, '404': error },
    },
  },
  '/shares/{id}/revoke': {
    post: {
      summary: 'Revoke a share at once with {reason} (directeur, IB, privacyfunctionaris): the recipient gets 404 from then on',
      parameters: idParam,
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } } } },
      responses: { '200': { description: '{id}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
    },
  },
  '/shared': {
    get: {
      summary: 'What a recipient (politie, halt_medewerker) sees: the active shares for its organisation addressed to it, newest first, each with purpose, agreement, school, expiry and the items’ payload (only the shared fields). Every look is logged.',
      responses: {
        '200': {
          description: '{items: SharedRecord[]}',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        id: uuid,
                        purpose: { type: 'string', enum: purposes },
                        purposeLabel: { type: 'string' },
                        agreementTitle: { type: 'string' },
                        schoolName: { type: 'string' },
                        sharedAt: { type: 'string', format: 'date-time' },
                        expiresAt: { type: 'string', format: 'date-time' },
                        fields: { type: 'array', items: { type: 'object' } },
                        items: { type: 'array', items: { type: 'object', properties: { payload } } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        '401': error,
        '403': error,
      },
    },
  },
  '/shared/{id}': {
    get: {
      summary: 'One shared record; 404 when expired, revoked, not addressed to the caller, or unknown. Logged.',
      parameters: idParam,
      responses: { '200': { description: 'SharedRecord' }, '401': error, '403': error, '404': error },
    },
  },
} as const

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const sharingEndpoints: Endpoint[] = [
  endpoint({
    method: 'post',
    path: '/agreements/{id}/approve',
    summary: 'Approve a concept agreement: only the bevoegd gezag (bestuurder); 409 when not a concept or its validity is over',
    useCase: approveAgreement,
    body: null,
    responses: { 200: { description: 'Approved', schema: done } },
    errors: [403, 404, 409],
  }),
  endpoint({
    method: 'post',
    path: '/agreements/{id}/end',
    summary: 'End an agreement (bestuurder, privacyfunctionaris): no new shares under it',
    useCase: endAgreement,
    body: null,
    responses: { 200: { description: 'Ended', schema: done } },
    errors: [403, 404, 409],
  }),
]
