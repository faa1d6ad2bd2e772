// Sharing agreements (convenanten / afsprakenformulieren, Wpg art. 20 lid 2): drafted by the
// privacyfunctionaris, the bestuurder or a directeur (own school), approved by the bevoegd gezag
// (bestuurder) only, ended when the cooperation stops. Both sides read them: the stichting's side
// its own, a partner the approved ones it is party to (RLS, migration 0020; CASL as second line).
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL, type AgreementRow, type ShareError } from './create-share.ts'
import { refusal as refuse, zodFieldErrors } from '../result.ts'
import { textInput } from '../input-rules.ts'

export const AGREEMENT_STATUS_LABEL: Record<string, string> = {
  concept: 'concept (wacht op goedkeuring)',
  goedgekeurd: 'goedgekeurd',
  beeindigd: 'beëindigd',
}

export const agreementColumns = {
  id: schema.sharingAgreements.id,
  stichtingId: schema.sharingAgreements.stichtingId,
  schoolId: schema.sharingAgreements.schoolId,
  partnerId: schema.sharingAgreements.partnerId,
  status: schema.sharingAgreements.status,
}

export type AgreementResult = { ok: true; id: string } | { ok: false; status: 400 | 403 | 404 | 409; errors: ShareError[] }

const required = (label: string, max = 4000) =>
  textInput({ error: `Vul ${label} in.` })
    .trim()
    .min(1, { error: `Vul ${label} in.` })
    .max(max, { error: `${label[0]!.toUpperCase()}${label.slice(1)} is te lang (ten hoogste ${max} tekens).` })

const isoDate = (label: string) => z.iso.date({ error: `Vul een geldige datum in voor ${label} (jjjj-mm-dd).` })
const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item))

export const agreementInput = z
  .object({
    partnerId: z.uuid({ error: 'Kies de partnerorganisatie.' }),
    schoolId: z.preprocess((v) => (v === '' ? null : v), z.uuid({ error: 'Onbekende school.' }).nullish()),
    title: required('een titel', 200),
    publicInterest: required('het zwaarwegend algemeen belang'),
    partnership: required('het samenwerkingsverband en het doel daarvan'),
    purposes: oneOrMany(z.enum(schema.SHARE_PURPOSES, { error: 'Onbekend doel.' })).refine((a) => a.length > 0, { error: 'Kies ten minste één doel.' }),
    dataCategories: oneOrMany(z.enum(schema.SHARE_FIELDS, { error: 'Onbekende gegevenscategorie.' })).refine((a) => a.length > 0, { error: 'Kies ten minste één categorie gegevens.' }),
    conditions: required('de voorwaarden'),
    recipients: required('de ontvangers bij de partner', 1000),
    legalBasis: required('de wettelijke grondslag', 1000),
    validFrom: isoDate('geldig vanaf'),
    validUntil: isoDate('geldig tot en met'),
    retentionDays: z.coerce
      .number({ error: 'Vul de bewaartermijn in dagen in.' })
      .int({ error: 'De bewaartermijn is een heel aantal dagen.' })
      .min(1, { error: 'De bewaartermijn is ten minste 1 dag.' })
      .max(3650, { error: 'De bewaartermijn is ten hoogste 10 jaar (3650 dagen).' }),
  })
  .superRefine((v, c) => {
    if (v.validUntil < v.validFrom) c.addIssue({ code: 'custom', path: ['validUntil'], message: 'De einddatum ligt vóór de begindatum.' })
  })


/** Drafts an agreement (status concept). A directeur drafts for the own school only. */
export async function createAgreement(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown): Promise<AgreementResult> {
  if (!ctx.stichtingId || !ability.can('create', 'Agreement')) return refuse(403, '', 'U mag geen convenant opstellen.')
  const parsed = agreementInput.safeParse(raw)
  if (!parsed.success) return { ok: false, status: 400, errors: zodFieldErrors(parsed.error) }
  const input = parsed.data
  const schoolId = ctx.schoolId ?? input.schoolId ?? null
  if (ctx.schoolId && input.schoolId && input.schoolId !== ctx.schoolId) return refuse(403, 'schoolId', 'U kunt alleen een convenant voor uw eigen school opstellen.')
  if (!ability.can('create', record('Agreement', { stichtingId: ctx.stichtingId, schoolId, partnerId: input.partnerId, status: 'concept' }))) {
    return refuse(403, 'schoolId', 'U mag voor deze school of stichting geen convenant opstellen.')
  }
  if (schoolId) {
    const [school] = await tx.select({ id: schema.schools.id }).from(schema.schools).where(and(eq(schema.schools.id, schoolId), eq(schema.schools.stichtingId, ctx.stichtingId)))
    if (!school) return refuse(400, 'schoolId', 'Onbekende school.')
  }
  const [partner] = await tx.select().from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.id, input.partnerId))
  if (!partner) return refuse(400, 'partnerId', 'Onbekende partnerorganisatie.')
  const [row] = await tx
    .insert(schema.sharingAgreements)
    .values({
      stichtingId: ctx.stichtingId,
      schoolId,
      partnerId: input.partnerId,
      title: input.title,
      publicInterest: input.publicInterest,
      partnership: input.partnership,
      purposes: input.purposes as schema.SharePurpose[],
      dataCategories: schema.SHARE_FIELDS.filter((f) => input.dataCategories.includes(f)),
      conditions: input.conditions,
      recipients: input.recipients,
      legalBasis: input.legalBasis,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      retentionDays: input.retentionDays,
      status: 'concept',
      createdById: ctx.userId,
    })
    .returning({ id: schema.sharingAgreements.id })
  return { ok: true, id: row!.id }
}

