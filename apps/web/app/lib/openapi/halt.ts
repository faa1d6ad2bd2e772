// OpenAPI operations of the halt area (merged into lib/openapi.ts), generated from the use cases'
// zod schemas. Paths are under /api/v1.
// The Halt spreekuur (Halt's spreekuur leaflet): the school's referrals (/referrals) and Halt's side
// (/halt/referrals). A referral is a purpose-bound share ('halt_spreekuur'); Halt receives only the
// share's items. The school never receives Halt's notes, components, JIM or appointments.
import {
  addAppointment,
  appointmentInput,
  attendanceInput,
  closeInput,
  closeReferral,
  componentsInput,
  createReferral,
  createReferralInput,
  decideReferral,
  decisionInput,
  getHaltCase,
  getReferral,
  haltQueueInput,
  listHaltQueue,
  listReferrals,
  listReferralsInput,
  saveComponents,
  setAttendance,
} from '@baken/domain'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'

const incidentTypes = ['fysieke_agressie', 'verbale_agressie', 'bedreiging', 'vernieling_gooien', 'schelden', 'te_laat_verzuim', 'digitaal_grensoverschrijdend'] as const
const statuses = ['aangemeld', 'geaccepteerd', 'afgewezen', 'intake_gepland', 'lopend', 'afgesloten'] as const
const outcomes = ['afgerond', 'voortijdig_gestopt', 'niet_verschenen'] as const
const components = ['reflectie', 'excuses_herstel', 'ouders_docenten', 'sociale_vaardigheden', 'opdrachten', 'netwerk_jim'] as const
const reportFields = ['uitkomst', 'onderdelen', 'herstel', 'afspraken', 'advies_school', 'doorverwijzing'] as const
const shareFields = ['datum', 'type', 'locatie', 'naam_dader', 'naam_slachtoffer', 'naam_getuige', 'geboortedatum', 'groep', 'omschrijving', 'letsel', 'voorwerpen', 'afhandeling', 'maatregelen'] as const
const appointmentKinds = ['intake', 'spreekuur', 'gesprek_slachtoffer', 'klassenbijeenkomst'] as const
const attendances = ['gepland', 'aanwezig', 'afwezig_met_bericht', 'afwezig_zonder_bericht'] as const
const restorativeKinds = ['gesprek_slachtoffer', 'herstel_tussen_groepen', 'klassenbijeenkomst', 'doorverwijzing_hulpverlening'] as const

const status = z.enum(statuses)
const incidentType = z.enum(incidentTypes)
const reportField = z.enum(reportFields)
const shareField = z.enum(shareFields)
const dateTime = z.iso.datetime({ offset: true })
const date = z.iso.date()

/** The closing report's fields: text, or a list of labels (onderdelen, herstel). */
const reportOf = z.record(z.string(), z.union([z.string(), z.array(z.string())]))

/** Only the fields agreed at referral. Null until closed. */
const closingReport = reportOf
  .nullable()
  .describe('Only the fields agreed at referral (reportFields). uitkomst, afspraken, advies_school, doorverwijzing: text; onderdelen, herstel: lists of labels. Null until closed.')

const schoolReferralItem = {
  id: z.uuid(),
  studentId: z.uuid(),
  studentName: z.string(),
  partnerName: z.string(),
  status,
  incidentTypes: z.array(incidentType),
  createdAt: dateTime,
  intakeAt: dateTime.nullable(),
  outcome: z.enum(outcomes).nullable(),
  closedAt: dateTime.nullable(),
}

const schoolReferral = z
  .object({
    ...schoolReferralItem,
    reason: z.string(),
    schoolActions: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string().nullable(),
    studentConsentOn: date,
    parentConsentOn: date.nullable(),
    reportFields: z.array(reportField),
    shareId: z.uuid(),
    sharedFields: z.array(shareField),
    incidentIds: z.array(z.uuid()),
    createdByName: z.string(),
    decidedAt: dateTime.nullable(),
    declineReason: z.string().nullable(),
    outcomeReason: z.string().nullable(),
    closingReport,
  })
  .describe(
    'The referral as the school sees it: status, intake date (the only appointment the school sees), decline reason, and once closed the outcome and closing report. Never Halt’s notes, components, JIM or appointments.',
  )

