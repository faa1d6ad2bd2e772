// The privacyfunctionaris' view of the access log: search by date range, person, role,
// subject type, student and break-glass; paged; exported as CSV (the export itself logged). Reading
// runs as the caller: RLS (0019) shows the log only to the privacyfunctionaris, and only the
// stichting's own chain; CASL (`read AccessLog`) refuses the others before any query.
import { accessLogConcerns, schema, type TenantContext, type Tx } from '@baken/db'
import { and, count, desc, eq, ilike, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { toCsv } from '../incidents/overview-export.ts'
import { zodErrors } from '../result.ts'
import { invalid, type Refused } from '../use-case.ts'
import { textInput } from '../input-rules.ts'

export const ACCESS_ROLE_LABELS: Record<(typeof schema.ROLES)[number], string> = {
  platform_beheerder: 'platformbeheerder',
  bestuurder: 'bestuurder',
  stichtingbeheerder: 'stichtingbeheerder',
  privacyfunctionaris: 'privacyfunctionaris',
  directeur: 'directeur',
  intern_begeleider: 'intern begeleider',
  leerkracht: 'leerkracht',
  vertrouwenspersoon: 'vertrouwenspersoon',
  halt_medewerker: 'Halt-medewerker',
  politie: 'politie',
  ouder: 'ouder/verzorger',
  leerling: 'leerling (eigen account)',
}

export const ACCESS_SUBJECT_LABELS: Record<(typeof schema.ACCESS_SUBJECTS)[number], string> = {
  student: 'leerlingdossier',
  incident: 'incident',
  measure: 'maatregel',
  referral: 'verwijzing',
  share: 'gedeeld gegeven',
  export: 'export',
  access_log: 'toegangslog',
  report_case: 'meldplicht',
  overview: 'jaaroverzicht',
}

export const ACCESS_ACTION_LABELS: Record<string, string> = {
  read: 'ingezien',
  break_glass: 'break-glass (reden opgegeven)',
  export: 'geëxporteerd',
  share: 'gedeeld',
  revoke: 'ingetrokken',
  search: 'gezocht',
}

export const ACCESS_LOG_PAGE_SIZE = 50
export const ACCESS_LOG_MAX_PAGE_SIZE = 200

const isoDay = textInput()
  .max(10, 'Gebruik een datum als 2026-11-21')
  .trim()
  .superRefine((v, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) ctx.addIssue({ code: 'custom', message: 'Gebruik een datum als 2026-11-21' })
    else if (Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || !new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)) {
      ctx.addIssue({ code: 'custom', message: 'Geen bestaande datum' })
    }
  })
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** The search's filters (query string or form fields); unknown fields are ignored. */
export const accessLogFilterSchema = z
  .object({
    from: z.preprocess(blankToUndefined, isoDay.optional()),
    to: z.preprocess(blankToUndefined, isoDay.optional()),
    person: z.preprocess(blankToUndefined, textInput().trim().max(100, 'Hoogstens 100 tekens').optional()),
    role: z.preprocess(blankToUndefined, z.enum(schema.ROLES, 'Onbekende rol').optional()),
    subjectType: z.preprocess(blankToUndefined, z.enum(schema.ACCESS_SUBJECTS, 'Onbekend soort gegeven').optional()),
    studentId: z.preprocess(blankToUndefined, z.uuid('Geen geldig leerling-ID').optional()),
    breakGlass: z.preprocess(
      (v) => (v === undefined || v === '' ? false : v),
      z.union([z.boolean(), z.enum(['1', 'true', 'on', 'ja', '0', 'false', 'off', 'nee'], 'Gebruik 1 of 0')]).transform((v) => v === true || v === '1' || v === 'true' || v === 'on' || v === 'ja'),
    ),
    page: z.preprocess(blankToUndefined, z.coerce.number('Geen getal').int('Geen geheel getal').min(1, 'Pagina 1 of hoger').default(1)),
    pageSize: z.preprocess(
      blankToUndefined,
      z.coerce.number('Geen getal').int('Geen geheel getal').min(1, 'Minstens 1').max(ACCESS_LOG_MAX_PAGE_SIZE, `Hoogstens ${ACCESS_LOG_MAX_PAGE_SIZE}`).default(ACCESS_LOG_PAGE_SIZE),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'De einddatum ligt vóór de begindatum' })
  })

export type AccessLogFilters = z.infer<typeof accessLogFilterSchema>

/** Parses the search (query string or form fields); unknown fields are ignored. Pure. */
export function parseAccessLogFilters(
  input: Record<string, unknown>,
): { ok: true; filters: AccessLogFilters } | Refused {
  const parsed = accessLogFilterSchema.safeParse(input)
  if (parsed.success) return { ok: true, filters: parsed.data }
  return invalid(zodErrors(parsed.error))
}

/** The filters as query-string fields (for links to other pages and to the CSV of the same search). Pure. */
export function accessLogFiltersToQuery(f: Partial<AccessLogFilters>, extra: { page?: number } = {}): string {
  const q = new URLSearchParams()
  if (f.from) q.set('from', f.from)
  if (f.to) q.set('to', f.to)
  if (f.person) q.set('person', f.person)
  if (f.role) q.set('role', f.role)
  if (f.subjectType) q.set('subjectType', f.subjectType)
  if (f.studentId) q.set('studentId', f.studentId)
  if (f.breakGlass) q.set('breakGlass', '1')
  if (extra.page && extra.page > 1) q.set('page', String(extra.page))
  if (f.pageSize && f.pageSize !== ACCESS_LOG_PAGE_SIZE) q.set('pageSize', String(f.pageSize))
  return q.toString()
}

