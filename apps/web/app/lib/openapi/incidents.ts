// OpenAPI paths of the caller, pupils and incidents (merged into lib/openapi.ts). Keys are paths under /api/v1.
// The operations are generated from the use cases' zod schemas; the responses are zod schemas of
// what the routes answer (JSON: dates as ISO strings).
import {
  ACKNOWLEDGEMENT_METHODS,
  createIncident,
  createIncidentInput,
  createTask,
  createTaskInput,
  exportParentReport,
  listAcknowledgements,
  listBoardCounts,
  listIncidents,
  listOverdueTasks,
  listTasks,
  PERSON_KINDS,
  PERSON_ROLES,
  readDossier,
  readIncident,
  readOverview,
  readParticipantView,
  readStudent,
  recordAcknowledgement,
  recordAcknowledgementInput,
  searchStudents,
  SEVERITIES,
  updateIncident,
  updateIncidentInput,
  updateTask,
  updateTaskInput,
} from '@baken/domain'
import { ROLES } from '@baken/db'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'
import { breakGlassReasonParameter } from './access-log.ts'


// ---- Response schemas ------------------------------------------------------------------------------

const id = z.uuid()
const dateTime = z.iso.datetime({ offset: true })
const date = z.iso.date()
const severity = z.enum(SEVERITIES)
const coded = z.object({ code: z.number().int(), label: z.string() })

/** A step on one record: its id. */
const created = z.object({ id })
const versioned = z.object({ id, version: z.number().int() })

const studentItem = z.object({
  id,
  externalId: z.string().nullable().describe('Number in the student administration'),
  firstName: z.string(),
  infix: z.string().nullable().describe('tussenvoegsel'),
  lastName: z.string(),
  displayName: z.string(),
  dateOfBirth: date,
  status: z.enum(['active', 'left']),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  schoolId: id,
})

const studentDetail = studentItem.extend({
  enrolledOn: date.nullable(),
  leftOn: date.nullable(),
  guardians: z
    .array(z.object({ id, name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), relation: z.string() }))
    .nullable()
    .describe('Only for roles that may read guardians (directeur, intern_begeleider); otherwise null'),
})

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })

const incidentListItem = z.object({
  id,
  occurredAt: dateTime,
  schoolYear: z.string(),
  status: z.enum(['draft', 'submitted']),
  severity,
  confidential: z.boolean(),
  reportedById: id,
  location: z.string().nullable(),
  types: z.array(coded),
  pupils: z.array(z.object({ studentId: id, name: z.string(), role: z.enum(PERSON_ROLES), groupName: z.string().nullable() })),
})