const haltQueueItem = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  status,
  incidentTypes: z.array(incidentType),
  reason: z.string(),
  createdAt: dateTime,
  intakeAt: dateTime.nullable(),
  closedAt: dateTime.nullable(),
  outcome: z.enum(outcomes).nullable(),
  studentLabel: z.string().nullable().describe('The referred student’s name as the share discloses it (null when no name was shared); the share names no other pupil'),
})

const haltCase = z
  .object({
    id: z.uuid(),
    status,
    schoolId: z.uuid(),
    schoolName: z.string(),
    stichtingId: z.uuid(),
    reason: z.string(),
    incidentTypes: z.array(incidentType),
    schoolActions: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string().nullable(),
    studentConsentOn: date,
    parentConsentOn: date.nullable(),
    reportFields: z.array(reportField),
    createdAt: dateTime,
    decidedAt: dateTime.nullable(),
    declineReason: z.string().nullable(),
    intakeAt: dateTime.nullable(),
    outcome: z.enum(outcomes).nullable(),
    outcomeReason: z.string().nullable(),
    closingReport,
    closedAt: dateTime.nullable(),
    studentLabel: z.string().nullable(),
    sharedFields: z.array(shareField),
    shareExpiresAt: dateTime.nullable(),
    facts: z.array(z.record(z.string(), z.unknown())).describe('One payload per incident with only the share’s fields; empty once the share expired or was revoked'),
    appointments: z.array(
      z.object({ id: z.uuid(), kind: z.enum(appointmentKinds), startsAt: dateTime, attendance: z.enum(attendances), slotId: z.uuid().nullable() }),
    ),
    components: z.array(z.object({ component: z.enum(components), done: z.boolean(), note: z.string().nullable(), updatedAt: dateTime })),
    jims: z.array(z.object({ id: z.uuid(), name: z.string(), relation: z.string(), contact: z.string(), agreements: z.string() })),
    restorativeSteps: z.array(z.object({ id: z.uuid(), kind: z.enum(restorativeKinds), on: date, note: z.string().nullable() })),
    notes: z.array(z.object({ id: z.uuid(), body: z.string(), at: dateTime, byName: z.string() })),
    slots: z.array(z.object({ id: z.uuid(), location: z.string(), weekday: z.number().int(), startsAt: z.string(), endsAt: z.string() })),
  })
  .describe(
    'Halt’s case: the school’s referral fields, the shared facts, appointments, components with notes, JIMs, restorative steps, Halt’s notes and the school’s spreekuur slots. No student or incident ids beyond the referral’s. Every read is logged in the stichting’s access log.',
  )

/** A step on one referral: its id and the referral's status after it. */
const stepDone = z.object({ ok: z.literal(true), id: z.uuid(), status })

const STEP_ERRORS = [400, 403, 404, 409] as const