/** The agreement with this id if the caller may `action` it (RLS and CASL); null for any other id. */
export async function loadAgreement(tx: Tx, ability: AppAbility, id: string, action: 'read' | 'update'): Promise<AgreementRow | null> {
  if (!z.uuid().safeParse(id).success) return null
  let where
  try {
    where = accessibleWhere(ability, action, 'Agreement', agreementColumns)
  } catch {
    return null
  }
  const [row] = await tx.select().from(schema.sharingAgreements).where(and(eq(schema.sharingAgreements.id, id), where))
  return row ?? null
}

export interface AgreementView {
  id: string
  title: string
  status: string
  statusLabel: string
  /** Approved, not ended, today within the validity. */
  active: boolean
  stichtingId: string
  schoolId: string | null
  schoolName: string | null
  partnerId: string
  partnerName: string
  publicInterest: string
  partnership: string
  purposes: { key: string; label: string }[]
  dataCategories: { key: string; label: string }[]
  conditions: string
  recipients: string
  legalBasis: string
  validFrom: string
  validUntil: string
  retentionDays: number
  approvedAt: Date | null
  approvedByName: string | null
  endedAt: Date | null
  createdAt: Date
}

export function isAgreementActive(a: Pick<AgreementRow, 'status' | 'endedAt' | 'validFrom' | 'validUntil'>, now = new Date()): boolean {
  const today = localDate(now)
  return a.status === 'goedgekeurd' && a.endedAt === null && a.validFrom <= today && today <= a.validUntil
}

async function present(tx: Tx, rows: AgreementRow[], now: Date): Promise<AgreementView[]> {
  if (rows.length === 0) return []
  const partnerIds = [...new Set(rows.map((r) => r.partnerId))]
  const schoolIds = [...new Set(rows.flatMap((r) => (r.schoolId ? [r.schoolId] : [])))]
  const approverIds = [...new Set(rows.flatMap((r) => (r.approvedById ? [r.approvedById] : [])))]
  const [partners, schools, approvers] = await Promise.all([
    tx.select({ id: schema.partnerOrganisations.id, name: schema.partnerOrganisations.name }).from(schema.partnerOrganisations).where(inArray(schema.partnerOrganisations.id, partnerIds)),
    schoolIds.length ? tx.select({ id: schema.schools.id, name: schema.schools.name }).from(schema.schools).where(inArray(schema.schools.id, schoolIds)) : [],
    approverIds.length ? tx.select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(inArray(schema.users.id, approverIds)) : [],
  ])
  const nameOf = (list: { id: string; name: string }[], id: string | null) => (id ? (list.find((x) => x.id === id)?.name ?? null) : null)
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    statusLabel: isAgreementActive(r, now) ? 'geldig' : r.status === 'goedgekeurd' ? 'goedgekeurd, buiten de geldigheidsduur' : (AGREEMENT_STATUS_LABEL[r.status] ?? r.status),
    active: isAgreementActive(r, now),
    stichtingId: r.stichtingId,
    schoolId: r.schoolId,
    schoolName: r.schoolId ? nameOf(schools, r.schoolId) : null,
    partnerId: r.partnerId,
    partnerName: nameOf(partners, r.partnerId) ?? '',
    publicInterest: r.publicInterest,
    partnership: r.partnership,
    purposes: r.purposes.map((p) => ({ key: p, label: SHARE_PURPOSE_LABEL[p] ?? p })),
    dataCategories: r.dataCategories.map((f) => ({ key: f, label: SHARE_FIELD_LABEL[f as schema.ShareField] ?? f })),
    conditions: r.conditions,
    recipients: r.recipients,
    legalBasis: r.legalBasis,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    retentionDays: r.retentionDays,
    approvedAt: r.approvedAt,
    approvedByName: nameOf(approvers, r.approvedById),
    endedAt: r.endedAt,
    createdAt: r.createdAt,
  }))
}

