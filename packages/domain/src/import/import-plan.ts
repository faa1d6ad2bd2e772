// The plan of an import of pupils, groups and guardians from a student administration's CSV export:
// per row what would happen, against the school's current pupils. The dry run (plan-import.ts) shows
// it; the import (apply-import.ts) plans again and writes it. Pupils are matched by (school,
// leerlingnummer), so a re-import updates instead of duplicating; pupils missing from the file are
// reported, never deleted.
import { randomUUID } from 'node:crypto'
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { refuse, type Refused } from '../use-case.ts'
import { displayName, guardianColumns, guardianContactColumns, studentColumns, studentNameColumns } from '../students.ts'
import { CsvError, parseCsv, type CsvSeparator } from './csv.ts'
import { IMPORT_FIELD_LABELS, importMappingSchema, type ImportField, type ImportMapping } from './mapping.ts'
import { cleanText, nameKey, parseDateOfBirth, parseEmail, parsePhone } from './values.ts'
import { textInput } from '../input-rules.ts'

export interface ImportIssue {
  /** A mapped field, 'row' for the row as a whole, or 'file' / 'mapping' / 'schoolYear' for the import. */
  field: ImportField | 'row' | 'status' | 'file' | 'mapping' | 'schoolYear'
  message: string
}

export interface ImportChange {
  field: ImportField | 'status'
  from: string | null
  to: string | null
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error'

export interface ImportRowResult {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number
  externalId: string | null
  name: string | null
  action: ImportAction
  /** For 'update': what changes; for 'create': the values a new pupil gets. */
  changes: ImportChange[]
  errors: ImportIssue[]
}

export interface ImportReport {
  schoolYear: string
  headers: string[]
  separator: CsvSeparator
  rows: ImportRowResult[]
  counts: { total: number; create: number; update: number; unchanged: number; error: number }
  /** Groups of the school year that do not exist yet and will be created. */
  groupsToCreate: string[]
  /** Active pupils of the school that are not in the file: left as they are, for the school to decide. */
  notInFile: { id: string; externalId: string | null; name: string; groupName: string | null }[]
  canApply: boolean
}


export const importInput = z.object({
  csv: textInput(),
  mapping: importMappingSchema,
  schoolYear: textInput().regex(/^\d{4}-\d{4}$/, 'Ongeldig schooljaar'),
  /** The Dutch calendar date ages are computed on (YYYY-MM-DD); today when absent. */
  today: calendarDate().optional(),
})
export type ImportInput = z.input<typeof importInput>

export const STUDENT_CHANGE_LABELS: Record<ImportChange['field'], string> = { ...IMPORT_FIELD_LABELS, status: 'Status' }

const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  externalId: 50,
  firstName: 100,
  infix: 30,
  lastName: 100,
  groupName: 50,
  guardian1Name: 150,
  guardian2Name: 150,
  guardian1Relation: 50,
  guardian2Relation: 50,
}


type Slot = 1 | 2
interface GuardianInRow {
  slot: Slot
  name: string
  /** undefined: column not mapped (keep what is stored); null: mapped but empty (clear). */
  email?: string | null
  phone?: string | null
  relation?: string | null
}

interface StudentValues {
  firstName?: string | null
  infix?: string | null
  lastName?: string | null
  dateOfBirth?: string | null
  groupName?: string | null
}

interface ExistingStudent {
  id: string
  externalId: string | null
  firstName: string
  infix: string | null
  lastName: string
  dateOfBirth: string
  groupId: string | null
  status: 'active' | 'left'
}

interface ExistingLink {
  studentId: string
  guardianId: string
  name: string
  email: string | null
  phone: string | null
  relation: string
}

/** What applyImport writes for one row; built by the same pass that builds the report. */
export interface RowWrite {
  studentId: string
  create: boolean
  /** Column values to set (create: all; update: only the changed ones). */
  student: Partial<{
    externalId: string
    firstName: string
    infix: string | null
    lastName: string
    dateOfBirth: string
  }>
  /** undefined: leave the group; null: no group; string: group key (see groupKey). */
  groupKey?: string | null
  reactivate: boolean
  newGuardians: { name: string; email: string | null; phone: string | null; relation: string }[]
  guardianUpdates: { guardianId: string; email?: string | null; phone?: string | null; relation?: string }[]
}