/** Every operation of the area is generated below; nothing is written by hand any more. */
export const haltPaths = {} as const

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const haltEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/referrals',
    summary: 'The school’s Halt referrals (directeur, IB, leerkracht of the school)',
    useCase: listReferrals,
    query: listReferralsInput,
    responses: { 200: { description: 'The referrals, newest first', schema: z.object({ items: z.array(z.object(schoolReferralItem)) }) } },
    errors: [400, 403],
  }),
  endpoint({
    method: 'post',
    path: '/referrals',
    summary: 'Refer a student to the Halt spreekuur: records a purpose-bound share (halt_spreekuur) with the chosen facts',
    description:
      'Refused: 400 without the student’s consent, or under 16 without the parents’ consent; 403 when the school is not linked to a Halt region; 409 without an approved Halt agreement; 400 for facts outside the agreement.',
    useCase: createReferral,
    body: createReferralInput,
    responses: { 201: { description: 'Referred; Location: /api/v1/referrals/{id}', schema: z.object({ ok: z.literal(true), id: z.uuid(), shareId: z.uuid() }) } },
    errors: [400, 403, 409, 415],
  }),
  endpoint({
    method: 'get',
    path: '/referrals/{id}',
    summary: 'A referral’s status, intake date and (once closed) the closing report; the read is logged',
    useCase: getReferral,
    responses: { 200: { description: 'Referral', schema: schoolReferral } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'get',
    path: '/halt/referrals',
    summary: 'Halt’s queue: referrals to the caller’s region from linked schools (halt_medewerker)',
    description: 'reason and schoolActions give other pupils as "leerling A", …',
    useCase: listHaltQueue,
    query: haltQueueInput,
    responses: { 200: { description: 'The queue, newest first', schema: z.object({ items: z.array(haltQueueItem) }) } },
    errors: [400, 403],
  }),
  endpoint({
    method: 'get',
    path: '/halt/referrals/{id}',
    summary: 'Halt’s case (logged)',
    useCase: getHaltCase,
    responses: { 200: { description: 'HaltCase', schema: haltCase } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/halt/referrals/{id}/decision',
    summary: 'Accept or decline a new referral (decline needs a reason; the school sees it)',
    useCase: decideReferral,
    body: decisionInput,
    responses: { 200: { description: 'Decided', schema: stepDone } },
    errors: [...STEP_ERRORS, 405, 415],
  }),
  endpoint({
    method: 'post',
    path: '/halt/referrals/{id}/appointments',
    summary: 'Plan an appointment (intake, spreekuur, victim conversation, class meeting); an intake sets the intake date',
    description: 'startsAt: an ISO date-time with offset, or YYYY-MM-DDTHH:MM in Dutch local time.',
    useCase: addAppointment,
    body: appointmentInput,
    responses: { 201: { description: 'Planned', schema: z.object({ ok: z.literal(true), id: z.uuid(), appointmentId: z.uuid(), status }) } },
    errors: [...STEP_ERRORS, 415],
  }),
  endpoint({
    method: 'patch',
    path: '/halt/referrals/{id}/appointments',
    summary: 'Record attendance; present at the intake starts the trajectory (status lopend)',
    useCase: setAttendance,
    body: attendanceInput,
    responses: { 200: { description: 'Recorded', schema: stepDone } },
    errors: [...STEP_ERRORS, 415],
  }),
  ...(['put', 'post'] as const).map((method) =>
    endpoint({
      method,
      path: '/halt/referrals/{id}/components',
      summary: method === 'put' ? 'Set components of the trajectory (checklist with a note per component); components not sent stay as they are' : 'Same as PUT',
      useCase: saveComponents,
      body: componentsInput,
      responses: { 200: { description: 'Saved; components: the ones done', schema: z.object({ ok: z.literal(true), id: z.uuid(), components: z.array(z.enum(components)) }) } },
      errors: [...STEP_ERRORS, 405, 415],
    }),
  ),
  endpoint({
    method: 'post',
    path: '/halt/referrals/{id}/close',
    summary: 'Close with an outcome and a closing report of only the agreed fields; mails the school’s contact (never Halt’s notes)',
    description: 'outcomeReason is required for voortijdig_gestopt; afgerond only after an intake the student attended.',
    useCase: closeReferral,
    body: closeInput,
    responses: {
      200: {
        description: 'Closed; the mail to the school’s contact is queued',
        schema: z.object({ ok: z.literal(true), id: z.uuid(), status: z.literal('afgesloten'), closingReport: reportOf, mailId: z.uuid() }),
      },
    },
    errors: [...STEP_ERRORS, 405, 415],
  }),
]
