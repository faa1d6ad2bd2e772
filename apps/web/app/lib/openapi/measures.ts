// OpenAPI operations of measures, the stichting's settings and mandates, and the board's oversight (merged into lib/openapi.ts), generated from the use cases. Paths are under /api/v1.
import { SECTORS } from '@baken/db'
import {
  BEZWAAR_OUTCOMES,
  decideBezwaar,
  getLawSettings,
  getLetterPdf,
  getMeasure,
  getBoardOversight,
  getMandates,
  grantMandate,
  LETTER_KINDS,
  listBezwaren,
  listLetters,
  listMeasures,
  listMeasuresInput,
  listSearchAttempts,
  NOTICE_TASK_KINDS,
  MEASURE_KINDS,
  postponeBezwaar,
  proposeMeasure,
  recordBezwaar,
  recordBezwaarHearing,
  recordSearchAttempt,
  renderLetter,
  RULE_KEYS,
  RULE_STATUSES,
  SEARCH_RESULTS,
  SEND_CHANNELS,
  transitionMeasure,
  updateLawSettings,
  withdrawMandate,
} from '@baken/domain'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'
import { hearingsView, WRITE_ERRORS } from './measures-extra.ts'

// ---- Response schemas: what the server answers, field for field ------------------------------

/** A JSON date-time (a Date as the API serialises it). */
const at = z.string()
const day = z.iso.date()

/** A rule as shown beside a value or deadline (rule-model.ts, RuleView). */
export const ruleViewSchema = z.strictObject({ key: z.enum(RULE_KEYS), text: z.string(), source: z.string(), note: z.string().nullable(), status: z.array(z.enum(RULE_STATUSES)) })

const lawSettings = z.strictObject({
  voDecisionAdultAge: z.number().int(),
  voDecisionAdultAgeChosen: z.number().int().nullable().describe('null: the rule set’s default'),
  voDecisionAdultAgeRule: z.strictObject({
    default: z.number().int(),
    min: z.number().int(),
    max: z.number().int(),
    key: z.string(),
    text: z.string(),
    source: z.string(),
    note: z.string().nullable(),
    status: z.array(z.enum(RULE_STATUSES)),
  }),
  updatedAt: z.string().nullable(),
})

const mandateVersion = z.strictObject({
  id: z.uuid(),
  version: z.number().int(),
  action: z.enum(['verleend', 'ingetrokken']),
  maxSchoolDays: z.number().int().nullable(),
  startsOn: day.nullable(),
  besluitOn: day,
  byName: z.string().nullable(),
  at,
})

const mandates = z.strictObject({
  rule: ruleViewSchema,
  mayManage: z.boolean(),
  items: z.array(
    z.strictObject({
      schoolId: z.uuid(),
      schoolName: z.string(),
      sector: z.enum(SECTORS),
      sectorMax: z.number().int(),
      current: mandateVersion.nullable(),
      history: z.array(mandateVersion).describe('Newest first'),
    }),
  ),
})