export interface Plan {
  report: ImportReport
  schoolYearId: string
  /** group key → existing id, or null when it is to be created. */
  groups: Map<string, { id: string | null; name: string }>
  /** Keys of the groups to create: those some row needs. */
  newGroupKeys: string[]
  writes: RowWrite[]
}

const groupKey = (name: string) => nameKey(name)

/** The message for a role that may not import pupils. */
export const IMPORT_FORBIDDEN = 'Geen toegang: alleen de directeur of intern begeleider van de school mag leerlingen importeren.'

/** A refusal about the import as a whole: its `path` is the ImportIssue field (file, mapping, schoolYear). */
const fail = (reason: 'invalid' | 'forbidden', field: ImportIssue['field'], message: string): Refused => refuse(reason, field, message)

/** The import reads, creates and changes pupils of one school; only roles that may create and update them. */
function authorise(ability: AppAbility, ctx: TenantContext): Refused | { schoolId: string; stichtingId: string } {
  const { schoolId, stichtingId } = ctx
  const scope = { schoolId, stichtingId }
  const may = (action: 'create' | 'update' | 'read', type: 'Student' | 'Guardian') => ability.can(action, record(type, scope))
  // Guardians are matched against the stored ones, so reading them is needed too.
  if (!schoolId || !stichtingId || !may('create', 'Student') || !may('update', 'Student') || !may('read', 'Guardian')) {
    return fail('forbidden', 'file', IMPORT_FORBIDDEN)
  }
  return { schoolId, stichtingId }
}

function readRow(
  fields: string[],
  headerCount: number,
  mapping: ImportMapping,
  today: string,
): { externalId: string | null; values: StudentValues; guardians: GuardianInRow[]; errors: ImportIssue[] } {
  const errors: ImportIssue[] = []
  const cell = (f: ImportField): string | null | undefined => {
    const col = mapping[f]
    if (col === undefined) return undefined
    const v = cleanText(fields[col])
    const max = MAX_LENGTH[f]
    if (v && max && v.length > max) {
      errors.push({ field: f, message: `${IMPORT_FIELD_LABELS[f]} is langer dan ${max} tekens` })
      return null
    }
    return v
  }
  if (fields.slice(headerCount).some((f) => f.trim() !== '')) {
    errors.push({
      field: 'row',
      message: 'Deze rij heeft meer kolommen dan de kopregel; staat er een scheidingsteken in een veld zonder aanhalingstekens?',
    })
  }
  const externalId = cell('externalId') ?? null
  if (!externalId) errors.push({ field: 'externalId', message: 'Leerlingnummer ontbreekt' })

  const values: StudentValues = {}
  for (const f of ['firstName', 'lastName'] as const) {
    const v = cell(f)
    if (v === undefined) continue
    if (v === null) {
      if (!errors.some((e) => e.field === f)) errors.push({ field: f, message: `${IMPORT_FIELD_LABELS[f]} ontbreekt` })
    } else values[f] = v
  }
  const infix = cell('infix')
  if (infix !== undefined) values.infix = infix
  const dob = cell('dateOfBirth')
  if (dob === null) errors.push({ field: 'dateOfBirth', message: 'Geboortedatum ontbreekt' })
  else if (dob !== undefined) {
    const parsed = parseDateOfBirth(dob, today)
    if (parsed.ok) values.dateOfBirth = parsed.value
    else errors.push({ field: 'dateOfBirth', message: parsed.message })
  }
  const group = cell('groupName')
  if (group !== undefined) values.groupName = group

  const guardians: GuardianInRow[] = []
  for (const slot of [1, 2] as const) {
    const f = (k: 'Name' | 'Email' | 'Phone' | 'Relation') => `guardian${slot}${k}` as ImportField
    const name = cell(f('Name'))
    const emailRaw = cell(f('Email'))
    const phoneRaw = cell(f('Phone'))
    const relation = cell(f('Relation'))
    if (!name) {
      if (emailRaw || phoneRaw || relation) {
        errors.push({
          field: f('Name'),
          message: `Naam van ouder/verzorger ${slot} ontbreekt, terwijl er wel andere gegevens van deze ouder/verzorger staan`,
        })
      }
      continue
    }
    const g: GuardianInRow = { slot, name }
    if (emailRaw !== undefined) {
      if (emailRaw === null) g.email = null
      else {
        const p = parseEmail(emailRaw)
        if (p.ok) g.email = p.value
        else errors.push({ field: f('Email'), message: p.message })
      }
    }
    if (phoneRaw !== undefined) {
      if (phoneRaw === null) g.phone = null
      else {
        const p = parsePhone(phoneRaw)
        if (p.ok) g.phone = p.value
        else errors.push({ field: f('Phone'), message: p.message })
      }
    }
    if (relation !== undefined) g.relation = relation
    guardians.push(g)
  }
  if (guardians.length === 2 && nameKey(guardians[0]!.name) === nameKey(guardians[1]!.name)) {
    errors.push({ field: 'guardian2Name', message: 'Ouder/verzorger 2 heeft dezelfde naam als ouder/verzorger 1' })
  }
  return { externalId, values, guardians, errors }
}

