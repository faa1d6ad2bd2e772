// OpenAPI paths of the privacy area (merged into lib/openapi.ts). Keys are paths under /api/v1.
// Data-subject rights (AVG art. 12–21): the student export, requests with their one-month
// deadline, retention terms and the purge (dry run first; the purge confirms a dry run).
import type { Endpoint } from './endpoint.ts'
import { errorResponse as error, uuidSchema as uuid } from './common.ts'

const idParam = [{ name: 'id', in: 'path', required: true, schema: uuid }] as const
const kinds = ['inzage', 'rectificatie', 'beperking', 'bezwaar'] as const
const categories = ['leerlingdossier', 'administratie', 'gedeelde_gegevens', 'toegangslog'] as const

const subjectRequestInput = {
  type: 'object',
  description:
    'Who requests depends on the student’s age on the day of receipt: under 16 the parents ("ouders"), from 16 the student ("leerling") (AVG art. 8, UAVG art. 5); the wrong one is refused with 400. The deadline is one calendar month after receipt (AVG art. 12(3); 31 Jan → 28/29 Feb).',
  required: ['studentId', 'kind', 'requestedBy', 'requesterName', 'receivedOn', 'details'],
  properties: {
    studentId: uuid,
    kind: { type: 'string', enum: kinds },
    requestedBy: { type: 'string', enum: ['ouders', 'leerling'] },
    requesterName: { type: 'string', minLength: 2, maxLength: 200 },
    receivedOn: { type: 'string', format: 'date', description: 'Not in the future' },
    details: { type: 'string', minLength: 5, maxLength: 4000 },
  },
} as const

export const privacyPaths = {
  '/students/{id}/export': {
    get: {
      summary:
        'Everything about one student (AVG art. 15): student and guardians, incidents (other pupils as "leerling A/B", free text redacted), measures with transitions and letters, Halt referrals (status, closing report), shares (partner, purpose, legal basis, fields, dates), who viewed it. Directeur of the student’s school; logged as an export.',
      parameters: [...idParam, { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'pdf'], default: 'json' } }],
      responses: {
        '200': { description: 'The export (JSON), or application/pdf with format=pdf' },
        '400': error,
        '401': error,
        '403': error,
        '404': error,
      },
    },
  },
  '/subject-requests': {
    get: {
      summary: 'AVG requests (privacyfunctionaris: the stichting’s; directeur: the own school’s), open ones first by deadline, with daysLeft and overdue',
      parameters: [{ name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'afgehandeld', 'afgewezen', 'alle'], default: 'alle' } }],
      responses: { '200': { description: '{items: SubjectRequest[]}' }, '400': error, '401': error, '403': error },
    },
    post: {
      summary: 'Register a request (inzage, rectificatie, beperking, bezwaar) for a student',
      requestBody: { required: true, content: { 'application/json': { schema: subjectRequestInput } } },
      responses: { '201': { description: '{id, dueOn}' }, '400': error, '401': error, '403': error, '404': error },
    },
  },
  '/subject-requests/{id}/close': {
    post: {
      summary: 'Close a request as afgehandeld or afgewezen with its outcome; 409 when already closed',
      parameters: idParam,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['status', 'outcome'],
              properties: { status: { type: 'string', enum: ['afgehandeld', 'afgewezen'] }, outcome: { type: 'string', minLength: 5, maxLength: 4000 } },
            },
          },
        },
      },
      responses: { '200': { description: '{ok, id}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
    },
  },
  '/retention': {
    get: {
      summary: 'Retention terms per category in months (defaults: leerlingdossier 24 after leaving, administratie 60, gedeelde_gegevens 12 after a share ended, toegangslog 60), with isDefault. Privacyfunctionaris.',
      responses: { '200': { description: '{items: RetentionSetting[]}' }, '401': error, '403': error },
    },
    put: {
      summary: 'Set one category’s term (privacyfunctionaris)',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'object', required: ['category', 'months'], properties: { category: { type: 'string', enum: categories }, months: { type: 'integer', minimum: 1, maximum: 1200 } } },
          },
        },
      },
      responses: { '200': { description: '{items: RetentionSetting[]}' }, '400': error, '401': error, '403': error },
    },
  },
  '/purge': {
    post: {
      summary:
        'dryRun=true (default): report what is due ({asOf} optional), ids and counts only. dryRun=false: the purge, confirming a dry run ({dryRunId}); deletes or anonymises exactly what it reported, skipping students under a legal hold; 409 when anything changed since. Every run is stored. The access log is not purged (append-only, hash-chained): rows past retention are reported. Privacyfunctionaris.',
      parameters: [{ name: 'dryRun', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'], default: 'true' } }],
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: { type: 'object', properties: { asOf: { type: 'string', format: 'date' }, dryRunId: uuid } },
          },
        },
      },
      responses: { '200': { description: 'Dry run: {runId, report, summary}' }, '201': { description: 'Purge: {runId, report, summary}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
    },
  },
} as const

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const privacyEndpoints: Endpoint[] = []
