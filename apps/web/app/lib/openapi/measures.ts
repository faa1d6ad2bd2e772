// OpenAPI paths of measures, the stichting's settings and mandates, and the board's oversight (merged into lib/openapi.ts). Keys are paths under /api/v1.
import type { Endpoint } from './endpoint.ts'
import { errorResponse as error, uuidSchema as uuid } from './common.ts'

export const measuresPaths = {
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
} as const

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const measuresEndpoints: Endpoint[] = []
