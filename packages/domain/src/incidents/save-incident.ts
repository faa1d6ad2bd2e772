// What registering and changing an incident share (create-incident.ts, update-incident.ts): the
// pupils' groups, the severity rules, the row, its parts and its versions. Every write stores a
// version (who, when, what changed); nothing is overwritten silently.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { eq, inArray, sql } from 'drizzle-orm'
import { schoolYearOf } from '../dates.ts'
import type { ParsedIncidentInput } from './incident-input.ts'
import { diffSnapshots, snapshotOf, type IncidentDetail } from './incident-record.ts'
import { isConfidentialByType, severityRank, suggestSeverity, type Severity } from './severity.ts'
import { recordedBehaviour } from './voorval-codes.ts'
import type { FieldError } from '../result.ts'

export type { FieldError } from '../result.ts'

/** Pupils must be of this school (RLS shows no other); their current group is recorded with them. */
export async function resolvePupils(tx: Tx, persons: ParsedIncidentInput['persons']) {
  const ids = [...new Set(persons.map((p) => p.studentId).filter((id): id is string => !!id))]
  const found = ids.length
    ? await tx
        .select({ id: schema.students.id, groupId: schema.students.groupId })
        .from(schema.students)
        .where(inArray(schema.students.id, ids))
    : []
  const groupOf = new Map(found.map((s) => [s.id, s.groupId]))
  const errors: FieldError[] = []
  persons.forEach((p, i) => {
    if (p.studentId && !groupOf.has(p.studentId)) {
      errors.push({ path: `persons.${i}.studentId`, message: 'Onbekende leerling: kies een leerling van deze school' })
    }
  })
  return { errors, groupOf }
}

/**
 * Severity rules: the suggestion, the chosen level, and a reason when the choice is lower. On a change
 * that does not name a level, the stored one is kept if it is at least the new suggestion or was
 * lowered with a reason; otherwise it rises to the suggestion.
 */
export function decideSeverity(input: ParsedIncidentInput, kept?: { severity: Severity; reason: string | null }) {
  const suggestion = suggestSeverity(input)
  let chosen: Severity = input.severity ?? suggestion.level
  if (!input.severity && kept && (severityRank(kept.severity) >= severityRank(suggestion.level) || kept.reason)) {
    chosen = kept.severity
  }
  const errors: FieldError[] = []
  if (severityRank(chosen) < severityRank(suggestion.level) && !input.severityReason) {
    errors.push({
      path: 'severityReason',
      message: `Het voorgestelde niveau is ${suggestion.level.replace('_', ' ')}; geef een reden om het te verlagen`,
    })
  }
  return { suggestion, chosen, errors }
}

export function rowValues(input: ParsedIncidentInput, suggested: Severity, chosen: Severity) {
  const { verbalAggression, physicalAggression, vandalism } = recordedBehaviour(input)
  return {
    schoolYear: schoolYearOf(input.occurredAt),
    occurredAt: input.occurredAt,
    locationCode: input.locationCode ?? null,
    locationNote: input.locationNote,
    situation: input.situation,
    verbalAggression,
    verbalForm: verbalAggression ? input.verbalForm : null,
    verbalAgainst: verbalAggression ? input.verbalAgainst : null,
    physicalAggression,
    physicalForm: physicalAggression ? input.physicalForm : null,
    physicalAgainst: physicalAggression ? input.physicalAgainst : null,
    vandalism,
    vandalismForm: vandalism ? input.vandalismForm : null,
    vandalismAgainst: vandalism ? input.vandalismAgainst : null,
    leftPremises: input.leftPremises,
    objectThrownAtPerson: input.objectThrownAtPerson,
    motiveCode: input.motiveCode ?? null,
    motiveNote: input.motiveNote,
    analysis: input.analysis,
    agreements: input.agreements,
    parentsContacted: input.parentsContacted,
    parentsContactedAt: input.parentsContacted ? (input.parentsContactedAt ?? null) : null,
    parentsContactedBy: input.parentsContacted ? input.parentsContactedBy : null,
    suggestedSeverity: suggested,
    severity: chosen,
    // The reason is kept only when it explains a lowering.
    severityReason: severityRank(chosen) < severityRank(suggested) ? input.severityReason : null,
    // Sexual intimidation and abuse are always confidential (for the vertrouwenspersoon and the
    // directeur only); others when marked so.
    confidential: input.confidential || isConfidentialByType(input.voorval),
    policeReportKind: input.policeReportKind ?? null,
    policeReportedOn: input.policeReportKind ? (input.policeReportedOn ?? null) : null,
    policeReportedBy: input.policeReportKind ? input.policeReportedBy : null,
    policeOnBehalfOfVictim: input.policeReportKind ? (input.policeOnBehalfOfVictim ?? false) : null,
  }
}

export async function writeChildren(
  tx: Tx,
  tenant: { stichtingId: string; schoolId: string },
  incidentId: string,
  input: ParsedIncidentInput,
  groupOf: Map<string, string | null>,
) {
  await tx.delete(schema.incidentCodes).where(eq(schema.incidentCodes.incidentId, incidentId))
  await tx.delete(schema.incidentPersons).where(eq(schema.incidentPersons.incidentId, incidentId))
  const codes = (['voorval', 'voorwerp', 'afhandeling'] as const).flatMap((list) =>
    [...new Set(input[list])].map((code) => ({ ...tenant, incidentId, list, code })),
  )
  if (codes.length) await tx.insert(schema.incidentCodes).values(codes)
  await tx.insert(schema.incidentPersons).values(
    input.persons.map((p, position) => ({
      ...tenant,
      incidentId,
      role: p.role,
      kind: p.kind,
      studentId: p.studentId ?? null,
      groupId: p.studentId ? (groupOf.get(p.studentId) ?? null) : null,
      description: p.description,
      injury: p.injury,
      outcome: p.outcome,
      position,
    })),
  )
}

/**
 * The state after a write, built from what is being written (not read back: after a write the editor
 * may no longer see a now-confidential incident). Same shape as snapshotOf(loadIncident(...)).
 */
export function snapshotAfter(base: Omit<IncidentDetail, 'voorval' | 'voorwerp' | 'afhandeling' | 'persons'>, input: ParsedIncidentInput, groupOf: Map<string, string | null>) {
  const codes = (list: 'voorval' | 'voorwerp' | 'afhandeling') =>
    [...new Set(input[list])].sort((a, b) => a - b).map((code) => ({ code, label: '' }))
  return snapshotOf({
    ...base,
    voorval: codes('voorval'),
    voorwerp: codes('voorwerp'),
    afhandeling: codes('afhandeling'),
    persons: input.persons.map((p, i) => ({
      id: String(i),
      role: p.role,
      kind: p.kind,
      studentId: p.studentId ?? null,
      studentName: null,
      groupId: p.studentId ? (groupOf.get(p.studentId) ?? null) : null,
      groupName: null,
      description: p.description,
      injury: p.injury,
      outcome: p.outcome,
    })),
  })
}

export async function recordVersion(
  tx: Tx,
  ctx: TenantContext,
  tenant: { stichtingId: string; schoolId: string },
  incidentId: string,
  version: number,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
) {
  await tx.insert(schema.incidentVersions).values({
    ...tenant,
    incidentId,
    version,
    changedById: ctx.userId,
    changes: diffSnapshots(before ?? {}, after),
    snapshot: after,
  })
}

export function finalise(tx: Tx, id: string, confidential: boolean, submit: boolean) {
  return tx.execute(sql`select finalise_incident(${id}::uuid, ${confidential}, ${submit})`)
}
