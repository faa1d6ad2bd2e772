// Registering and changing an incident. Every write stores a version (who, when, what changed);
// nothing is overwritten silently, and a change that changes nothing writes nothing. Validation errors come back as a list, and nothing is saved.
import { schema, type TenantContext, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { schoolYearOf } from '../dates.ts'
import { createIncidentInput, INCIDENT_INPUT_FIELDS, updateIncidentInput, type ParsedIncidentInput } from './incident-input.ts'
import { diffSnapshots, loadIncident, snapshotOf, type IncidentDetail } from './incident-record.ts'
import { isConfidentialByType, severityRank, suggestSeverity, type Severity } from './severity.ts'
import { zodErrors, type FieldError } from '../result.ts'

export type { FieldError } from '../result.ts'

export type SaveResult =
  | { ok: true; id: string; version: number }
  | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldError[] }


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
    // Sexual intimidation and abuse are always confidential (for the vertrouwenspersoon and the
    // directeur only); others when marked so.
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

/**
 * The state after a write, built from what is being written (not read back: after a write the editor
 * may no longer see a now-confidential incident). Same shape as snapshotOf(loadIncident(...)).
 */
function snapshotAfter(base: Omit<IncidentDetail, 'voorval' | 'voorwerp' | 'afhandeling' | 'persons'>, input: ParsedIncidentInput, groupOf: Map<string, string | null>) {
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

async function recordVersion(
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

function finalise(tx: Tx, id: string, confidential: boolean, submit: boolean) {
  return tx.execute(sql`select finalise_incident(${id}::uuid, ${confidential}, ${submit})`)
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
  const id = crypto.randomUUID()
  const values = rowValues(input, severity.suggestion.level, severity.chosen)
  // Written as a draft first: the author must see the row while its parts and first version are
  // written; submitting (which may hide a confidential incident from the author) comes last.
  // No RETURNING, for the same reason.
  await tx.insert(schema.incidents).values({ id, ...tenant, ...values, status: 'draft', reportedById: ctx.userId })
  await writeChildren(tx, tenant, id, input, pupils.groupOf)
  const after = snapshotAfter(
    {
      id,
      ...tenant,
      ...values,
      status: input.submit ? 'submitted' : 'draft',
      submittedAt: input.submit ? now : null,
      reportedById: ctx.userId,
      version: 1,
      createdAt: now,
      updatedAt: now,
      location: null,
      motive: null,
      reportedByName: null,
    },
    input,
    pupils.groupOf,
  )
  await recordVersion(tx, ctx, tenant, id, 1, null, after)
  if (input.submit) await finalise(tx, id, values.confidential, true)
  return { ok: true, id, version: 1 }
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
  const { expectedVersion, submit, ...parsedPatch } = parsed.data
  // Only the fields the caller sent (the schema's defaults must not overwrite stored values).
  const sent = new Set(Object.keys(raw as object))
  if ([...sent].every((k) => k === 'expectedVersion')) {
    return invalid([{ path: '', message: 'Niets te wijzigen: geef minstens één veld dat verandert.' }])
  }
  const patch = Object.fromEntries(Object.entries(parsedPatch).filter(([k]) => sent.has(k))) as typeof parsedPatch
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
  const now = new Date()
  const values = {
    ...rowValues(input, severity.suggestion.level, severity.chosen),
    status: current.status === 'submitted' || submitting ? ('submitted' as const) : ('draft' as const),
    submittedAt: current.submittedAt ?? (submitting ? now : null),
    version,
    updatedAt: now,
  }
  const tenant = { stichtingId: current.stichtingId, schoolId: current.schoolId }
  const after = snapshotAfter({ ...current, ...values }, input, pupils.groupOf)
  // A change that changes nothing (the form saved as it was, a field sent with its stored value)
  // writes nothing: no version, no new updatedAt.
  if (!submitting && diffSnapshots(before, after).length === 0) return { ok: true, id, version: current.version }
  // Parts and the version first, the row itself last (see createIncident).
  await writeChildren(tx, tenant, id, input, pupils.groupOf)
  await recordVersion(tx, ctx, tenant, id, version, before, after)
  // Submitting and raising confidentiality go through finalise_incident (migration 0006): they may
  // hide the incident from the editor, which an ordinary UPDATE under RLS does not allow.
  const raises = values.confidential && !current.confidential
  await tx
    .update(schema.incidents)
    .set({ ...values, status: current.status, submittedAt: current.submittedAt, confidential: raises ? false : values.confidential })
    .where(and(eq(schema.incidents.id, id), eq(schema.incidents.version, current.version)))
  if (raises || submitting) await finalise(tx, id, values.confidential, submitting)
  return { ok: true, id, version }
}