export interface AccessLogEntry {
  id: number
  /** Null until the sealer has chained the row (seconds after the read). */
  seq: number | null
  at: Date
  userId: string
  userName: string
  role: (typeof schema.ROLES)[number]
  schoolId: string | null
  schoolName: string | null
  partnerId: string | null
  action: string
  subjectType: string
  subjectId: string | null
  /** Every pupil the look concerned (rows before migration 0067 name one, in student_id). */
  studentIds: string[]
  /** The pupil when the look concerned exactly one, else null (kept for readers of one pupil per row). */
  studentId: string | null
  reason: string | null
  breakGlass: boolean
}

function where(ctx: TenantContext, f: AccessLogFilters): SQL {
  const l = schema.accessLog
  const parts: SQL[] = [eq(l.stichtingId, ctx.stichtingId ?? '00000000-0000-0000-0000-000000000000')]
  // Whole days in Dutch time.
  if (f.from) parts.push(sql`${l.at} >= (${f.from}::date)::timestamp at time zone 'Europe/Amsterdam'`)
  if (f.to) parts.push(sql`${l.at} < (${f.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`)
  if (f.person) parts.push(ilike(l.userName, `%${f.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
  if (f.role) parts.push(eq(l.role, f.role))
  if (f.subjectType) parts.push(eq(l.subjectType, f.subjectType))
  if (f.studentId) parts.push(accessLogConcerns(f.studentId))
  if (f.breakGlass) parts.push(eq(l.breakGlass, true))
  return and(...parts)!
}

/** One page of the stichting's log, newest first (RLS shows it to the privacyfunctionaris only). */
export async function findAccessLog(tx: Tx, ctx: TenantContext, filters: AccessLogFilters): Promise<{ items: AccessLogEntry[]; total: number; page: number; pageSize: number }> {
  const l = schema.accessLog
  const cond = where(ctx, filters)
  const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(l).where(cond)
  const items = await tx
    .select({
      id: l.id,
      seq: l.seq,
      at: l.at,
      userId: l.userId,
      userName: l.userName,
      role: l.role,
      schoolId: l.schoolId,
      schoolName: schema.schools.name,
      partnerId: l.partnerId,
      action: l.action,
      subjectType: l.subjectType,
      subjectId: l.subjectId,
      studentId: l.studentId,
      studentIds: l.studentIds,
      reason: l.reason,
      breakGlass: l.breakGlass,
    })
    .from(l)
    .leftJoin(schema.schools, eq(schema.schools.id, l.schoolId))
    .where(cond)
    .orderBy(desc(l.at), desc(l.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
  return { items: items.map(withPupils), total: Number(n), page: filters.page, pageSize: filters.pageSize }
}

/** A row's pupils in both forms (student_ids, or the one student_id of a row before migration 0067). Pure. */
function withPupils<R extends { studentId: string | null; studentIds: string[] | null }>(r: R): R & { studentIds: string[]; studentId: string | null } {
  const studentIds = r.studentIds ?? (r.studentId ? [r.studentId] : [])
  return { ...r, studentIds, studentId: studentIds.length === 1 ? studentIds[0]! : null }
}

/** The one message for a caller who is not the stichting's privacyfunctionaris. */
export const ACCESS_LOG_FORBIDDEN = 'Alleen de privacyfunctionaris van de stichting ziet het toegangslog.'

/** The most rows one CSV export holds (a search narrower than that is asked for beyond it). */
export const ACCESS_LOG_MAX_EXPORT_ROWS = 50_000

export const ACCESS_LOG_CSV_HEADERS = [
  'Tijdstip',
  'Naam',
  'Rol',
  'School',
  'Partner-ID',
  'Handeling',
  'Soort gegeven',
  'Gegeven-ID',
  'Leerling-ID’s',
  'Break-glass',
  'Reden of doel',
  'Volgnummer',
] as const

/** "21-11-2026 14:05:09" in Dutch time. Pure. */
export function accessLogDateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).formatToParts(at)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return `${get('day')}-${get('month')}-${get('year')} ${get('hour')}:${get('minute')}:${get('second')}`
}

/** The CSV of log rows (BOM, `;`, formula-safe: see toCsv). Pure. */
export function accessLogCsv(items: readonly AccessLogEntry[]): string {
  return toCsv([
    [...ACCESS_LOG_CSV_HEADERS],
    ...items.map((r) => [
      accessLogDateTime(r.at),
      r.userName,
      ACCESS_ROLE_LABELS[r.role] ?? r.role,
      r.schoolName ?? '',
      r.partnerId ?? '',
      ACCESS_ACTION_LABELS[r.action] ?? r.action,
      ACCESS_SUBJECT_LABELS[r.subjectType as keyof typeof ACCESS_SUBJECT_LABELS] ?? r.subjectType,
      r.subjectId ?? '',
      r.studentIds.join(' '),
      r.breakGlass ? 'ja' : 'nee',
      r.reason ?? '',
      r.seq === null ? '' : String(r.seq),
    ]),
  ])
}

/** A short text of the search, recorded as the export's purpose. Pure. */
export function describeAccessLogFilters(f: Partial<AccessLogFilters>): string {
  const parts = [
    f.from ? `van ${f.from}` : null,
    f.to ? `tot en met ${f.to}` : null,
    f.person ? `persoon "${f.person}"` : null,
    f.role ? `rol ${ACCESS_ROLE_LABELS[f.role]}` : null,
    f.subjectType ? `soort ${ACCESS_SUBJECT_LABELS[f.subjectType]}` : null,
    f.studentId ? `leerling ${f.studentId}` : null,
    f.breakGlass ? 'alleen break-glass' : null,
  ].filter(Boolean)
  return `Export toegangslog${parts.length ? `: ${parts.join(', ')}` : ' (alles)'}`
}

