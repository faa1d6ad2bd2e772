// Turns the incident form's fields into the domain's input shape (the API takes JSON directly).
// Checkboxes arrive as "on" or not at all; lists as repeated names; persons as persons.N.field.
import type { Tx } from '@baken/db'
import { BEHAVIOUR_GUIDANCE, irisCodes, listStudents, parseDateTime, taughtGroupIds } from '@baken/domain'
import { COMMON_VOORVAL } from '@baken/domain/severity'
import type { AppAbility } from '@baken/permissions'

const BOOLEAN_FIELDS = [
  'verbalAggression',
  'physicalAggression',
  'vandalism',
  'leftPremises',
  'objectThrownAtPerson',
  'parentsContacted',
  'confidential',
  'policeOnBehalfOfVictim',
] as const
const LIST_FIELDS = ['voorval', 'voorwerp', 'afhandeling'] as const
const TEXT_FIELDS = [
  'occurredAt',
  'locationCode',
  'locationNote',
  'situation',
  'verbalForm',
  'verbalAgainst',
  'physicalForm',
  'physicalAgainst',
  'vandalismForm',
  'vandalismAgainst',
  'motiveCode',
  'motiveNote',
  'analysis',
  'agreements',
  'parentsContactedAt',
  'parentsContactedBy',
  'severity',
  'severityReason',
  'policeReportKind',
  'policeReportedOn',
  'policeReportedBy',
] as const

/**
 * datetime-local values have no zone: they are Dutch local time (input-rules' parseDateTime). A
 * value that is no real date and time is passed on as typed, for the schema to refuse at its field.
 */
function fromLocalDateTime(value: string): string {
  return parseDateTime(value)?.toISOString() ?? value
}

export function incidentInputFromForm(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of TEXT_FIELDS) {
    const v = form.get(f)
    if (typeof v === 'string' && v.trim() !== '') out[f] = v
  }
  for (const f of ['occurredAt', 'parentsContactedAt'] as const) {
    if (typeof out[f] === 'string') out[f] = fromLocalDateTime(out[f] as string)
  }
  for (const f of BOOLEAN_FIELDS) out[f] = form.get(f) === 'on'
  if (!out.policeReportKind) delete out.policeOnBehalfOfVictim
  for (const f of LIST_FIELDS) out[f] = form.getAll(f).map(String).filter(Boolean)
  const persons: Record<string, string>[] = []
  for (const [key, value] of form.entries()) {
    const m = /^persons\.(\d+)\.(role|kind|studentId|description|injury|outcome)$/.exec(key)
    if (!m || typeof value !== 'string') continue
    const i = Number(m[1])
    persons[i] ??= {}
    persons[i]![m[2]!] = value
  }
  // Rows left empty on the form are not persons.
  out.persons = persons
    .filter((p) => p && (p.studentId || p.description?.trim()))
    .map((p) => ({
      role: p.role,
      kind: p.kind,
      studentId: p.kind === 'leerling' ? p.studentId || null : null,
      description: p.kind === 'leerling' ? null : p.description || null,
      injury: p.injury || null,
      outcome: p.outcome || null,
    }))
  out.submit = form.get('intent') === 'submit'
  return out
}

/**
 * The form's errors in the words of the form: a person's error names its row ("Kies een leerling bij
 * Betrokkene 1") and points at that row's field, also when no row was filled in at all.
 */
export function incidentPageErrors(errors: readonly { path: string; message: string }[]): { path: string; message: string }[] {
  return errors.map((raw) => {
    // "10000" as a Dutch reader writes it.
    const e = { path: raw.path, message: raw.message.replace(/\b(\d{1,3})(\d{3})\b/g, '$1.$2') }
    if (e.path === 'persons') return { path: 'persons.0.studentId', message: 'Kies een leerling bij Betrokkene 1 (of kies bij "Wie" een volwassene en omschrijf die)' }
    const m = /^persons\.(\d+)\.(\w+)$/.exec(e.path)
    if (!m) return e
    const row = `Betrokkene ${Number(m[1]) + 1}`
    if (m[2] === 'studentId' && e.message === 'Kies de leerling') return { path: e.path, message: `Kies een leerling bij ${row}` }
    return { path: e.path, message: `${row}: ${e.message}` }
  })
}

/** What the form needs: IRIS lists, the school's pupils (own groups marked), the §6.4 guidance. */
export async function incidentFormOptions(tx: Tx, ability: AppAbility, userId: string) {
  const pupils = await listStudents(tx, ability, { pageSize: 200, page: 1 })
  // A school larger than one page: fetch the rest (the select stays usable with optgroups).
  const all = [...pupils.items]
  for (let page = 2; all.length < pupils.total; page++) {
    all.push(...(await listStudents(tx, ability, { pageSize: 200, page })).items)
  }
  const own = new Set(await taughtGroupIds(tx, userId))
  return {
    commonVoorval: COMMON_VOORVAL,
    iris: {
      voorval: irisCodes('voorval'),
      locatie: irisCodes('locatie'),
      voorwerp: irisCodes('voorwerp'),
      motief: irisCodes('motief'),
      afhandeling: irisCodes('afhandeling'),
    },
    pupils: all.map((p) => ({ id: p.id, name: p.displayName, groupName: p.groupName ?? '—', ownGroup: !!p.groupId && own.has(p.groupId) })),
    guidance: BEHAVIOUR_GUIDANCE,
  }
}
export type IncidentFormOptions = Awaited<ReturnType<typeof incidentFormOptions>>
