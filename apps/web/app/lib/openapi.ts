// The OpenAPI 3.1 description of /api/v1. Kept beside the routes; the HTTP tests check that every
// documented path answers and that every API route is documented.
import { errorResponse as error, uuidSchema as uuid } from './openapi/common.ts'
import { accessLogPaths, breakGlassReasonParameter } from './openapi/access-log.ts'
import { haltPaths } from './openapi/halt.ts'
import { measuresExtraPaths } from './openapi/measures-extra.ts'
import { privacyPaths } from './openapi/privacy.ts'
import { reportingPaths } from './openapi/reporting.ts'
import { sharingPaths } from './openapi/sharing.ts'
const student = {
  type: 'object',
  required: ['id', 'firstName', 'lastName', 'displayName', 'dateOfBirth', 'status', 'schoolId'],
  properties: {
    id: uuid,
    externalId: { type: ['string', 'null'], description: 'Number in the student administration' },
    firstName: { type: 'string' },
    infix: { type: ['string', 'null'], description: 'tussenvoegsel' },
    lastName: { type: 'string' },
    displayName: { type: 'string' },
    dateOfBirth: { type: 'string', format: 'date' },
    status: { type: 'string', enum: ['active', 'left'] },
    groupId: { type: ['string', 'null'], format: 'uuid' },
    groupName: { type: ['string', 'null'] },
    schoolId: uuid,
  },
} as const

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Baken API',
    version: '1.0.0',
    description:
      'JSON API over the same domain functions as the Baken web pages. Authenticate with the session cookie or a personal API token (Authorization: Bearer bkn_…), which is scoped to one membership. Ids are UUIDs; an id of another tenant answers 404. Errors: {"errors":[{"path","message"}]}. A request body is JSON sent as Content-Type: application/json (another type: 415). Text may hold tab, line feed and carriage return but no other control character (400 at the field). Dates are real calendar dates (YYYY-MM-DD; 2026-02-30 is refused); date-times are RFC 3339, or YYYY-MM-DDTHH:MM without a zone as Dutch local time; booleans are true or false. Writes (POST, PUT, PATCH, DELETE) are limited per user, by default 30 in a row and 60 a minute: 429 with Retry-After.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearer: [] }, { cookie: [] }],
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (bkn_…), created at /account' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'baken_session' },
    },
    schemas: {
      Errors: {
        type: 'object',
        required: ['errors'],
        properties: {
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'message'],
              properties: { path: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
      Student: student,
      IncidentInput: {
        type: 'object',
        description: 'Every coded field takes an IRIS code (shared/reference/iris-codes.csv). Dutch error messages.',
        required: ['occurredAt', 'voorval', 'situation', 'persons'],
        properties: {
          occurredAt: { type: 'string', format: 'date-time' },
          locationCode: { type: ['integer', 'null'], description: 'IRIS locatie' },
          locationNote: { type: ['string', 'null'] },
          voorval: { type: 'array', items: { type: 'integer' }, minItems: 1, description: 'IRIS voorval (incident types)' },
          voorwerp: { type: 'array', items: { type: 'integer' }, description: 'IRIS voorwerp (objects used)' },
          afhandeling: { type: 'array', items: { type: 'integer' }, description: 'IRIS afhandeling (actions taken)' },
          situation: { type: 'string', maxLength: 10000 },
          verbalAggression: { type: 'boolean' },
          verbalForm: { type: ['string', 'null'] },
          verbalAgainst: { type: ['string', 'null'] },
          physicalAggression: { type: 'boolean' },
          physicalForm: { type: ['string', 'null'] },
          physicalAgainst: { type: ['string', 'null'] },
          vandalism: { type: 'boolean' },
          vandalismForm: { type: ['string', 'null'] },
          vandalismAgainst: { type: ['string', 'null'] },
          leftPremises: { type: 'boolean' },
          objectThrownAtPerson: { type: 'boolean' },
          motiveCode: { type: ['integer', 'null'], description: 'IRIS motief' },
          motiveNote: { type: ['string', 'null'] },
          analysis: { type: ['string', 'null'] },
          agreements: { type: ['string', 'null'] },
          parentsContacted: { type: 'boolean' },
          parentsContactedAt: { type: ['string', 'null'], format: 'date-time' },
          parentsContactedBy: { type: ['string', 'null'] },
          severity: { type: ['string', 'null'], enum: ['overig', 'ernstig', 'zeer_ernstig', null], description: 'Omitted: the suggested level' },
          severityReason: { type: ['string', 'null'], description: 'Required when lower than the suggestion' },
          confidential: { type: 'boolean', description: 'Forced true for sexual intimidation, abuse and loverboy cases' },
          policeReportKind: { type: ['string', 'null'], enum: ['melding', 'aangifte', null] },
          policeReportedOn: { type: ['string', 'null'], format: 'date' },
          policeReportedBy: { type: ['string', 'null'] },
          policeOnBehalfOfVictim: { type: ['boolean', 'null'] },
          persons: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['role', 'kind'],
              properties: {
                role: { type: 'string', enum: ['dader', 'slachtoffer', 'getuige', 'melder', 'betrokkene'] },
                kind: { type: 'string', enum: ['leerling', 'medewerker', 'ouder', 'externe'] },
                studentId: { type: ['string', 'null'], format: 'uuid', description: 'Required for a leerling; a pupil of this school' },
                description: { type: ['string', 'null'], description: 'Required for others (no name needed)' },
                injury: { type: ['string', 'null'] },
                outcome: { type: ['string', 'null'] },
              },
            },
          },
          submit: { type: 'boolean', default: false },
          expectedVersion: { type: 'integer', description: 'PATCH only: refuse with 409 if the incident changed meanwhile' },
        },
      },
      StudentDetail: {
        allOf: [
          { $ref: '#/components/schemas/Student' },
          {
            type: 'object',
            properties: {
              enrolledOn: { type: ['string', 'null'], format: 'date' },
              leftOn: { type: ['string', 'null'], format: 'date' },
              guardians: {
                type: ['array', 'null'],
                description: 'Only for roles that may read guardians (directeur, intern_begeleider); otherwise null',
                items: {
                  type: 'object',
                  properties: {
                    id: uuid,
                    name: { type: 'string' },
                    email: { type: ['string', 'null'] },
                    phone: { type: ['string', 'null'] },
                    relation: { type: 'string' },
                  },
                },
              },
            },
          },
        ],
      },
    },
  },
  paths: {
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
    '/stichting/settings': {
      get: {
        summary: 'The stichting’s choices where the law leaves room, each with its rule, default, source and status (bestuurder, stichtingbeheerder)',
        responses: {
          '200': { description: '{voDecisionAdultAge, voDecisionAdultAgeChosen (null: the rule set’s default), voDecisionAdultAgeRule: {default, min, max, key, text, source, note, status}, updatedAt}' },
          '401': error,
          '403': error,
        },
      },
      patch: {
        summary: 'Set {voDecisionAdultAge: 18–21}: in vo the parents also receive a decision until the pupil reaches this age (default 21, Inrichtingsbesluit WVO art. 13)',
        responses: { '200': { description: 'The settings as GET returns them' }, '400': error, '401': error, '403': error },
      },
    },
    '/stichting/mandates': {
      get: {
        summary: 'Per school of the stichting the directeur’s mandate for schorsingen (Awb art. 10:1–10:3) with every version (bestuurder, stichtingbeheerder)',
        responses: {
          '200': { description: '{rule, mayManage, items: [{schoolId, schoolName, sector, sectorMax, current: MandateVersion|null, history: MandateVersion[] (newest first)}]}; MandateVersion {id, version, action: verleend|ingetrokken, maxSchoolDays, startsOn, besluitOn, byName, at}' },
          '401': error,
          '403': error,
        },
      },
      post: {
        summary: 'Grant or change a school’s mandate, as a new version (the bestuurder only): {schoolId, maxSchoolDays (1 up to the sector maximum), startsOn (YYYY-MM-DD, not before besluitOn), besluitOn (date of the mandaatbesluit, not in the future)}',
        responses: { '201': { description: 'The new MandateVersion' }, '400': error, '401': error, '403': error, '404': error },
      },
    },
    '/stichting/mandates/withdraw': {
      post: {
        summary: 'Withdraw a school’s mandate (Awb art. 10:8), as a new version (the bestuurder only): {schoolId, besluitOn? (default today)}; 409 when the school has no mandate',
        responses: { '200': { description: 'The new MandateVersion (action ingetrokken)' }, '400': error, '401': error, '403': error, '404': error, '409': error },
      },
    },
    '/measures': {
      get: {
        summary: 'Measures the caller may see: the school’s for school staff (a leerkracht: own), time-outs, schorsingen and verwijderingen of all schools for the bestuurder',
        parameters: [
          { name: 'kind', in: 'query', schema: { type: 'string', enum: ['adempauze', 'time_out', 'schorsing', 'verwijdering'] } },
          { name: 'state', in: 'query', schema: { type: 'string' } },
          { name: 'studentId', in: 'query', schema: uuid },
          { name: 'pendingRemovalId', in: 'query', description: 'Schorsingen pending this verwijdering', schema: uuid },
        ],
        responses: { '200': { description: '{items: Measure[]} (each with pendingRemovalId, uuid or null)' }, '401': error, '403': error },
      },
      post: {
        summary: 'Propose a measure: {kind, studentId, incidentIds?, reasons, startsOn? (YYYY-MM-DD), schoolDays? (schorsing), skipJustification? (required when a rung is skipped), pendingRemovalId? (a schorsing pending an open verwijdering of the same pupil)}. A schorsing longer than the sector allows is refused with the rule and its source, as is one that overlaps another schorsing of the pupil or directly follows or precedes one (no school day between) unless incidentIds names a new incident with the pupil after the other one’s decision, and one in a schooljaar without the region’s school holidays (400 on startsOn or schoolDays); a pendingRemovalId that is not an open verwijdering of this pupil is refused (400/404/409 on pendingRemovalId).',
        responses: { '201': { description: '{id, state}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
      },
    },
    '/measures/{id}': {
      get: {
        summary: 'A measure with its transitions, mandate {id, version, maxSchoolDays, startsOn, besluitOn} (the mandate version a directeur decided under, else null), tasks (e.g. the Inspectie notice summary of a schorsing; for a verwijdering the notices verwijdering.inspectie asks: po/so inspectie_verwijdering and leerplicht_verwijdering at the decision, vo inspectie_verwijdering once definitive), linked incidents, the next steps open to the caller, hearings (verwijdering), pendingRemoval {id, state, stateLabel, open} (a schorsing pending a verwijdering), schorsingenOfYear {schoolYear, items, totalSchoolDays} (a schorsing: the pupil’s schorsingen of its schooljaar) and schorsingenPending [{id, state, stateLabel, startsOn, endsOn, schoolDays, running}] (a verwijdering)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
        responses: { '200': { description: 'The measure' }, '401': error, '403': error, '404': error },
      },
    },
    '/measures/{id}/letters': {
      get: {
        summary: 'Decision letters of a measure (newest first) and the kinds the caller may make now',
        parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
        responses: { '200': { description: '{items, available}' }, '401': error, '403': error, '404': error },
      },
      post: {
        summary: 'Make a letter {kind: time_out_kennisgeving | schorsing | verwijdering | bezwaar_beslissing} from the stichting’s latest template; stored as the next version',
        parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
        responses: { '201': { description: '{id, version, href}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
      },
    },
    '/measures/{id}/letters/{letterId}.pdf': {
      get: {
        summary: 'One stored decision letter (PDF)',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: uuid },
          { name: 'letterId', in: 'path', required: true, schema: uuid },
        ],
        responses: { '200': { description: 'application/pdf' }, '401': error, '403': error, '404': error },
      },
    },
    '/measures/{id}/bezwaren': {
      get: {
        summary: 'Bezwaren against the decision, with decision deadline, the rule that sets it (decisionTerm {key, text, source, status}), advisoryCommittee, postponedOn, overdue and days left',
        parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
        responses: { '200': { description: '{items}' }, '401': error, '403': error, '404': error },
      },
      post: {
        summary: 'Record a bezwaar {receivedOn, committeeFrom?, committeeUntil?, late?, lateReason?, advisoryCommittee? (schorsing: Awb 7:13 committee, 12 weeks)}; the decision deadline follows the rule of the decision objected to (schorsing: Awb art. 7:10; verwijdering: the education law) and the Algemene termijnenwet',
        parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
        responses: { '201': { description: '{id, state, decisionDueOn, decisionTerm}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
      },
    },
    '/measures/{id}/bezwaren/{bezwaarId}': {
      post: {
        summary: '{action: "hearing", hearingOn}, {action: "decide", decidedOn, outcome: gegrond | ongegrond | deels gegrond, reasons}, or {action: "postpone", noticeOn} (a schorsing: once by six weeks, Awb art. 7:10 lid 3)',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: uuid },
          { name: 'bezwaarId', in: 'path', required: true, schema: uuid },
        ],
        responses: { '200': { description: '{id, state, decisionDueOn}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
      },
    },
    '/measures/{id}/search-attempts': {
      get: {
        summary: 'Attempts to find another school during a verwijdering',
        parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
        responses: { '200': { description: '{items}' }, '401': error, '403': error, '404': error },
      },
      post: {
        summary: 'Record an attempt {contactedOn, schoolName, result: toegelaten | geen plaats | in behandeling | geweigerd, note?} on a verwijdering in search. contactedOn lies between the day of the decision to remove and today (400 otherwise): the search, and the mbo term of 8 weeks, start with the decision.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
        responses: { '201': { description: '{id}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
      },
    },
    '/stichtingen/{id}/oversight': {
      get: {
        summary: 'The board’s oversight of its own stichting: measures, approvals queue, deadlines at risk (deadlines.inspectie: every statutory notice not yet filed, {taskId, measureId, kind, title, studentName, schoolName, dueOn, overdue}), counts per school',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: uuid },
          { name: 'schooljaar', in: 'query', schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{4}$' } },
        ],
        responses: { '200': { description: 'The oversight' }, '400': error, '401': error, '403': error, '404': error },
      },
    },
    '/measures/{id}/transitions': {
      post: {
        summary: 'Take the next step: {to, reason?, expectedState?}. Deciding a schorsing is for the bestuurder, or the directeur when the stichting gives the mandate, and checks again that it neither overlaps nor directly follows another schorsing of the pupil (409); a verwijdering becomes definitive only when the rule set’s condition holds (409 otherwise). letter_sent of a schorsing follows from POST /measures/{id}/letters/{letterId}/sent (409 here); a verwijdering’s hearings step and decision need every required hearing (409 naming the rule).',
        parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
        responses: { '200': { description: '{id, state}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
      },
    },
    '/students/{id}/dossier': {
      get: {
        summary: 'The pupil and one chronology of their incidents with their role in each',
        parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }, breakGlassReasonParameter],
        responses: { '200': { description: 'The dossier' }, '400': error, '401': error, '403': error, '404': error },
      },
    },
    '/openapi.json': {
      get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1 document' } } },
    },
    ...measuresExtraPaths,
    ...accessLogPaths,
    ...sharingPaths,
    ...privacyPaths,
    ...reportingPaths,
    ...haltPaths,
  },
} as const
