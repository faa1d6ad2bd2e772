// OpenAPI paths of the halt area (merged into lib/openapi.ts). Keys are paths under /api/v1.
// The Halt spreekuur (Halt's spreekuur leaflet): the school's referrals (/referrals) and Halt's side
// (/halt/referrals). A referral is a purpose-bound share ('halt_spreekuur'); Halt receives only the
// share's items. The school never receives Halt's notes, components, JIM or appointments.
import type { Endpoint } from './endpoint.ts'
import { errorResponse as error, uuidSchema as uuid } from './common.ts'

const idParam = [{ name: 'id', in: 'path', required: true, schema: uuid }] as const

const incidentTypes = ['fysieke_agressie', 'verbale_agressie', 'bedreiging', 'vernieling_gooien', 'schelden', 'te_laat_verzuim', 'digitaal_grensoverschrijdend'] as const
const statuses = ['aangemeld', 'geaccepteerd', 'afgewezen', 'intake_gepland', 'lopend', 'afgesloten'] as const
const outcomes = ['afgerond', 'voortijdig_gestopt', 'niet_verschenen'] as const
const components = ['reflectie', 'excuses_herstel', 'ouders_docenten', 'sociale_vaardigheden', 'opdrachten', 'netwerk_jim'] as const
const reportFields = ['uitkomst', 'onderdelen', 'herstel', 'afspraken', 'advies_school', 'doorverwijzing'] as const
const shareFields = ['datum', 'type', 'locatie', 'naam_dader', 'naam_slachtoffer', 'naam_getuige', 'geboortedatum', 'groep', 'omschrijving', 'letsel', 'voorwerpen', 'afhandeling', 'maatregelen'] as const

const closingReport = {
  type: ['object', 'null'],
  description: 'Only the fields agreed at referral (reportFields). uitkomst, afspraken, advies_school, doorverwijzing: text; onderdelen, herstel: lists of labels. Null until closed.',
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
} as const

const referralInput = {
  type: 'object',
  required: ['studentId', 'incidentIds', 'reason', 'incidentTypes', 'schoolActions', 'contactName', 'contactEmail', 'studentConsentOn', 'shareFields', 'reportFields'],
  properties: {
    studentId: uuid,
    incidentIds: { type: 'array', items: uuid, minItems: 1, maxItems: 20, description: 'Submitted incidents involving the student that the caller can read' },
    partnerId: { ...uuid, description: 'The Halt region; default the one the school is linked to' },
    reason: { type: 'string', minLength: 10 },
    incidentTypes: { type: 'array', items: { type: 'string', enum: incidentTypes }, minItems: 1 },
    schoolActions: { type: 'string', description: 'What the school already did' },
    contactName: { type: 'string' },
    contactEmail: { type: 'string', format: 'email', description: 'Receives the closing report by mail' },
    contactPhone: { type: 'string' },
    studentConsentOn: { type: 'string', format: 'date', description: 'Required: the student’s consent' },
    parentConsentOn: { type: 'string', format: 'date', description: 'Required when the student is under 16 on the day of referral' },
    shareFields: { type: 'array', items: { type: 'string', enum: shareFields }, minItems: 1, description: 'The facts Halt receives (least: ["datum","type"]); must be within the Halt agreement' },
    reportFields: { type: 'array', items: { type: 'string', enum: reportFields }, minItems: 1, description: 'The closing report’s agreed fields' },
  },
} as const

const schoolReferral = {
  type: 'object',
  description:
    'The referral as the school sees it: status, intake date (the only appointment the school sees), decline reason, and once closed the outcome and closing report. Never Halt’s notes, components, JIM or appointments.',
  properties: {
    id: uuid,
    studentId: uuid,
    studentName: { type: 'string' },
    partnerName: { type: 'string' },
    status: { type: 'string', enum: statuses },
    incidentTypes: { type: 'array', items: { type: 'string', enum: incidentTypes } },
    createdAt: { type: 'string', format: 'date-time' },
    intakeAt: { type: ['string', 'null'], format: 'date-time' },
    outcome: { type: ['string', 'null'], enum: [...outcomes, null] },
    closedAt: { type: ['string', 'null'], format: 'date-time' },
    reportFields: { type: 'array', items: { type: 'string', enum: reportFields } },
    sharedFields: { type: 'array', items: { type: 'string', enum: shareFields } },
    declineReason: { type: ['string', 'null'] },
    closingReport,
  },
} as const

const haltCase = {
  type: 'object',
  description:
    'Halt’s case: the school’s referral fields, the shared facts (facts: one payload per incident with only the share’s fields; empty once the share expired or was revoked), appointments, components with notes, JIMs, restorative steps, Halt’s notes. No student or incident ids beyond the referral’s. Every read is logged in the stichting’s access log.',
  properties: {
    id: uuid,
    status: { type: 'string', enum: statuses },
    schoolName: { type: 'string' },
    sharedFields: { type: 'array', items: { type: 'string', enum: shareFields } },
    facts: { type: 'array', items: { type: 'object', additionalProperties: true } },
    appointments: { type: 'array', items: { type: 'object' } },
    components: { type: 'array', items: { type: 'object' } },
    jims: { type: 'array', items: { type: 'object' } },
    restorativeSteps: { type: 'array', items: { type: 'object' } },
    notes: { type: 'array', items: { type: 'object' } },
    closingReport,
  },
} as const

const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } })

