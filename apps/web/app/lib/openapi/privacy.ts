// OpenAPI operations of the privacy area (merged into lib/openapi.ts). Paths are under /api/v1.
// Data-subject rights (AVG art. 12–21): the student export, requests with their one-month
// deadline, retention terms and the purge (dry run first; the purge confirms a dry run).
import { closeSubjectRequest, createSubjectRequest, exportStudent, getRetention, listSubjectRequests, listSubjectRequestsInput, setRetention } from '@baken/domain'
import { schema } from '@baken/db'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'

const instant = z.iso.datetime()
const day = z.iso.date()
const ids = z.array(z.uuid())

const studentExport = z.strictObject({
  kind: z.literal('baken-leerlingexport'),
  generatedAt: instant,
  generatedBy: z.string(),
  school: z.strictObject({ name: z.string(), brin: z.string() }),
  rights: z.strictObject({ age: z.number().int(), exercisedBy: z.enum(['ouders', 'leerling']), explanation: z.string() }),
  student: z.strictObject({
    id: z.uuid(),
    externalId: z.string().nullable(),
    name: z.string(),
    dateOfBirth: day,
    group: z.string().nullable(),
    status: z.enum(['active', 'left']),
    enrolledOn: day.nullable(),
    leftOn: day.nullable(),
  }),
  guardians: z.array(z.strictObject({ name: z.string(), relation: z.string(), email: z.string().nullable(), phone: z.string().nullable() })),
  incidents: z.array(
    z.strictObject({
      id: z.uuid(),
      occurredAt: instant,
      location: z.string().nullable(),
      types: z.array(z.string()),
      ownRoles: z.array(z.string()),
      situation: z.string(),
      behaviour: z.array(z.strictObject({ label: z.string(), description: z.string() })),
      persons: z.array(z.strictObject({ role: z.string(), who: z.string().meta({ description: 'The pupil by name; every other pupil as "leerling A", "leerling B", …' }), injury: z.string().nullable(), outcome: z.string().nullable() })),
      handling: z.array(z.string()),
      analysis: z.string().nullable(),
      agreements: z.string().nullable(),
      parentsContacted: z.string().nullable(),
    }),
  ),
  measures: z.array(
    z.strictObject({
      id: z.uuid(),
      kind: z.string(),
      kindLabel: z.string(),
      state: z.string(),
      reasons: z.string(),
      startsOn: day.nullable(),
      endsOn: day.nullable(),
      schoolDays: z.number().int().nullable(),
      decidedAt: instant.nullable(),
      decisionNote: z.string().nullable(),
      transitions: z.array(z.strictObject({ at: instant, from: z.string().nullable(), to: z.string(), by: z.string(), reason: z.string().nullable() })),
      letters: z.array(z.strictObject({ kind: z.string(), kindLabel: z.string(), version: z.number().int(), createdAt: instant })),
    }),
  ),
  referrals: z.array(
    z.strictObject({
      id: z.uuid(),
      partner: z.string(),
      status: z.string(),
      createdAt: instant,
      decidedAt: instant.nullable(),
      declineReason: z.string().nullable(),
      intakeAt: instant.nullable(),
      outcome: z.string().nullable(),
      closedAt: instant.nullable(),
      closingReport: z.unknown().meta({ description: 'Halt’s closing report as agreed, other pupils redacted; null until closed' }),
    }),
  ),
  shares: z.array(
    z.strictObject({
      id: z.uuid(),
      partner: z.string(),
      purpose: z.string(),
      purposeLabel: z.string(),
      legalBasis: z.string(),
      fields: z.array(z.string()),
      fieldLabels: z.array(z.string()),
      origin: z.string(),
      approvedAt: instant,
      expiresAt: instant,
      revokedAt: instant.nullable(),
      revokeReason: z.string().nullable(),
      status: z.enum(['actief', 'verlopen', 'ingetrokken']),
      incidents: z.number().int(),
    }),
  ),
  accessHistory: z.array(
    z.strictObject({ at: instant, userName: z.string(), role: z.string(), action: z.string(), subjectType: z.string(), reason: z.string().nullable(), breakGlass: z.boolean() }),
  ),
})

const subjectRequest = z.strictObject({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  studentId: z.uuid(),
  studentName: z.string(),
  kind: z.enum(schema.SUBJECT_REQUEST_KINDS),
  requestedBy: z.enum(['ouders', 'leerling']),
  requesterName: z.string(),
  receivedOn: day,
  dueOn: day,
  details: z.string(),
  status: z.enum(['open', 'afgehandeld', 'afgewezen']),
  outcome: z.string().nullable(),
  closedAt: instant.nullable(),
  daysLeft: z.number().int().nullable().meta({ description: 'Open requests: days until the deadline (negative: overdue)' }),
  overdue: z.boolean(),
})

const retentionItems = z.strictObject({
  items: z.array(
    z.strictObject({
      category: z.enum(schema.RETENTION_CATEGORIES),
      label: z.string(),
      months: z.number().int(),
      defaultMonths: z.number().int(),
      isDefault: z.boolean(),
      covers: z.string(),
      justification: z.string(),
      updatedAt: instant.nullable(),
    }),
  ),
})

const dossierEntry = z.strictObject({
  studentId: z.uuid(),
  schoolId: z.uuid(),
  leftOn: day,
  incidentsDeleted: ids,
  incidentsAnonymised: ids,
  measures: ids,
  referrals: ids,
  sharesDeleted: ids,
  sharesUnlinked: ids,
  guardians: ids,
  reportCases: ids,
  acknowledgements: ids,
  portalItems: ids,
  measureAcknowledgements: ids,
})