/**
 * The agreements the caller may read: the stichting's side its own (a school's staff also the
 * stichting-wide ones that cover their school, RLS), a partner the approved ones it is party to.
 */
export async function listAgreements(tx: Tx, ability: AppAbility, ctx: TenantContext, options: { now?: Date } = {}): Promise<AgreementView[] | null> {
  let where
  try {
    where = accessibleWhere(ability, 'read', 'Agreement', agreementColumns)
  } catch {
    return null
  }
  // School staff also read the stichting-wide agreements that cover their school (RLS decides).
  const cond = ctx.schoolId && ctx.stichtingId ? or(where, and(isNull(schema.sharingAgreements.schoolId), eq(schema.sharingAgreements.stichtingId, ctx.stichtingId))) : where
  const partnerSide = ctx.partnerId ? eq(schema.sharingAgreements.status, 'goedgekeurd') : undefined
  const rows = await tx
    .select()
    .from(schema.sharingAgreements)
    .where(and(cond, partnerSide))
    .orderBy(asc(schema.sharingAgreements.status), desc(schema.sharingAgreements.createdAt))
  return present(tx, rows, options.now ?? new Date())
}

export async function getAgreement(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, options: { now?: Date } = {}): Promise<AgreementView | null> {
  if (!z.uuid().safeParse(id).success) return null
  const list = await tx.select().from(schema.sharingAgreements).where(eq(schema.sharingAgreements.id, id))
  const row = list[0]
  if (!row) return null
  const readable =
    ability.can('read', record('Agreement', row)) ||
    // school staff: a stichting-wide agreement of their own stichting
    (row.schoolId === null && ctx.schoolId !== null && row.stichtingId === ctx.stichtingId && ability.can('read', 'Agreement'))
  if (!readable) return null
  if (ctx.partnerId && row.status === 'concept') return null
  return (await present(tx, [row], options.now ?? new Date()))[0] ?? null
}

/**
 * The active agreements a school can share under now, with their partners (for the share form and
 * the melding flow). RLS limits to the caller's stichting and school.
 */
export async function usableAgreements(tx: Tx, ctx: TenantContext, options: { now?: Date; partnerKind?: 'police_unit' | 'halt_region' } = {}): Promise<AgreementView[]> {
  if (!ctx.stichtingId || !ctx.schoolId) return []
  const now = options.now ?? new Date()
  const rows = await tx
    .select()
    .from(schema.sharingAgreements)
    .where(
      and(
        eq(schema.sharingAgreements.stichtingId, ctx.stichtingId),
        eq(schema.sharingAgreements.status, 'goedgekeurd'),
        or(isNull(schema.sharingAgreements.schoolId), eq(schema.sharingAgreements.schoolId, ctx.schoolId)),
      ),
    )
    .orderBy(asc(schema.sharingAgreements.title))
  let views = (await present(tx, rows, now)).filter((a) => a.active)
  if (options.partnerKind) {
    const partners = await tx.select().from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.kind, options.partnerKind))
    const ids = new Set(partners.map((p) => p.id))
    views = views.filter((a) => ids.has(a.partnerId))
  }
  return views
}

/** Partner organisations the stichting or school works with (for the agreement form). */
export async function linkedPartners(tx: Tx): Promise<{ id: string; name: string; kind: string }[]> {
  return tx
    .selectDistinct({ id: schema.partnerOrganisations.id, name: schema.partnerOrganisations.name, kind: schema.partnerOrganisations.kind })
    .from(schema.partnerOrganisations)
    .innerJoin(schema.partnerLinks, eq(schema.partnerLinks.partnerId, schema.partnerOrganisations.id))
    .orderBy(asc(schema.partnerOrganisations.name))
}

/** What the agreement form offers: the partners the stichting works with, and its schools. */
export async function agreementFormOptions(tx: Tx, ctx: TenantContext) {
  const partners = await linkedPartners(tx)
  const schools = ctx.stichtingId
    ? await tx
        .select({ id: schema.schools.id, name: schema.schools.name })
        .from(schema.schools)
        .where(ctx.schoolId ? eq(schema.schools.id, ctx.schoolId) : eq(schema.schools.stichtingId, ctx.stichtingId))
        .orderBy(asc(schema.schools.name))
    : []
  return {
    partners,
    schools,
    purposes: schema.SHARE_PURPOSES.map((p) => ({ value: p, label: SHARE_PURPOSE_LABEL[p] })),
    fields: schema.SHARE_FIELDS.map((f) => ({ value: f, label: SHARE_FIELD_LABEL[f] })),
  }
}