export const haltPaths = {
  '/referrals': {
    get: {
      summary: 'The school’s Halt referrals (directeur, IB, leerkracht of the school)',
      parameters: [
        { name: 'status', in: 'query', schema: { type: 'string', enum: statuses } },
        { name: 'studentId', in: 'query', schema: uuid },
      ],
      responses: { '200': { description: '{items: Referral[]}' }, '401': error, '403': error },
    },
    post: {
      summary: 'Refer a student to the Halt spreekuur: records a purpose-bound share (halt_spreekuur) with the chosen facts',
      description:
        'Refused: 400 without the student’s consent, or under 16 without the parents’ consent; 403 when the school is not linked to a Halt region; 409 without an approved Halt agreement; 400 for facts outside the agreement.',
      requestBody: { required: true, content: { 'application/json': { schema: referralInput } } },
      responses: { '201': ok('{ok, id, shareId}; Location: /api/v1/referrals/{id}'), '400': error, '401': error, '403': error, '409': error },
    },
  },
  '/referrals/{id}': {
    get: {
      summary: 'A referral’s status, intake date and (once closed) the closing report; the read is logged',
      parameters: idParam,
      responses: { '200': { description: 'Referral', content: { 'application/json': { schema: schoolReferral } } }, '401': error, '403': error, '404': error },
    },
  },
  '/halt/referrals': {
    get: {
      summary: 'Halt’s queue: referrals to the caller’s region from linked schools (halt_medewerker)',
      parameters: [
        { name: 'schoolId', in: 'query', schema: uuid },
        { name: 'status', in: 'query', schema: { type: 'string', enum: statuses } },
        { name: 'type', in: 'query', schema: { type: 'string', enum: incidentTypes } },
      ],
      responses: { '200': { description: '{items: [{id, schoolId, schoolName, status, incidentTypes, reason, createdAt, intakeAt, closedAt, outcome, studentLabel}]}; studentLabel: the referred student’s name as the share discloses it (null when no name was shared); the share names no other pupil, and reason and schoolActions give other pupils as "leerling A", …' }, '401': error, '403': error },
    },
  },
  '/halt/referrals/{id}': {
    get: {
      summary: 'Halt’s case (logged)',
      parameters: idParam,
      responses: { '200': { description: 'HaltCase', content: { 'application/json': { schema: haltCase } } }, '401': error, '403': error, '404': error },
    },
  },
  '/halt/referrals/{id}/decision': {
    post: {
      summary: 'Accept or decline a new referral (decline needs a reason; the school sees it)',
      parameters: idParam,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'object', required: ['decision'], properties: { decision: { type: 'string', enum: ['accept', 'decline'] }, reason: { type: 'string' } } },
          },
        },
      },
      responses: { '200': ok('{ok, id, status}'), '400': error, '403': error, '404': error, '409': error },
    },
  },
  '/halt/referrals/{id}/appointments': {
    post: {
      summary: 'Plan an appointment (intake, spreekuur, victim conversation, class meeting); an intake sets the intake date',
      parameters: idParam,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['kind', 'startsAt'],
              properties: {
                kind: { type: 'string', enum: ['intake', 'spreekuur', 'gesprek_slachtoffer', 'klassenbijeenkomst'] },
                startsAt: { type: 'string', description: 'ISO date-time with offset, or YYYY-MM-DDTHH:MM Dutch local time' },
                slotId: uuid,
              },
            },
          },
        },
      },
      responses: { '201': ok('{ok, id, appointmentId, status}'), '400': error, '403': error, '404': error, '409': error },
    },
    patch: {
      summary: 'Record attendance; present at the intake starts the trajectory (status lopend)',
      parameters: idParam,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['appointmentId', 'attendance'],
              properties: { appointmentId: uuid, attendance: { type: 'string', enum: ['gepland', 'aanwezig', 'afwezig_met_bericht', 'afwezig_zonder_bericht'] } },
            },
          },
        },
      },
      responses: { '200': ok('{ok, id, status}'), '400': error, '403': error, '404': error, '409': error },
    },
  },
  '/halt/referrals/{id}/components': {
    put: {
      summary: 'Set components of the trajectory (checklist with a note per component); components not sent stay as they are',
      parameters: idParam,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['components'],
              properties: {
                components: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['component'],
                    properties: { component: { type: 'string', enum: components }, done: { type: 'boolean' }, note: { type: ['string', 'null'] } },
                  },
                },
              },
            },
          },
        },
      },
      responses: { '200': ok('{ok, id, components: the ones done}'), '400': error, '403': error, '404': error, '409': error },
    },
    post: { summary: 'Same as PUT', parameters: idParam, responses: { '200': ok('{ok, id, components}'), '400': error, '403': error, '404': error, '409': error } },
  },
  '/halt/referrals/{id}/close': {
    post: {
      summary: 'Close with an outcome and a closing report of only the agreed fields; mails the school’s contact (never Halt’s notes)',
      parameters: idParam,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['outcome'],
              properties: {
                outcome: { type: 'string', enum: outcomes },
                outcomeReason: { type: 'string', description: 'Required for voortijdig_gestopt' },
                afspraken: { type: 'string' },
                advies_school: { type: 'string' },
                doorverwijzing: { type: 'string' },
              },
            },
          },
        },
      },
      responses: { '200': ok('{ok, id, status, closingReport, mailId}'), '400': error, '403': error, '404': error, '409': error },
    },
  },
} as const

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const haltEndpoints: Endpoint[] = []