const purgeReport = z.strictObject({
  asOf: day,
  months: z.record(z.string(), z.number().int()),
  leerlingdossier: z.array(dossierEntry),
  administratie: z.array(z.strictObject({ studentId: z.uuid(), schoolId: z.uuid(), leftOn: day, subjectRequests: ids, legalHolds: ids })),
  gedeeldeGegevens: z.array(z.strictObject({ shareId: z.uuid(), schoolId: z.uuid(), endedOn: day, items: ids })),
  heldStudents: ids,
  toegangslog: z.strictObject({ rowsPastRetention: z.number().int(), action: z.literal('behouden') }),
})

const purgeSummary = z.strictObject({
  dossierStudents: z.number().int(),
  incidentsDeleted: z.number().int(),
  incidentsAnonymised: z.number().int(),
  measures: z.number().int(),
  referrals: z.number().int(),
  sharesDeleted: z.number().int(),
  guardians: z.number().int(),
  reportCases: z.number().int(),
  portalItems: z.number().int(),
  measureAcknowledgements: z.number().int(),
  studentsDeleted: z.number().int(),
  sharedItemsDeleted: z.number().int(),
  heldStudents: z.number().int(),
  accessLogRowsPastRetention: z.number().int(),
  anythingDue: z.boolean(),
})

const purgeRun = z.strictObject({ ok: z.literal(true), runId: z.uuid(), dryRun: z.boolean(), report: purgeReport, summary: purgeSummary })

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const privacyEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/students/{id}/export',
    summary:
      'Everything about one student (AVG art. 15): student and guardians, incidents (other pupils as "leerling A/B", free text redacted), measures with transitions and letters, Halt referrals (status, closing report), shares (partner, purpose, legal basis, fields, dates), who viewed it. Directeur of the student’s school; logged as an export.',
    description: 'JSON by default; with format=pdf the same as a Dutch PDF (application/pdf).',
    useCase: exportStudent,
    query: z.object({ format: z.enum(['json', 'pdf']).optional().default('json') }),
    responses: { 200: { description: 'The export (JSON), or application/pdf with format=pdf', schema: studentExport } },
    errors: [400, 403, 404],
  }),
  endpoint({
    method: 'get',
    path: '/subject-requests',
    summary: 'AVG requests (privacyfunctionaris: the stichting’s; directeur: the own school’s), open ones first by deadline, with daysLeft and overdue',
    useCase: listSubjectRequests,
    query: listSubjectRequestsInput,
    responses: { 200: { description: 'The requests', schema: z.strictObject({ items: z.array(subjectRequest) }) } },
    errors: [400, 403],
  }),
  endpoint({
    method: 'post',
    path: '/subject-requests',
    summary: 'Register a request (inzage, rectificatie, beperking, bezwaar) for a student',
    description:
      'Who requests depends on the student’s age on the day of receipt: under 16 the parents ("ouders"), from 16 the student ("leerling") (AVG art. 8, UAVG art. 5); the wrong one is refused with 400. The deadline is one calendar month after receipt (AVG art. 12(3); 31 Jan → 28/29 Feb). receivedOn is not in the future.',
    useCase: createSubjectRequest,
    responses: { 201: { description: 'Registered', schema: z.strictObject({ ok: z.literal(true), id: z.uuid(), dueOn: day }) } },
    errors: [400, 403, 404, 415],
  }),
  endpoint({
    method: 'post',
    path: '/subject-requests/{id}/close',
    summary: 'Close a request as afgehandeld or afgewezen with its outcome; 409 when already closed',
    useCase: closeSubjectRequest,
    body: closeSubjectRequest.input.omit({ id: true }),
    responses: { 200: { description: 'Closed', schema: z.strictObject({ ok: z.literal(true), id: z.uuid() }) } },
    errors: [400, 403, 404, 409, 415],
  }),
  endpoint({
    method: 'get',
    path: '/retention',
    summary:
      'Retention terms per category in months (defaults: leerlingdossier 24 after leaving, administratie 60, gedeelde_gegevens 12 after a share ended, toegangslog 60), with isDefault. Privacyfunctionaris.',
    useCase: getRetention,
    responses: { 200: { description: 'The terms', schema: retentionItems } },
    errors: [403],
  }),
  endpoint({
    method: 'put',
    path: '/retention',
    summary: 'Set one category’s term (privacyfunctionaris)',
    useCase: setRetention,
    responses: { 200: { description: 'The terms as they now are', schema: retentionItems } },
    errors: [400, 403, 415],
  }),
  endpoint({
    method: 'post',
    path: '/purge',
    summary:
      'dryRun=true (default): report what is due ({asOf} optional), ids and counts only. dryRun=false: the purge, confirming a dry run ({dryRunId}); deletes or anonymises exactly what it reported, skipping students under a legal hold; 409 when anything changed since. Every run is stored. The access log is not purged (append-only, hash-chained): rows past retention are reported. Privacyfunctionaris.',
    query: z.object({ dryRun: z.enum(['true', 'false']).optional().default('true') }),
    body: z.object({ asOf: day.optional().meta({ description: 'Dry run: the peildatum (default today)' }), dryRunId: z.uuid().optional().meta({ description: 'Purge: the dry run confirmed' }) }),
    responses: { 200: { description: 'Dry run', schema: purgeRun }, 201: { description: 'Purge', schema: purgeRun } },
    errors: [400, 403, 404, 409, 415],
  }),
]