const incidentPerson = z.object({
  id,
  role: z.enum(PERSON_ROLES),
  kind: z.enum(PERSON_KINDS),
  studentId: id.nullable(),
  studentName: z.string().nullable(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  description: z.string().nullable(),
  injury: z.string().nullable(),
  outcome: z.string().nullable(),
})

const severitySuggestion = z.object({
  level: severity,
  rules: z.array(z.object({ id: z.string(), level: severity, text: z.string(), source: z.string() })),
})

const guidance = z.object({
  key: z.string(),
  title: z.string(),
  source: z.string(),
  irisVoorval: z.array(z.number().int()),
  generalDefinition: z.string(),
  legalDefinition: z.string(),
  whenToInformPolice: z.string(),
  policeHaltReferral: z.object({ possible: z.boolean(), note: z.string() }),
  schoolMeasures: z.array(z.string()),
  policeMeasures: z.array(z.string()),
  helpOptions: z.array(z.object({ key: z.string(), label: z.string(), when: z.string().optional() })),
})

const incidentDetail = z.object({
  id,
  stichtingId: id,
  schoolId: id,
  status: z.enum(['draft', 'submitted']),
  schoolYear: z.string(),
  occurredAt: dateTime,
  locationCode: z.number().int().nullable(),
  location: coded.nullable(),
  locationNote: z.string().nullable(),
  situation: z.string(),
  verbalAggression: z.boolean(),
  verbalForm: z.string().nullable(),
  verbalAgainst: z.string().nullable(),
  physicalAggression: z.boolean(),
  physicalForm: z.string().nullable(),
  physicalAgainst: z.string().nullable(),
  vandalism: z.boolean(),
  vandalismForm: z.string().nullable(),
  vandalismAgainst: z.string().nullable(),
  leftPremises: z.boolean(),
  objectThrownAtPerson: z.boolean(),
  motiveCode: z.number().int().nullable(),
  motive: coded.nullable(),
  motiveNote: z.string().nullable(),
  analysis: z.string().nullable(),
  agreements: z.string().nullable(),
  parentsContacted: z.boolean(),
  parentsContactedAt: dateTime.nullable(),
  parentsContactedBy: z.string().nullable(),
  suggestedSeverity: severity,
  severity,
  severityReason: z.string().nullable(),
  confidential: z.boolean(),
  policeReportKind: z.enum(['melding', 'aangifte']).nullable(),
  policeReportedOn: date.nullable(),
  policeReportedBy: z.string().nullable(),
  policeOnBehalfOfVictim: z.boolean().nullable(),
  reportedById: id,
  reportedByName: z.string().nullable(),
  version: z.number().int(),
  createdAt: dateTime,
  updatedAt: dateTime,
  submittedAt: dateTime.nullable(),
  voorval: z.array(coded),
  voorwerp: z.array(coded),
  afhandeling: z.array(coded),
  persons: z.array(incidentPerson),
  severitySuggestion,
  guidance: z.array(guidance),
  versions: z.array(
    z.object({
      version: z.number().int(),
      changedAt: dateTime,
      changedBy: z.string().nullable(),
      changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
    }),
  ),
})

const taskItem = z.object({
  id,
  incidentId: id,
  kind: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  ownerId: id,
  ownerName: z.string().nullable(),
  dueOn: date,
  doneAt: dateTime.nullable(),
  doneById: id.nullable(),
  doneByName: z.string().nullable(),
  note: z.string().nullable(),
  createdById: id,
  createdAt: dateTime,
  overdue: z.boolean().describe('Open and due before today (Dutch date)'),
  canUpdate: z.boolean().describe('Whether the caller may complete this task'),
})

const overdueTask = taskItem.extend({ incidentOccurredAt: dateTime, incidentSeverity: severity, incidentConfidential: z.boolean() })

const victimCareProposal = z.object({
  kind: z.string(),
  title: z.string(),
  description: z.string(),
  source: z.string(),
  dueAfterDays: z.number().int(),
  protocolDueOn: date.describe('The incident’s (Dutch) date plus dueAfterDays'),
  dueOn: date.describe('What to plan: the protocol’s date, or today when that has passed'),
  planned: z.boolean().describe('A task of this kind already exists on the incident'),
})

const acknowledgement = z.object({
  id,
  incidentId: id,
  studentId: id.nullable(),
  guardianName: z.string(),
  acknowledgedOn: date,
  method: z.enum(ACKNOWLEDGEMENT_METHODS),
  recordedById: id,
  recordedByName: z.string().nullable(),
  recordedAt: dateTime,
  note: z.string().nullable(),
})

const participantView = z.object({
  schoolName: z.string(),
  occurredAt: dateTime,
  location: z.string().nullable(),
  types: z.array(z.string()),
  situation: z.string(),
  behaviour: z.array(z.tuple([z.string(), z.string()])).describe('Verbal, physical aggression and vandalism as recorded: [label, description]'),
  persons: z.array(z.object({ role: z.string(), who: z.string(), injury: z.string().nullable(), outcome: z.string().nullable() })),
  measures: z.array(z.string()),
  analysis: z.string().nullable(),
  agreements: z.string().nullable(),
  parentsContacted: z.string().nullable(),
  pupil: z.object({ name: z.string(), groupName: z.string().nullable() }),
  contact: z.object({ name: z.string(), email: z.string().nullable() }),
  generatedAt: dateTime,
  incidentRef: z.string(),
})

const dossierEntry = z.object({
  kind: z.literal('incident'),
  at: dateTime,
  incidentId: id,
  role: z.enum(PERSON_ROLES),
  severity,
  status: z.enum(['draft', 'submitted']),
  confidential: z.boolean(),
  types: z.array(z.string()),
  summary: z.string(),
})

const count = <K extends z.ZodType>(key: K) => z.array(z.object({ key, label: z.string(), count: z.number().int() }))

const overview = z.object({
  school: z.object({ id, name: z.string(), brin: z.string() }),
  schooljaar: z.string(),
  rows: z.array(
    z.object({
      incidentId: id,
      studentId: id,
      naam: z.string(),
      datum: date,
      occurredAt: dateTime,
      groep: z.string().nullable(),
      rol: z.enum(PERSON_ROLES),
      incident: z.string(),
      ernst: severity,
      sanctie: z.string(),
      vertrouwelijk: z.boolean(),
    }),
  ),
  analysis: z.object({
    total: z.number().int(),
    perType: count(z.number().int()),
    perLocation: count(z.number().int().nullable()),
    perMonth: count(z.number().int()),
    perWeekday: count(z.number().int()),
    perHour: count(z.number().int()),
    perSeverity: count(severity),
  }),
})

const boardCounts = z.object({
  schooljaar: z.string(),
  schools: z.array(
    z.object({
      schoolId: id,
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
})

/** The zod schemas of the request bodies and responses, for the components and for tests. */
export const incidentSchemas = { incidentInput: createIncidentInput, studentItem, studentDetail, incidentListItem, incidentDetail, taskItem, overdueTask, participantView, overview, boardCounts }

const organisationKind = z.enum(['school', 'stichting', 'partner', 'platform'])
const me = z.union([
  z.object({
    user: z.object({ id, email: z.string(), name: z.string() }),
    membership: z.object({ id, role: z.enum(ROLES) }),
    organisation: z.object({ kind: organisationKind, id: id.nullable(), name: z.string() }),
    role: z.enum(ROLES),
    authenticatedBy: z.enum(['session', 'token']),
  }),
  z
    .object({
      user: z.object({ id, email: z.string(), name: z.string() }),
      membership: z.null(),
      organisation: z.null(),
      role: z.null(),
      memberships: z.array(z.object({ id, role: z.enum(ROLES), organisationKind, organisationName: z.string(), parentName: z.string().nullable() })),
    })
    .describe('Signed in without an active membership: the memberships to choose from'),
])

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const incidentsEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/me',
    summary: 'The caller: user, active membership, organisation and role',
    responses: { 200: { description: 'The caller', schema: me } },
  }),
  endpoint({
    method: 'get',
    path: '/students',
    summary: 'Pupils of the caller’s school (school roles only)',
    useCase: searchStudents,
    query: searchStudents.input,
    responses: { 200: { description: 'A page of pupils', schema: page(studentItem) } },
    errors: [400, 403],
  }),
  endpoint({
    method: 'get',
    path: '/students/{id}',
    summary: 'One pupil',
    useCase: readStudent,
    responses: { 200: { description: 'The pupil', schema: studentDetail } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'get',
    path: '/students/{id}/dossier',
    summary: 'The pupil and one chronology of their incidents with their role in each',
    useCase: readDossier,
    parameters: [breakGlassReasonParameter],
    responses: { 200: { description: 'The dossier', schema: z.object({ student: studentDetail, entries: z.array(dossierEntry) }) } },
    errors: [400, 403, 404],
  }),
  endpoint({
    method: 'get',
    path: '/incidents',
    summary: 'Incidents the caller may read (school roles; a leerkracht: own reports and own groups)',
    useCase: listIncidents,
    query: listIncidents.input,
    responses: { 200: { description: 'A page of incidents', schema: page(incidentListItem) } },
    errors: [400, 403],
  }),
  endpoint({
    method: 'post',
    path: '/incidents',
    summary: 'Register an incident (the Bijlage 1 note); a draft unless submit is true',
    useCase: createIncident,
    body: createIncidentInput,
    responses: { 201: { description: 'Created', schema: versioned } },
    errors: [400, 403],
  }),
  endpoint({
    method: 'get',
    path: '/incidents/{id}',
    summary: 'One incident with persons, IRIS labels, severity suggestion (rules and source), §6.4 guidance and version history',
    useCase: readIncident,
    parameters: [breakGlassReasonParameter],
    responses: { 200: { description: 'The incident', schema: incidentDetail } },
    errors: [400, 403, 404],
  }),
  endpoint({
    method: 'patch',
    path: '/incidents/{id}',
    summary: 'Change fields (any subset of the note, plus expectedVersion); each change is kept as a version',
    useCase: updateIncident,
    body: updateIncidentInput,
    responses: { 200: { description: 'Changed (or unchanged: the same version)', schema: versioned } },
    errors: [400, 403, 404, 409],
  }),
  endpoint({
    method: 'get',
    path: '/incidents/{id}/tasks',
    summary: 'Follow-up tasks of an incident, and for those who plan (directeur, IB) the §4 victim-care proposals',
    useCase: listTasks,
    responses: { 200: { description: 'The tasks', schema: z.object({ items: z.array(taskItem), proposals: z.array(victimCareProposal) }) } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/incidents/{id}/tasks',
    summary: 'Plan a task: kind (a §4 step key or "overig"), title, description?, ownerId (staff of the school), dueOn (YYYY-MM-DD)',
    useCase: createTask,
    body: createTaskInput,
    responses: { 201: { description: 'Planned', schema: created } },
    errors: [400, 403, 404, 409],
  }),
  endpoint({
    method: 'patch',
    path: '/incidents/{id}/tasks/{taskId}',
    summary: 'Complete, reassign or reschedule a task: any of {done, note, ownerId, dueOn, title, description}',
    useCase: updateTask,
    body: updateTaskInput,
    responses: { 200: { description: 'Changed', schema: created } },
    errors: [400, 403, 404],
  }),
  endpoint({
    method: 'get',
    path: '/tasks/overdue',
    summary: 'Open follow-up tasks past their due date at the caller’s school',
    useCase: listOverdueTasks,
    query: listOverdueTasks.input,
    responses: { 200: { description: 'A page of the overdue tasks, the oldest first', schema: page(overdueTask) } },
    errors: [400, 403],
  }),
  endpoint({
    method: 'get',
    path: '/incidents/{id}/acknowledgements',
    summary: 'Records that parents signed the report "voor gezien"',
    useCase: listAcknowledgements,
    responses: { 200: { description: 'Oldest first', schema: z.object({ items: z.array(acknowledgement) }) } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/incidents/{id}/acknowledgements',
    summary: 'Record "voor gezien" for a zeer ernstig incident (409 for any other incident)',
    useCase: recordAcknowledgement,
    body: recordAcknowledgementInput,
    responses: { 201: { description: 'Recorded', schema: created } },
    errors: [400, 403, 404, 409],
  }),
  endpoint({
    method: 'get',
    path: '/incidents/{id}/participants/{studentId}',
    summary: 'One pupil’s view of the incident, other pupils as "leerling A", "leerling B" (for parents and access requests)',
    useCase: readParticipantView,
    parameters: [breakGlassReasonParameter],
    responses: { 200: { description: 'The redacted incident', schema: participantView } },
    errors: [400, 403, 404],
  }),
  endpoint({
    method: 'get',
    path: '/incidents/{id}/parent-report.pdf',
    summary: 'The report for the parents of one pupil of a zeer ernstig incident (PDF; other pupils as "leerling A", "leerling B")',
    useCase: exportParentReport,
    query: z.object({ studentId: z.uuid() }),
    parameters: [breakGlassReasonParameter],
    responses: { 200: { description: 'The report', mediaType: 'application/pdf' } },
    errors: [400, 403, 404, 409],
  }),
  endpoint({
    method: 'get',
    path: '/schools/{id}/overview',
    summary: 'Yearly overview of the caller’s own school (Bijlage 2) and the RI&E counts; directeur and intern_begeleider',
    description:
      'One row per pupil involved in a submitted incident of the schooljaar (1 August – 31 July, Dutch time). Any id other than the caller’s own school answers 404. format=csv: a text/csv attachment, UTF-8 with BOM, ";"-separated, formula-injection safe. format=xlsx: an XLSX attachment with the overview plus an RI&E sheet.',
    useCase: readOverview,
    query: readOverview.input.pick({ schooljaar: true, format: true }),
    responses: { 200: { description: 'JSON {school, schooljaar, rows, analysis} (format=json), or a CSV/XLSX attachment', schema: overview } },
    errors: [400, 403, 404],
  }),
  endpoint({
    method: 'get',
    path: '/stichting/incident-counts',
    summary: 'For the bestuurder: counts of submitted incidents per school of the stichting (no content)',
    useCase: listBoardCounts,
    query: listBoardCounts.input,
    responses: { 200: { description: 'Counts per school', schema: boardCounts } },
    errors: [400, 403],
  }),
]
