// Shares on the school's side: made by the directeur from the form or the API (CASL
// `create Share`; the law's checks in create-share.ts), listed with their status, read in full (the
// payload as disclosed, logged), and revoked with a reason (directeur, IB, privacyfunctionaris).
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { incidentWhere } from '../incidents/incident-record.ts'
import { irisLabel } from '../incidents/iris.ts'
import { recordAccesses } from '../privacy/access-log.ts'
import { displayName, listStudents } from '../students.ts'
import { usableAgreements } from './agreements.ts'
import {
  createShareRecord,
  endOfDutchDay,
  LEAST_FIELDS,
  partnerRecipients,
  SHARE_FIELD_LABEL,
  SHARE_PURPOSE_LABEL,
  type CreateShareResult,
  type ShareError,
  type ShareField,
} from './create-share.ts'
import { zodFieldErrors } from '../result.ts'
import { textInput } from '../input-rules.ts'

export const SHARE_STATUS_LABEL = { actief: 'actief', verlopen: 'verlopen', ingetrokken: 'ingetrokken' } as const
export type ShareStatus = keyof typeof SHARE_STATUS_LABEL

export const ORIGIN_LABEL: Record<string, string> = {
  handmatig: 'gedeeld via het formulier',
  melding: 'melding bij de politie',
  aangifte: 'aangifte bij de politie',
  halt_verwijzing: 'Halt-verwijzing',
}

export const shareColumns = {
  id: schema.shares.id,
  stichtingId: schema.shares.stichtingId,
  schoolId: schema.shares.schoolId,
  partnerId: schema.shares.partnerId,
}

export function shareStatus(s: { revokedAt: Date | null; expiresAt: Date }, now = new Date()): ShareStatus {
  if (s.revokedAt) return 'ingetrokken'
  return s.expiresAt.getTime() > now.getTime() ? 'actief' : 'verlopen'
}

const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item))

/** The share form / API body. The expiry is a day (the share ends at the end of it, Dutch time). */
export const shareInput = z.object({
  partnerId: z.uuid({ error: 'Kies de organisatie waarmee u deelt.' }),
  agreementId: z.preprocess((v) => (v === '' ? null : v), z.uuid({ error: 'Onbekend convenant.' }).nullish()),
  purpose: z.enum(schema.SHARE_PURPOSES, { error: 'Kies het doel van het delen.' }),
  legalBasis: textInput().trim().max(2000).nullish(),
  fields: oneOrMany(z.enum(schema.SHARE_FIELDS, { error: 'Onbekend gegeven.' })).refine((a) => a.length > 0, { error: 'Kies ten minste één gegeven om te delen.' }),
  incidentIds: oneOrMany(z.uuid({ error: 'Onbekend incident.' })).refine((a) => a.length > 0, { error: 'Kies ten minste één incident.' }),
  studentIds: oneOrMany(z.uuid({ error: 'Onbekende leerling.' })),
  expiresOn: z.iso.date({ error: 'Vul een geldige vervaldatum in (jjjj-mm-dd).' }),
  note: textInput().trim().max(2000).nullish(),
  recipientUserIds: oneOrMany(z.uuid({ error: 'Onbekende ontvanger.' })),
})


/** A share made from the form or the API: CASL first (directeur), then the law (createShareRecord). */
export async function createShare(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown, options: { now?: Date } = {}): Promise<CreateShareResult> {
  if (!ctx.schoolId || !ctx.stichtingId || !ability.can('create', record('Share', { schoolId: ctx.schoolId, stichtingId: ctx.stichtingId }))) {
    return { ok: false, status: 403, errors: [{ path: '', message: 'U mag geen gegevens delen met partners.' }] }
  }
  const parsed = shareInput.safeParse(raw)
  if (!parsed.success) return { ok: false, status: 400, errors: zodFieldErrors(parsed.error) }
  const v = parsed.data
  return createShareRecord(
    tx,
    ctx,
    {
      partnerId: v.partnerId,
      agreementId: v.agreementId ?? null,
      purpose: v.purpose,
      legalBasis: v.legalBasis ?? null,
      fields: v.fields as ShareField[],
      incidentIds: v.incidentIds,
      studentIds: v.studentIds,
      expiresAt: endOfDutchDay(v.expiresOn),
      origin: 'handmatig',
      note: v.note ?? null,
      recipientUserIds: v.recipientUserIds,
    },
    options,
  )
}

