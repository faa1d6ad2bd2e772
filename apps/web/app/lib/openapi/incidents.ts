// OpenAPI paths of the caller, pupils and incidents (merged into lib/openapi.ts). Keys are paths under /api/v1.
import type { Endpoint } from './endpoint.ts'
import { errorResponse as error, uuidSchema as uuid } from './common.ts'
import { breakGlassReasonParameter } from './access-log.ts'

export const incidentsPaths = {
  '/me': {
    get: {
      summary: 'The caller: user, active membership, organisation and role',
      responses: {
        '200': {
          description: 'The caller',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  user: { type: 'object', properties: { id: uuid, email: { type: 'string' }, name: { type: 'string' } } },
                  membership: { type: ['object', 'null'], properties: { id: uuid, role: { type: 'string' } } },
                  organisation: {
                    type: ['object', 'null'],
                    properties: { kind: { type: 'string', enum: ['school', 'stichting', 'partner', 'platform'] }, id: { type: ['string', 'null'] }, name: { type: 'string' } },
                  },
                  role: { type: ['string', 'null'] },
                },
              },
            },
          },
        },
        '401': error,
      },
    },
  },
  '/students': {
    get: {
      summary: 'Pupils of the caller’s school (school roles only)',
      parameters: [
        { name: 'groupId', in: 'query', schema: uuid },
        { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 }, description: 'Name or student number' },
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['active', 'left'], default: 'active' } },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
      ],
      responses: {
        '200': {
          description: 'A page of pupils',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  items: { type: 'array', items: { $ref: '#/components/schemas/Student' } },
                  total: { type: 'integer' },
                  page: { type: 'integer' },
                  pageSize: { type: 'integer' },
                },
              },
            },
          },
        },
        '400': error,
        '401': error,
        '403': error,
      },
    },
  },
  '/students/{id}': {
    get: {
      summary: 'One pupil',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
      responses: {
        '200': { description: 'The pupil', content: { 'application/json': { schema: { $ref: '#/components/schemas/StudentDetail' } } } },
        '401': error,
        '403': error,
        '404': error,
      },
    },
  },
  '/incidents': {
    get: {
      summary: 'Incidents the caller may read (school roles; a leerkracht: own reports and own groups)',
      parameters: [
        { name: 'schooljaar', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-\\d{4}$' }, example: '2025-2026' },
        { name: 'groupId', in: 'query', schema: uuid },
        { name: 'voorval', in: 'query', schema: { type: 'integer' }, description: 'IRIS voorval code' },
        { name: 'severity', in: 'query', schema: { type: 'string', enum: ['overig', 'ernstig', 'zeer_ernstig'] } },
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['draft', 'submitted'] } },
        { name: 'studentId', in: 'query', schema: uuid },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 25 } },
      ],
      responses: { '200': { description: 'A page of incidents' }, '400': error, '401': error, '403': error },
    },
    post: {
      summary: 'Register an incident (the Bijlage 1 note); a draft unless submit is true',
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/IncidentInput' } } } },
      responses: { '201': { description: 'Created: {id, version}' }, '400': error, '401': error, '403': error },
    },
  },
  '/incidents/{id}': {
    get: {
      summary: 'One incident with persons, IRIS labels, severity suggestion (rules and source), §6.4 guidance and version history',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }, breakGlassReasonParameter],
      responses: { '200': { description: 'The incident' }, '400': error, '401': error, '403': error, '404': error },
    },
    patch: {
      summary: 'Change fields (any subset of IncidentInput, plus expectedVersion); each change is kept as a version',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/IncidentInput' } } } },
      responses: { '200': { description: '{id, version}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
    },
  },
  '/incidents/{id}/tasks': {
    get: {
      summary: 'Follow-up tasks of an incident, and for those who plan (directeur, IB) the §4 victim-care proposals',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
      responses: { '200': { description: '{items: IncidentTask[], proposals: VictimCareProposal[]}' }, '401': error, '403': error, '404': error },
    },
    post: {
      summary: 'Plan a task: {kind (a §4 step key or "overig"), title, description?, ownerId (staff of the school), dueOn (YYYY-MM-DD)}',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
      responses: { '201': { description: '{id}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
    },
  },
  '/incidents/{id}/tasks/{taskId}': {
    patch: {
      summary: 'Complete, reassign or reschedule a task: any of {done, note, ownerId, dueOn, title, description}',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: uuid },
        { name: 'taskId', in: 'path', required: true, schema: uuid },
      ],
      responses: { '200': { description: '{id}' }, '400': error, '401': error, '403': error, '404': error },
    },
  },
  '/tasks/overdue': {
    get: {
      summary: 'Open follow-up tasks past their due date at the caller’s school',
      responses: { '200': { description: '{items: OverdueTask[], total}' }, '401': error, '403': error },
    },
  },
  '/incidents/{id}/acknowledgements': {
    get: {
      summary: 'Records that parents signed the report "voor gezien"',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
      responses: { '200': { description: '{items: Acknowledgement[]}' }, '401': error, '404': error },
    },
    post: {
      summary: 'Record "voor gezien" for a zeer ernstig incident: {studentId?, guardianName, acknowledgedOn, method: op school getekend | digitaal | per post | mondeling bevestigd, note?}',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
      responses: { '201': { description: '{id}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
    },
  },
  '/incidents/{id}/participants/{studentId}': {
    get: {
      summary: 'One pupil’s view of the incident, other pupils as "leerling A", "leerling B" (for parents and access requests)',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: uuid },
        { name: 'studentId', in: 'path', required: true, schema: uuid },
        breakGlassReasonParameter,
      ],
      responses: { '200': { description: 'The redacted incident' }, '400': error, '401': error, '403': error, '404': error },
    },
  },
  '/incidents/{id}/parent-report.pdf': {
    get: {
      summary: 'The report for the parents of one pupil of a zeer ernstig incident (PDF; other pupils as "leerling A", "leerling B")',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: uuid },
        { name: 'studentId', in: 'query', required: true, schema: uuid },
        breakGlassReasonParameter,
      ],
      responses: { '200': { description: 'application/pdf' }, '400': error, '401': error, '403': error, '404': error, '409': error },
    },
  },
  '/schools/{id}/overview': {
    get: {
      summary: 'Yearly overview of the caller’s own school (Bijlage 2) and the RI&E counts; directeur and intern_begeleider',
      description:
        'One row per pupil involved in a submitted incident of the schooljaar (1 August – 31 July, Dutch time). Any id other than the caller’s own school answers 404. format=csv: UTF-8 with BOM, ";"-separated, formula-injection safe. format=xlsx: the overview plus an RI&E sheet.',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: uuid },
        { name: 'schooljaar', in: 'query', required: true, schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{4}$' } },
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv', 'xlsx'], default: 'json' } },
      ],
      responses: { '200': { description: 'JSON {school, schooljaar, rows, analysis}, or a CSV/XLSX attachment' }, '400': error, '401': error, '403': error, '404': error },
    },
  },
  '/stichting/incident-counts': {
    get: {
      summary: 'For the bestuurder: counts of submitted incidents per school of the stichting (no content)',
      parameters: [{ name: 'schooljaar', in: 'query', required: true, schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{4}$' } }],
      responses: { '200': { description: '{schooljaar, schools:[{schoolId,name,brin,sector,total,overig,ernstig,zeerErnstig,confidential}]}' }, '400': error, '401': error, '403': error },
    },
  },
  '/students/{id}/dossier': {
    get: {
      summary: 'The pupil and one chronology of their incidents with their role in each',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }, breakGlassReasonParameter],
      responses: { '200': { description: 'The dossier' }, '400': error, '401': error, '403': error, '404': error },
    },
  },
} as const

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const incidentsEndpoints: Endpoint[] = []
