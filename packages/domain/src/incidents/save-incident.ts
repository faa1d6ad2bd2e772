// Registering and changing an incident. Every write stores a version (who, when, what changed);
// nothing is overwritten silently. Validation errors come back as a list, and nothing is saved.
import { schema, type TenantContext, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { schoolYearOf } from '../school-year.ts'
import { createIncidentInput, INCIDENT_INPUT_FIELDS, updateIncidentInput, type ParsedIncidentInput } from './incident-input.ts'
import { diffSnapshots, loadIncident, snapshotOf } from './incident-record.ts'
import { isConfidentialByType, severityRank, suggestSeverity, type Severity } from './severity.ts'

export interface FieldError {
  path: string
  message: string
}

export type SaveResult =
  | { ok: true; id: string; version: number }
  | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldError[] }

function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

const invalid = (errors: FieldError[]): SaveResult => ({ ok: false, status: 400, errors })

/** Pupils must be of this school (RLS shows no other); their current group is recorded with them. */
async function resolvePupils(tx: Tx, persons: ParsedIncidentInput['persons']) {
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
function decideSeverity(input: ParsedIncidentInput, kept?: { severity: Severity; reason: string | null }) {
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

function rowValues(input: ParsedIncidentInput, suggested: Severity, chosen: Severity) {
  return {
    schoolYear: schoolYearOf(input.occurredAt),
    occurredAt: input.occurredAt,
    locationCode: input.locationCode ?? null,
    locationNote: input.locationNote,
    situation: input.situation,
    verbalAggression: input.verbalAggression,
    verbalForm: input.verbalAggression ? input.verbalForm : null,
    verbalAgainst: input.verbalAggression ? input.verbalAgainst : null,
    physicalAggression: input.physicalAggression,
    physicalForm: input.physicalAggression ? input.physicalForm : null,
    physicalAgainst: input.physicalAggression ? input.physicalAgainst : null,
    vandalism: input.vandalism,
    vandalismForm: input.vandalism ? input.vandalismForm : null,
    vandalismAgainst: input.vandalism ? input.vandalismAgainst : null,
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
    // Sexual intimidation and abuse are always confidential (BRIEF §1); others when marked so.
    confidential: input.confidential || isConfidentialByType(input.voorval),
    policeReportKind: input.policeReportKind ?? null,
    policeReportedOn: input.policeReportKind ? (input.policeReportedOn ?? null) : null,
    policeReportedBy: input.policeReportKind ? input.policeReportedBy : null,
    policeOnBehalfOfVictim: input.policeReportKind ? (input.policeOnBehalfOfVictim ?? false) : null,
  }
}

async function writeChildren(
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

async function recordVersion(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  incidentId: string,
  version: number,
  before: Record<string, unknown> | null,
) {
  // Read back through the same walls: the author may no longer see a confidential incident, so
  // the snapshot is taken with a read that falls back to the raw row via the update ability.
  const detail = (await loadIncident(tx, ability, incidentId, 'read')) ?? (await loadIncident(tx, ability, incidentId, 'update'))
  if (!detail) return
  const snapshot = snapshotOf(detail)
  const changes = before ? diffSnapshots(before, snapshot) : diffSnapshots({}, snapshot)
  await tx.insert(schema.incidentVersions).values({
    stichtingId: ctx.stichtingId!,
    schoolId: ctx.schoolId!,
    incidentId,
    version,
    changedById: ctx.userId,
    changes,
    snapshot,
  })
}

export async function createIncident(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown): Promise<SaveResult> {
  if (!ctx.schoolId || !ctx.stichtingId || !ability.can('create', 'Incident')) {
    return { ok: false, status: 403, errors: [{ path: '', message: 'Je mag geen incidenten registreren.' }] }
  }
  const parsed = createIncidentInput.safeParse(raw)
  if (!parsed.success) return invalid(zodErrors(parsed.error))
  const input = parsed.data
  const severity = decideSeverity(input)
  const pupils = await resolvePupils(tx, input.persons)
  const errors = [...severity.errors, ...pupils.errors]
  if (errors.length) return invalid(errors)

  const tenant = { stichtingId: ctx.stichtingId, schoolId: ctx.schoolId }
  const now = new Date()
  const [row] = await tx
    .insert(schema.incidents)
    .values({
      ...tenant,
      ...rowValues(input, severity.suggestion.level, severity.chosen),
      status: input.submit ? 'submitted' : 'draft',
      submittedAt: input.submit ? now : null,
      reportedById: ctx.userId,
    })
    .returning({ id: schema.incidents.id })
  await writeChildren(tx, tenant, row!.id, input, pupils.groupOf)
  await recordVersion(tx, ability, ctx, row!.id, 1, null)
  return { ok: true, id: row!.id, version: 1 }
}

/** Applies a change (any subset of fields) on top of the current note; a draft can be submitted. */
export async function updateIncident(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  id: string,
  raw: unknown,
): Promise<SaveResult> {
  const parsed = updateIncidentInput.safeParse(raw)
  if (!parsed.success) return invalid(zodErrors(parsed.error))
  const current = await loadIncident(tx, ability, id, 'update')
  if (!current) return { ok: false, status: 404, errors: [{ path: 'id', message: 'Incident niet gevonden.' }] }
  const { expectedVersion, submit, ...patch } = parsed.data
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    return {
      ok: false,
      status: 409,
      errors: [{ path: 'expectedVersion', message: `Het incident is intussen gewijzigd (versie ${current.version}); laad het opnieuw.` }],
    }
  }
  if (submit === false && current.status === 'submitted') {
    return invalid([{ path: 'submit', message: 'Een ingediend incident wordt niet terug een concept.' }])
  }
  const before = snapshotOf(current)
  const stored = Object.fromEntries(INCIDENT_INPUT_FIELDS.map((k) => [k, before[k]]))
  const changed = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
  const merged = createIncidentInput.safeParse({
    ...stored,
    severity: undefined,
    ...changed,
    submit: submit ?? current.status === 'submitted',
  })
  if (!merged.success) return invalid(zodErrors(merged.error))
  const input = merged.data
  const kept = patch.severity === undefined ? { severity: current.severity, reason: current.severityReason } : undefined
  if (kept && patch.severityReason === undefined) input.severityReason = current.severityReason
  const severity = decideSeverity(input, kept)
  const pupils = await resolvePupils(tx, input.persons)
  const errors = [...severity.errors, ...pupils.errors]
  if (errors.length) return invalid(errors)

  const version = current.version + 1
  const submitting = current.status === 'draft' && input.submit
  await tx
    .update(schema.incidents)
    .set({
      ...rowValues(input, severity.suggestion.level, severity.chosen),
      status: current.status === 'submitted' || submitting ? 'submitted' : 'draft',
      submittedAt: current.submittedAt ?? (submitting ? new Date() : null),
      version,
      updatedAt: new Date(),
    })
    .where(and(eq(schema.incidents.id, id), eq(schema.incidents.version, current.version)))
  await writeChildren(tx, { stichtingId: current.stichtingId, schoolId: current.schoolId }, id, input, pupils.groupOf)
  await recordVersion(tx, ability, ctx, id, version, before)
  return { ok: true, id, version }
}