export interface ShareSummary {
  id: string
  status: ShareStatus
  statusLabel: string
  schoolId: string
  schoolName: string
  partnerId: string
  partnerName: string
  agreementId: string
  agreementTitle: string
  purpose: string
  purposeLabel: string
  origin: string
  originLabel: string
  fields: { key: string; label: string }[]
  incidentCount: number
  approvedAt: Date
  approvedByName: string | null
  expiresAt: Date
  revokedAt: Date | null
  revokeReason: string | null
}

function shareWhere(ability: AppAbility): SQL | null {
  try {
    return accessibleWhere(ability, 'read', 'Share', shareColumns)
  } catch {
    return null
  }
}

async function summaries(tx: Tx, rows: (typeof schema.shares.$inferSelect)[], now: Date): Promise<ShareSummary[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [schools, partners, agreements, users, items] = await Promise.all([
    tx.select({ id: schema.schools.id, name: schema.schools.name }).from(schema.schools).where(inArray(schema.schools.id, [...new Set(rows.map((r) => r.schoolId))])),
    tx.select({ id: schema.partnerOrganisations.id, name: schema.partnerOrganisations.name }).from(schema.partnerOrganisations).where(inArray(schema.partnerOrganisations.id, [...new Set(rows.map((r) => r.partnerId))])),
    tx.select({ id: schema.sharingAgreements.id, title: schema.sharingAgreements.title }).from(schema.sharingAgreements).where(inArray(schema.sharingAgreements.id, [...new Set(rows.map((r) => r.agreementId))])),
    tx.select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(inArray(schema.users.id, [...new Set(rows.map((r) => r.approvedById))])),
    tx.select({ shareId: schema.shareItems.shareId }).from(schema.shareItems).where(inArray(schema.shareItems.shareId, ids)),
  ])
  return rows.map((r) => {
    const status = shareStatus(r, now)
    return {
      id: r.id,
      status,
      statusLabel: SHARE_STATUS_LABEL[status],
      schoolId: r.schoolId,
      schoolName: schools.find((s) => s.id === r.schoolId)?.name ?? '',
      partnerId: r.partnerId,
      partnerName: partners.find((p) => p.id === r.partnerId)?.name ?? '',
      agreementId: r.agreementId,
      agreementTitle: agreements.find((a) => a.id === r.agreementId)?.title ?? '',
      purpose: r.purpose,
      purposeLabel: SHARE_PURPOSE_LABEL[r.purpose] ?? r.purpose,
      origin: r.origin,
      originLabel: ORIGIN_LABEL[r.origin] ?? r.origin,
      fields: r.fields.map((f) => ({ key: f, label: SHARE_FIELD_LABEL[f as ShareField] ?? f })),
      incidentCount: items.filter((i) => i.shareId === r.id).length,
      approvedAt: r.approvedAt,
      approvedByName: users.find((u) => u.id === r.approvedById)?.name ?? null,
      expiresAt: r.expiresAt,
      revokedAt: r.revokedAt,
      revokeReason: r.revokeReason,
    }
  })
}

/** The school's (or, for the bestuurder and privacyfunctionaris, the stichting's) shares, newest first. */
export async function listShares(
  tx: Tx,
  ability: AppAbility,
  _ctx: TenantContext,
  filter: { status?: ShareStatus; incidentId?: string } = {},
  options: { now?: Date } = {},
): Promise<ShareSummary[] | null> {
  const where = shareWhere(ability)
  if (!where) return null
  const now = options.now ?? new Date()
  const status =
    filter.status === 'ingetrokken'
      ? isNotNull(schema.shares.revokedAt)
      : filter.status === 'verlopen'
        ? and(isNull(schema.shares.revokedAt), lte(schema.shares.expiresAt, now))
        : filter.status === 'actief'
          ? and(isNull(schema.shares.revokedAt), gt(schema.shares.expiresAt, now))
          : undefined
  const byIncident =
    filter.incidentId && z.uuid().safeParse(filter.incidentId).success
      ? inArray(schema.shares.id, tx.select({ id: schema.shareItems.shareId }).from(schema.shareItems).where(eq(schema.shareItems.incidentId, filter.incidentId)))
      : undefined
  const rows = await tx.select().from(schema.shares).where(and(where, status, byIncident)).orderBy(desc(schema.shares.approvedAt)).limit(500)
  return summaries(tx, rows, now)
}