const measureListItem = z.strictObject({
  id: z.uuid(),
  kind: z.enum(MEASURE_KINDS),
  kindLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  studentId: z.uuid(),
  studentName: z.string(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  startsOn: day.nullable(),
  endsOn: day.nullable(),
  schoolDays: z.number().int().nullable(),
  pendingRemovalId: z.uuid().nullable().describe('A schorsing pending this verwijdering'),
  createdAt: at,
  updatedAt: at,
})

/** A step on a measure: its id and the state it is in now. */
const measureStep = z.strictObject({ id: z.uuid(), state: z.string() })

const letterListItem = z.strictObject({
  id: z.uuid(),
  kind: z.enum(LETTER_KINDS),
  kindLabel: z.string(),
  version: z.number().int(),
  templateVersion: z.number().int().nullable().describe('null: made from the built-in standard template'),
  createdAt: at,
  createdByName: z.string().nullable(),
  sent: z.array(z.strictObject({ on: day, channel: z.enum(SEND_CHANNELS), channelLabel: z.string(), mails: z.number().int() })),
  href: z.string(),
})

const bezwaarView = z.strictObject({
  id: z.uuid(),
  measureId: z.uuid(),
  measureKind: z.enum(MEASURE_KINDS),
  kindLabel: z.string(),
  studentName: z.string(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  receivedOn: day,
  state: z.string(),
  stateLabel: z.string(),
  committeeFrom: day.nullable(),
  committeeUntil: day.nullable(),
  hearingOn: day.nullable(),
  decisionDueOn: day,
  decidedOn: day.nullable(),
  outcome: z.enum(BEZWAAR_OUTCOMES).nullable(),
  reasons: z.string().nullable(),
  decidedByName: z.string().nullable(),
  late: z.boolean(),
  lateReason: z.string().nullable(),
  advisoryCommittee: z.boolean(),
  postponedOn: day.nullable(),
  decisionTerm: ruleViewSchema,
  overdue: z.boolean(),
  daysLeft: z.number().int().nullable().describe('Calendar days until the deadline (negative when overdue); null once decided'),
})

const bezwaarStep = z.strictObject({ id: z.uuid(), state: z.string(), decisionDueOn: day, decisionTerm: ruleViewSchema.optional() })

const searchAttempt = z.strictObject({
  id: z.uuid(),
  contactedOn: day,
  schoolName: z.string(),
  result: z.enum(SEARCH_RESULTS),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: at,
})

const measureDetail = measureListItem.extend({
  reasons: z.string(),
  skipJustification: z.string().nullable(),
  sector: z.enum(SECTORS),
  ruleSetId: z.string(),
  decidedAt: at.nullable(),
  decidedUnderMandate: z.boolean(),
  mandate: z
    .strictObject({ id: z.uuid(), version: z.number().int(), maxSchoolDays: z.number().int().nullable(), startsOn: day.nullable(), besluitOn: day })
    .nullable()
    .describe('The mandate version a directeur decided under (Awb art. 10:1), else null'),
  transitions: z.array(
    z.strictObject({ from: z.string().nullable(), to: z.string(), at, reason: z.string().nullable(), by: z.string().nullable(), fromLabel: z.string().nullable(), toLabel: z.string() }),
  ),
  tasks: z
    .array(
      z.strictObject({
        id: z.uuid(),
        stichtingId: z.uuid(),
        schoolId: z.uuid(),
        measureId: z.uuid(),
        kind: z.string(),
        title: z.string(),
        summary: z.string().nullable(),
        dueOn: day,
        doneAt: at.nullable(),
        doneById: z.uuid().nullable(),
        reference: z.string().nullable(),
        note: z.string().nullable(),
        createdAt: at,
      }),
    )
    .describe('E.g. the Inspectie notice summary of a schorsing; for a verwijdering the notices verwijdering.inspectie asks: po/so inspectie_verwijdering and leerplicht_verwijdering at the decision, vo inspectie_verwijdering once definitive'),
  incidentIds: z.array(z.uuid()),
  hearings: hearingsView.nullable().describe('A verwijdering: the hearings recorded, who must be heard, and whether that is complete'),
  pendingRemoval: z.strictObject({ id: z.uuid(), state: z.string(), stateLabel: z.string(), open: z.boolean() }).nullable().describe('A schorsing pending a verwijdering: that verwijdering'),
  schorsingenPending: z
    .array(z.strictObject({ id: z.uuid(), state: z.string(), stateLabel: z.string(), startsOn: day.nullable(), endsOn: day.nullable(), schoolDays: z.number().int().nullable(), running: z.boolean() }))
    .nullable()
    .describe('A verwijdering: its schorsingen pending removal'),
  schorsingenOfYear: z
    .strictObject({
      schoolYear: z.string(),
      items: z.array(z.strictObject({ id: z.uuid(), startsOn: day, endsOn: day, schoolDays: z.number().int(), state: z.string(), stateLabel: z.string(), schoolYear: z.string() })),
      totalSchoolDays: z.number().int(),
    })
    .nullable()
    .describe('A schorsing: the pupil’s schorsingen of its schooljaar, this one included'),
  next: z.array(z.strictObject({ to: z.string(), label: z.string(), needsReason: z.boolean(), decides: z.boolean().describe('A decision of the bevoegd gezag: the page asks to confirm it') })).describe('The steps open to the caller'),
})

const oversightMeasure = z.strictObject({
  id: z.uuid(),
  kind: z.enum(MEASURE_KINDS),
  kindLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  open: z.boolean(),
  awaitingBoard: z.boolean().describe('A proposed schorsing, or a verwijdering after the hearings'),
  studentName: z.string(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  startsOn: day.nullable(),
  endsOn: day.nullable(),
  schoolDays: z.number().int().nullable(),
  createdAt: at,
  updatedAt: at,
})

const oversight = z.strictObject({
  stichting: z.strictObject({ id: z.uuid(), name: z.string() }),
  schooljaar: z.string(),
  today: day,
  measures: z.array(oversightMeasure).describe('Open schorsingen and verwijderingen, and those closed in the last 90 days'),
  queue: z.array(oversightMeasure).describe('What waits for the board’s decision, oldest first'),
  deadlines: z.strictObject({
    inspectie: z
      .array(
        z.strictObject({
          taskId: z.uuid(),
          measureId: z.uuid(),
          kind: z.enum(NOTICE_TASK_KINDS),
          title: z.string(),
          studentName: z.string(),
          schoolName: z.string(),
          dueOn: day,
          overdue: z.boolean(),
        }),
      )
      .describe('Every statutory notice not yet filed'),
    bezwaren: z.array(bezwaarView).describe('Undecided bezwaren due within a week or overdue'),
  }),
  measuresPerSchool: z.array(
    z.strictObject({
      schoolId: z.uuid(),
      name: z.string(),
      sector: z.string(),
      counts: z.strictObject({ time_out: z.number().int(), schorsing: z.number().int(), verwijdering: z.number().int() }),
      total: z.number().int(),
    }),
  ),
  incidentsPerSchool: z.array(
    z.strictObject({
      schoolId: z.uuid(),
      name: z.string(),
      brin: z.string(),
      sector: z.string(),
      total: z.number().int(),
      overig: z.number().int(),
      ernstig: z.number().int(),
      zeerErnstig: z.number().int(),
      confidential: z.number().int(),
    }),
  ),
  irisComparison: z.strictObject({
    schools: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
    rows: z.array(z.strictObject({ code: z.number().int(), label: z.string(), total: z.number().int(), perSchool: z.record(z.string(), z.number().int()) })),
  }),
})

/** The request body of a use case whose input also holds the path ids. */
const bodyOf = <S extends z.ZodObject>(input: S, ...ids: string[]) => input.omit(Object.fromEntries(ids.map((id) => [id, true])) as never)

const bezwaarStepBody = z.union([
  bodyOf(recordBezwaarHearing.input, 'id', 'bezwaarId').extend({ action: z.literal('hearing') }),
  bodyOf(decideBezwaar.input, 'id', 'bezwaarId').extend({ action: z.literal('decide') }),
  bodyOf(postponeBezwaar.input, 'id', 'bezwaarId').extend({ action: z.literal('postpone') }),
])

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const measuresEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/stichting/settings',
    summary: 'The stichting’s choices where the law leaves room, each with its rule, default, source and status (bestuurder, stichtingbeheerder)',
    useCase: getLawSettings,
    responses: { 200: { description: 'The settings', schema: lawSettings } },
    errors: [403],
  }),
  endpoint({
    method: 'patch',
    path: '/stichting/settings',
    summary: 'Set {voDecisionAdultAge: 18–21}: in vo the parents also receive a decision until the pupil reaches this age (default 21, Inrichtingsbesluit WVO art. 13)',
    useCase: updateLawSettings,
    responses: { 200: { description: 'The settings as GET returns them', schema: lawSettings } },
    errors: [400, 403, 415],
  }),
  endpoint({
    method: 'get',
    path: '/stichting/mandates',
    summary: 'Per school of the stichting the directeur’s mandate for schorsingen (Awb art. 10:1–10:3) with every version (bestuurder, stichtingbeheerder)',
    useCase: getMandates,
    responses: { 200: { description: 'The mandates per school', schema: mandates } },
    errors: [403],
  }),
  endpoint({
    method: 'post',
    path: '/stichting/mandates',
    summary: 'Grant or change a school’s mandate, as a new version (the bestuurder only): {schoolId, maxSchoolDays (1 up to the sector maximum), startsOn (YYYY-MM-DD, not before besluitOn), besluitOn (date of the mandaatbesluit, not in the future)}',
    useCase: grantMandate,
    responses: { 201: { description: 'The new mandate version', schema: mandateVersion } },
    errors: [400, 403, 404, 415],
  }),
  endpoint({
    method: 'post',
    path: '/stichting/mandates/withdraw',
    summary: 'Withdraw a school’s mandate (Awb art. 10:8), as a new version (the bestuurder only): {schoolId, besluitOn? (default today)}; 409 when the school has no mandate',
    useCase: withdrawMandate,
    responses: { 200: { description: 'The new mandate version (action ingetrokken)', schema: mandateVersion } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'get',
    path: '/measures',
    summary: 'Measures the caller may see: the school’s for school staff (a leerkracht: own), time-outs, schorsingen and verwijderingen of all schools for the bestuurder',
    useCase: listMeasures,
    query: listMeasuresInput.pick({ kind: true, state: true, studentId: true, pendingRemovalId: true }),
    responses: { 200: { description: 'The measures, newest first', schema: z.strictObject({ items: z.array(measureListItem) }) } },
    errors: [400, 403],
  }),
  endpoint({
    method: 'post',
    path: '/measures',
    summary: 'Propose a measure',
    description:
      'A schorsing longer than the sector allows is refused with the rule and its source, as is one that overlaps another schorsing of the pupil or directly follows or precedes one (no school day between) unless incidentIds names a new incident with the pupil after the other one’s decision, and one in a schooljaar without the region’s school holidays (400 on startsOn or schoolDays); skipJustification is required when a rung is skipped; a pendingRemovalId that is not an open verwijdering of this pupil is refused (400/404/409 on pendingRemovalId).',
    useCase: proposeMeasure,
    responses: { 201: { description: 'The new measure (Location: its URL)', schema: measureStep } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'get',
    path: '/measures/{id}',
    summary: 'A measure with its history, tasks, linked incidents, the steps open to the caller, hearings (verwijdering), pendingRemoval, schorsingenOfYear and schorsingenPending',
    description: 'Opening the case is logged in the access log.',
    useCase: getMeasure,
    responses: { 200: { description: 'The measure', schema: measureDetail } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/measures/{id}/transitions',
    summary: 'Take the next step: {to, reason?, expectedState?}',
    description:
      'Deciding a schorsing is for the bestuurder, or the directeur when the stichting gives the mandate, and checks again that it neither overlaps nor directly follows another schorsing of the pupil (409); a verwijdering becomes definitive only when the rule set’s condition holds (409 otherwise). letter_sent of a schorsing follows from POST /measures/{id}/letters/{letterId}/sent (409 here); a verwijdering’s hearings step and decision need every required hearing (409 naming the rule).',
    useCase: transitionMeasure,
    body: bodyOf(transitionMeasure.input, 'id'),
    responses: { 200: { description: 'The measure’s new state', schema: measureStep } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'get',
    path: '/measures/{id}/letters',
    summary: 'Decision letters of a measure (newest first) and the kinds the caller may make now',
    useCase: listLetters,
    responses: { 200: { description: 'The letters', schema: z.strictObject({ items: z.array(letterListItem), available: z.array(z.enum(LETTER_KINDS)) }) } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/measures/{id}/letters',
    summary: 'Make a letter {kind: time_out_kennisgeving | schorsing | verwijdering | bezwaar_beslissing} from the stichting’s latest template; stored as the next version',
    description: 'A 409 over the template also names its placeholders: missing (required, not in the text) and unknown.',
    useCase: renderLetter,
    body: bodyOf(renderLetter.input, 'id'),
    responses: { 201: { description: 'The letter (Location: its PDF)', schema: z.strictObject({ id: z.uuid(), version: z.number().int(), href: z.string() }) } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'get',
    path: '/measures/{id}/letters/{letterId}.pdf',
    summary: 'One stored decision letter (PDF)',
    useCase: getLetterPdf,
    responses: { 200: { description: 'The letter as sent', mediaType: 'application/pdf' } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'get',
    path: '/measures/{id}/bezwaren',
    summary: 'Bezwaren against the decision, with decision deadline, the rule that sets it (decisionTerm), advisoryCommittee, postponedOn, overdue and days left',
    useCase: listBezwaren,
    responses: { 200: { description: 'The bezwaren, oldest deadline first', schema: z.strictObject({ items: z.array(bezwaarView) }) } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/measures/{id}/bezwaren',
    summary:
      'Record a bezwaar {receivedOn, committeeFrom?, committeeUntil?, late?, lateReason?, advisoryCommittee? (schorsing: Awb 7:13 committee, 12 weeks)}; the decision deadline follows the rule of the decision objected to (schorsing: Awb art. 7:10; verwijdering: the education law) and the Algemene termijnenwet',
    useCase: recordBezwaar,
    body: bodyOf(recordBezwaar.input, 'id'),
    responses: { 201: { description: 'The bezwaar with its decision deadline', schema: bezwaarStep } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'post',
    path: '/measures/{id}/bezwaren/{bezwaarId}',
    summary: '{action: "hearing", hearingOn}, {action: "decide", decidedOn, outcome: gegrond | ongegrond | deels gegrond, reasons}, or {action: "postpone", noticeOn} (a schorsing: once by six weeks, Awb art. 7:10 lid 3)',
    body: bezwaarStepBody,
    responses: { 200: { description: 'The bezwaar after the step (postpone: with the decision term)', schema: bezwaarStep } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'get',
    path: '/measures/{id}/search-attempts',
    summary: 'Attempts to find another school during a verwijdering, oldest first',
    useCase: listSearchAttempts,
    responses: { 200: { description: 'The attempts', schema: z.strictObject({ items: z.array(searchAttempt) }) } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/measures/{id}/search-attempts',
    summary: 'Record an attempt {contactedOn, schoolName, result: toegelaten | geen plaats | in behandeling | geweigerd, note?} on a verwijdering in search',
    description: 'contactedOn lies between the day of the decision to remove and today (400 otherwise): the search, and the mbo term of 8 weeks, start with the decision.',
    useCase: recordSearchAttempt,
    body: bodyOf(recordSearchAttempt.input, 'id'),
    responses: { 201: { description: 'The attempt', schema: measureStep } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'get',
    path: '/stichtingen/{id}/oversight',
    summary: 'The board’s oversight of its own stichting: measures, approvals queue, deadlines at risk, counts per school',
    description: 'Only the bestuurder, only for their own stichting; any other id answers 404.',
    useCase: getBoardOversight,
    query: getBoardOversight.input.pick({ schooljaar: true }),
    responses: { 200: { description: 'The oversight', schema: oversight } },
    errors: [400, 403, 404],
  }),
]