/** The plan of the import, or why there is none. `now` gives the day ages are computed on, unless the input names it. */
export async function buildPlan(tx: Tx, ability: AppAbility, ctx: TenantContext, rawInput: unknown, now: Date): Promise<Refused | Plan> {
  const scope = authorise(ability, ctx)
  if ('ok' in scope) return scope
  const parsedInput = importInput.safeParse(rawInput)
  if (!parsedInput.success) {
    return {
      ok: false,
      reason: 'invalid',
      errors: parsedInput.error.issues.map((i) => ({
        path: i.path[0] === 'mapping' ? 'mapping' : i.path[0] === 'schoolYear' ? 'schoolYear' : 'file',
        message: i.path[0] === 'mapping' ? 'Ongeldige kolomkeuze' : i.message,
      })),
    }
  }
  const input = parsedInput.data
  const today = input.today ?? localDate(now)

  let csv
  try {
    csv = parseCsv(input.csv)
  } catch (e) {
    if (e instanceof CsvError) return fail('invalid', 'file', e.message)
    throw e
  }
  const { mapping } = input
  if (mapping.externalId === undefined) {
    return fail('invalid', 'mapping', 'Kies de kolom met het leerlingnummer: daarmee worden leerlingen bij een volgende import herkend.')
  }
  for (const [field, col] of Object.entries(mapping) as [ImportField, number][]) {
    if (col >= csv.headers.length) return fail('invalid', 'mapping', `De gekozen kolom voor ${IMPORT_FIELD_LABELS[field]} bestaat niet in het bestand.`)
  }

  const [year] = await tx
    .select({ id: schema.schoolYears.id })
    .from(schema.schoolYears)
    .where(eq(schema.schoolYears.name, input.schoolYear))
  if (!year) return fail('invalid', 'schoolYear', `Schooljaar ${input.schoolYear} is niet ingericht.`)

  const existingStudents: ExistingStudent[] = await tx
    .select({
      id: schema.students.id,
      externalId: schema.students.externalId,
      ...studentNameColumns,
      dateOfBirth: schema.students.dateOfBirth,
      groupId: schema.students.groupId,
      status: schema.students.status,
    })
    .from(schema.students)
    .where(and(eq(schema.students.schoolId, scope.schoolId), accessibleWhere(ability, 'read', 'Student', studentColumns)))
  const schoolGroups = await tx
    .select({ id: schema.groups.id, name: schema.groups.name, schoolYearId: schema.groups.schoolYearId })
    .from(schema.groups)
    .where(eq(schema.groups.schoolId, scope.schoolId))
  const links: ExistingLink[] = await tx
    .select({
      studentId: schema.studentGuardians.studentId,
      guardianId: schema.guardians.id,
      ...guardianContactColumns,
    })
    .from(schema.studentGuardians)
    .innerJoin(schema.guardians, eq(schema.guardians.id, schema.studentGuardians.guardianId))
    .where(and(eq(schema.guardians.schoolId, scope.schoolId), accessibleWhere(ability, 'read', 'Guardian', guardianColumns)))

  const byExternalId = new Map(existingStudents.filter((s) => s.externalId).map((s) => [s.externalId!, s]))
  const groupNameById = new Map(schoolGroups.map((g) => [g.id, g.name]))
  // This year's groups by key; an exact spelling wins over a case/accent variant.
  const groups = new Map<string, { id: string | null; name: string }>()
  for (const g of schoolGroups.filter((g) => g.schoolYearId === year.id).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!groups.has(groupKey(g.name))) groups.set(groupKey(g.name), { id: g.id, name: g.name })
  }
  const linksOf = new Map<string, ExistingLink[]>()
  for (const l of links) linksOf.set(l.studentId, [...(linksOf.get(l.studentId) ?? []), l])

  const firstRowOf = new Map<string, number>()
  const rows: ImportRowResult[] = []
  const writes: RowWrite[] = []
  for (const rec of csv.records) {
    const { externalId, values, guardians, errors } = readRow(rec.fields, csv.headers.length, mapping, today)
    if (externalId) {
      const first = firstRowOf.get(externalId)
      if (first !== undefined) errors.push({ field: 'externalId', message: `Leerlingnummer ${externalId} staat ook in rij ${first}` })
      else firstRowOf.set(externalId, rec.row)
    }
    const existing = externalId ? byExternalId.get(externalId) : undefined
    if (!existing) {
      for (const f of ['firstName', 'lastName', 'dateOfBirth'] as const) {
        if (mapping[f] === undefined) errors.push({ field: f, message: `${IMPORT_FIELD_LABELS[f]} is nodig voor een nieuwe leerling: kies er een kolom voor` })
      }
    }
    const nameParts = {
      firstName: values.firstName ?? existing?.firstName ?? '',
      infix: values.infix !== undefined ? values.infix : (existing?.infix ?? null),
      lastName: values.lastName ?? existing?.lastName ?? '',
    }
    const name = displayName(nameParts) || null
    if (errors.length > 0) {
      rows.push({ row: rec.row, externalId, name, action: 'error', changes: [], errors })
      continue
    }

    // Group: this school year's group with that name, or a new one.
    let targetGroupKey: string | null | undefined
    if (values.groupName !== undefined) {
      if (values.groupName === null) targetGroupKey = null
      else {
        targetGroupKey = groupKey(values.groupName)
        if (!groups.has(targetGroupKey)) groups.set(targetGroupKey, { id: null, name: values.groupName })
      }
    }
    const targetGroupName = targetGroupKey ? groups.get(targetGroupKey)!.name : null
    const changes: ImportChange[] = []
    const write: RowWrite = {
      studentId: existing?.id ?? randomUUID(),
      create: !existing,
      student: {},
      reactivate: false,
      newGuardians: [],
      guardianUpdates: [],
    }

    if (!existing) {
      write.student = {
        externalId: externalId!,
        firstName: values.firstName!,
        infix: values.infix ?? null,
        lastName: values.lastName!,
        dateOfBirth: values.dateOfBirth!,
      }
      write.groupKey = targetGroupKey ?? null
      for (const f of ['firstName', 'infix', 'lastName', 'dateOfBirth'] as const) {
        if (write.student[f]) changes.push({ field: f, from: null, to: write.student[f] })
      }
      if (targetGroupName) changes.push({ field: 'groupName', from: null, to: targetGroupName })
    } else {
      for (const f of ['firstName', 'infix', 'lastName', 'dateOfBirth'] as const) {
        const next = values[f]
        if (next === undefined || next === existing[f]) continue
        ;(write.student as Record<string, string | null>)[f] = next
        changes.push({ field: f, from: existing[f], to: next })
      }
      if (targetGroupKey !== undefined) {
        const targetId = targetGroupKey === null ? null : groups.get(targetGroupKey)!.id
        const toCreate = targetGroupKey !== null && targetId === null
        if (toCreate || targetId !== existing.groupId) {
          write.groupKey = targetGroupKey
          changes.push({
            field: 'groupName',
            from: existing.groupId ? (groupNameById.get(existing.groupId) ?? null) : null,
            to: targetGroupName,
          })
        }
      }
      if (existing.status === 'left') {
        // In the administration's current export, so enrolled again.
        write.reactivate = true
        changes.push({ field: 'status', from: 'uitgeschreven', to: 'actief' })
      }
    }

    // Guardians: matched per pupil by name; e-mail, phone and relation follow the file where mapped.
    const stored = existing ? (linksOf.get(existing.id) ?? []) : []
    for (const g of guardians) {
      const label = (k: 'Name' | 'Email' | 'Phone' | 'Relation') => `guardian${g.slot}${k}` as ImportField
      const match = stored.find((l) => nameKey(l.name) === nameKey(g.name))
      if (!match) {
        const relation = g.relation ?? `ouder/verzorger ${g.slot}`
        write.newGuardians.push({ name: g.name, email: g.email ?? null, phone: g.phone ?? null, relation })
        changes.push({ field: label('Name'), from: null, to: g.name })
        if (g.email) changes.push({ field: label('Email'), from: null, to: g.email })
        if (g.phone) changes.push({ field: label('Phone'), from: null, to: g.phone })
        if (g.relation) changes.push({ field: label('Relation'), from: null, to: g.relation })
        continue
      }
      const update: RowWrite['guardianUpdates'][number] = { guardianId: match.guardianId }
      if (g.email !== undefined && g.email !== match.email) {
        update.email = g.email
        changes.push({ field: label('Email'), from: match.email, to: g.email })
      }
      if (g.phone !== undefined && g.phone !== match.phone) {
        update.phone = g.phone
        changes.push({ field: label('Phone'), from: match.phone, to: g.phone })
      }
      // The relation is required; an empty cell keeps the stored one.
      if (g.relation && g.relation !== match.relation) {
        update.relation = g.relation
        changes.push({ field: label('Relation'), from: match.relation, to: g.relation })
      }
      if (Object.keys(update).length > 1) write.guardianUpdates.push(update)
    }

    const action: ImportAction = !existing ? 'create' : changes.length > 0 ? 'update' : 'unchanged'
    rows.push({ row: rec.row, externalId, name, action, changes, errors: [] })
    if (action !== 'unchanged') writes.push(write)
  }

  const inFile = new Set(firstRowOf.keys())
  const notInFile = existingStudents
    .filter((s) => s.status === 'active' && !(s.externalId && inFile.has(s.externalId)))
    .map((s) => ({
      id: s.id,
      externalId: s.externalId,
      name: displayName(s),
      groupName: s.groupId ? (groupNameById.get(s.groupId) ?? null) : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))

  const count = (a: ImportAction) => rows.filter((r) => r.action === a).length
  const counts = { total: rows.length, create: count('create'), update: count('update'), unchanged: count('unchanged'), error: count('error') }
  // Only groups some valid row needs.
  const neededKeys = new Set(writes.map((w) => w.groupKey).filter((k): k is string => !!k))
  const newGroupKeys = [...groups.entries()].filter(([k, g]) => g.id === null && neededKeys.has(k)).map(([k]) => k)
  const groupsToCreate = newGroupKeys.map((k) => groups.get(k)!.name)
  return {
    report: {
      schoolYear: input.schoolYear,
      headers: csv.headers,
      separator: csv.separator,
      rows,
      counts,
      groupsToCreate: groupsToCreate.sort((a, b) => a.localeCompare(b, 'nl', { numeric: true })),
      notInFile,
      canApply: counts.error === 0 && counts.total > 0,
    },
    schoolYearId: year.id,
    groups,
    newGroupKeys,
    writes,
  }
}