export interface ShareDetail extends ShareSummary {
  legalBasis: string
  note: string | null
  recipients: { id: string; name: string }[]
  /** True for the stichting's roles: no payload and no student names, only the facts of the share. */
  contentHidden: boolean
  studentCount: number
  students: { id: string; name: string }[]
  items: { incidentId: string; payload: Record<string, unknown> }[]
  revokedByName: string | null
  canRevoke: boolean
}

/** One share in full, as disclosed; the look is logged per student of the share. */
export async function getShare(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, options: { now?: Date } = {}): Promise<ShareDetail | null> {
  if (!z.uuid().safeParse(id).success) return null
  const where = shareWhere(ability)
  if (!where) return null
  const [row] = await tx.select().from(schema.shares).where(and(eq(schema.shares.id, id), where))
  if (!row) return null
  const now = options.now ?? new Date()
  const [summary] = await summaries(tx, [row], now)
  // The stichting's roles (bestuurder, privacyfunctionaris) oversee what was shared — to whom, why,
  // which fields, until when — without pupil content (the board sees no incident content).
  const withContent = ctx.schoolId !== null
  const [items, students, recipientsAll, revoker] = await Promise.all([
    tx.select({ incidentId: schema.shareItems.incidentId, payload: schema.shareItems.payload }).from(schema.shareItems).where(eq(schema.shareItems.shareId, id)),
    tx
      .select({ id: schema.students.id, firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName })
      .from(schema.shareStudents)
      .innerJoin(schema.students, eq(schema.students.id, schema.shareStudents.studentId))
      .where(eq(schema.shareStudents.shareId, id)),
    row.recipientUserIds.length ? partnerRecipients(tx, row.partnerId) : Promise.resolve([]),
    row.revokedById ? tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, row.revokedById)) : Promise.resolve([]),
  ])
  if (withContent) {
    await recordAccesses(
      tx,
      ctx,
      (students.length ? students.map((s) => s.id) : [null]).map((studentId) => ({ subjectType: 'share' as const, subjectId: id, studentId })),
    )
  }
  return {
    ...summary!,
    legalBasis: row.legalBasis,
    note: row.note,
    recipients: recipientsAll.filter((r) => row.recipientUserIds.includes(r.id)),
    contentHidden: !withContent,
    studentCount: students.length,
    students: withContent ? students.map((s) => ({ id: s.id, name: displayName(s) })) : [],
    items: withContent ? items.map((i) => ({ incidentId: i.incidentId, payload: i.payload as Record<string, unknown> })) : [],
    revokedByName: revoker[0]?.name ?? null,
    canRevoke: !row.revokedAt && ability.can('update', record('Share', row)),
  }
}

export type RevokeResult = { ok: true; id: string } | { ok: false; status: 400 | 403 | 404 | 409; errors: ShareError[] }

const revokeInput = z.object({
  reason: textInput({ error: 'Geef de reden van het intrekken.' })
    .trim()
    .min(3, { error: 'Geef de reden van het intrekken.' })
    .max(2000, { error: 'De reden is te lang (ten hoogste 2000 tekens).' }),
})

/** Revokes a share at once: the recipient no longer sees it (RLS). */
export async function revokeShare(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, raw: unknown, options: { now?: Date } = {}): Promise<RevokeResult> {
  if (!z.uuid().safeParse(id).success) return { ok: false, status: 404, errors: [{ path: 'id', message: 'Deling niet gevonden.' }] }
  const where = shareWhere(ability)
  const [row] = where ? await tx.select().from(schema.shares).where(and(eq(schema.shares.id, id), where)) : []
  if (!row) return { ok: false, status: 404, errors: [{ path: 'id', message: 'Deling niet gevonden.' }] }
  if (!ability.can('update', record('Share', row))) return { ok: false, status: 403, errors: [{ path: '', message: 'U mag deze deling niet intrekken.' }] }
  if (row.revokedAt) return { ok: false, status: 409, errors: [{ path: 'id', message: 'Deze deling is al ingetrokken.' }] }
  const parsed = revokeInput.safeParse(raw)
  if (!parsed.success) return { ok: false, status: 400, errors: zodFieldErrors(parsed.error) }
  const now = options.now ?? new Date()
  await tx.update(schema.shares).set({ revokedAt: now, revokedById: ctx.userId, revokeReason: parsed.data.reason }).where(eq(schema.shares.id, id))
  const students = await tx.select({ studentId: schema.shareStudents.studentId }).from(schema.shareStudents).where(eq(schema.shareStudents.shareId, id))
  await recordAccesses(
    tx,
    ctx,
    (students.length ? students.map((s) => s.studentId) : [null]).map((studentId) => ({
      action: 'revoke',
      subjectType: 'share' as const,
      subjectId: id,
      studentId,
      reason: parsed.data.reason,
      schoolId: ctx.schoolId ? undefined : row.schoolId,
    })),
  )
  return { ok: true, id }
}

/** What the share form offers: usable agreements, the school's submitted incidents, its students. */
export { LEAST_FIELDS }

export async function shareFormIncidents(tx: Tx, ability: AppAbility, ctx: TenantContext, options: { limit?: number } = {}) {
  if (!ctx.schoolId) return []
  let where
  try {
    where = incidentWhere(ability, 'read')
  } catch {
    return []
  }
  const rows = await tx
    .select({ id: schema.incidents.id, occurredAt: schema.incidents.occurredAt, severity: schema.incidents.severity, policeReportKind: schema.incidents.policeReportKind })
    .from(schema.incidents)
    .where(and(where, eq(schema.incidents.schoolId, ctx.schoolId), eq(schema.incidents.status, 'submitted')))
    .orderBy(desc(schema.incidents.occurredAt))
    .limit(options.limit ?? 60)
  if (rows.length === 0) return []
  const codes = await tx
    .select({ incidentId: schema.incidentCodes.incidentId, code: schema.incidentCodes.code })
    .from(schema.incidentCodes)
    .where(and(inArray(schema.incidentCodes.incidentId, rows.map((r) => r.id)), eq(schema.incidentCodes.list, 'voorval')))
  return rows.map((r) => ({
    ...r,
    types: codes.filter((c) => c.incidentId === r.id).map((c) => irisLabel('voorval', c.code) ?? `code ${c.code}`),
  }))
}

/**
 * What the share form offers: the agreements the school can share under now (with their purposes
 * and allowed fields), the partners' users who can be named as recipients, the school's submitted
 * incidents the caller can read and its pupils.
 */
export async function shareFormOptions(tx: Tx, ability: AppAbility, ctx: TenantContext) {
  const agreements = await usableAgreements(tx, ctx)
  const partnerIds = [...new Set(agreements.map((a) => a.partnerId))]
  const recipients = await Promise.all(partnerIds.map(async (partnerId) => ({ partnerId, users: await partnerRecipients(tx, partnerId) })))
  const pupils = ability.can('read', 'Student') ? (await listStudents(tx, ability, { pageSize: 200 })).items : []
  return {
    agreements,
    recipients,
    incidents: await shareFormIncidents(tx, ability, ctx),
    pupils: pupils.map((p) => ({ id: p.id, name: p.displayName, group: p.groupName })),
    purposes: schema.SHARE_PURPOSES.map((p) => ({ value: p, label: SHARE_PURPOSE_LABEL[p] })),
    fields: schema.SHARE_FIELDS.map((f) => ({ value: f, label: SHARE_FIELD_LABEL[f] })),
  }
}
