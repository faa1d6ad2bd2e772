// Retention per data category, per stichting (storage limitation, AVG art. 5 lid 1 e), and legal holds on a student.
// A category without a row uses the guideline default below; the privacyfunctionaris changes them.
// The same defaults live in SQL (migration 0021, privacy_retention_months), which the purge uses; a
// DB test checks the two agree.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import { displayName } from '../students.ts'
import { privacyZodFailure, type PrivacyFailure } from './subject-requests.ts'
import { textInput } from '../input-rules.ts'

export const RETENTION_CATEGORIES = schema.RETENTION_CATEGORIES
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number]

export interface RetentionDefault {
  months: number
  label: string
  /** What the category covers and from when the term runs. */
  covers: string
  /** Why this default. */
  justification: string
}

export const RETENTION_DEFAULTS: Record<RetentionCategory, RetentionDefault> = {
  leerlingdossier: {
    months: 24,
    label: 'Leerlingdossier',
    covers: 'Incidenten, maatregelen, Halt-verwijzingen, gedeelde gegevens en ouders/verzorgers van een leerling; vanaf de uitschrijving.',
    justification: 'Richtlijn voor het onderwijs: het leerlingdossier twee jaar na het verlaten van de school.',
  },
  administratie: {
    months: 60,
    label: 'Administratie',
    covers: 'De leerlinggegevens zelf (naam, geboortedatum, in- en uitschrijving) met de AVG-verzoeken; vanaf de uitschrijving.',
    justification: 'Richtlijn: leerlingadministratie voor bekostiging en verantwoording vijf jaar na uitschrijving.',
  },
  gedeelde_gegevens: {
    months: 12,
    label: 'Gedeelde gegevens',
    covers: 'De inhoud die met een partner is gedeeld; vanaf het verlopen of intrekken van het delen. Het deelrecord zelf (aan wie, waarom, grondslag) blijft bij het dossier.',
    justification:
      'Na afloop van het delen is de kopie niet meer nodig; een jaar laat ruimte voor inzageverzoeken (AVG art. 15: ook aan wie is verstrekt), klachten en de jaarlijkse controle door de FG.',
  },
  toegangslog: {
    months: 60,
    label: 'Toegangslog',
    covers: 'Wie welke gegevens inzag. Het log is alleen-toevoegen en met hashes geketend: het wordt niet door de opschoning verwijderd; regels voorbij de termijn worden gemeld.',
    justification:
      'Het log moet het dossier overleven, zodat een leerling ook na het opschonen kan vragen wie het dossier inzag; vijf jaar sluit aan bij de administratie (vergelijk NEN 7513: vijf jaar).',
  },
}

export interface RetentionSetting {
  category: RetentionCategory
  label: string
  months: number
  defaultMonths: number
  isDefault: boolean
  covers: string
  justification: string
  updatedAt: string | null
}

/** The stichting's retention terms (defaults where none is set). Privacyfunctionaris (and the board). */
export async function getRetentionSettings(tx: Tx, ability: AppAbility, ctx: TenantContext): Promise<RetentionSetting[]> {
  const where = accessibleWhere(ability, 'read', 'Retention', { stichtingId: schema.retentionSettings.stichtingId })
  const rows = ctx.stichtingId
    ? await tx
        .select()
        .from(schema.retentionSettings)
        .where(and(eq(schema.retentionSettings.stichtingId, ctx.stichtingId), where))
    : []
  return effectiveRetention(rows)
}

/** Combines stored rows with the defaults (pure; unit-tested). */
export function effectiveRetention(rows: readonly { category: string; months: number; updatedAt?: Date | null }[]): RetentionSetting[] {
  return RETENTION_CATEGORIES.map((category) => {
    const d = RETENTION_DEFAULTS[category]
    const row = rows.find((r) => r.category === category)
    return {
      category,
      label: d.label,
      months: row?.months ?? d.months,
      defaultMonths: d.months,
      isDefault: !row,
      covers: d.covers,
      justification: d.justification,
      updatedAt: row?.updatedAt?.toISOString() ?? null,
    }
  })
}

export const setRetentionInput = z.object({
  category: z.enum(RETENTION_CATEGORIES, 'Kies een categorie'),
  months: z.coerce
    .number('Vul een aantal maanden in')
    .int('Vul een heel aantal maanden in')
    .min(1, 'Minimaal 1 maand')
    .max(1200, 'Maximaal 1200 maanden'),
})

export async function setRetention(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown): Promise<{ ok: true } | PrivacyFailure> {
  const parsed = setRetentionInput.safeParse(raw)
  if (!parsed.success) return privacyZodFailure(parsed.error)
  if (!ctx.stichtingId || !ability.can('update', record('Retention', { stichtingId: ctx.stichtingId }))) {
    return { ok: false, status: 403, errors: [{ path: '', message: 'Alleen de privacyfunctionaris stelt bewaartermijnen in.' }] }
  }
  const values = { stichtingId: ctx.stichtingId, category: parsed.data.category, months: parsed.data.months, updatedById: ctx.userId, updatedAt: new Date() }
  await tx
    .insert(schema.retentionSettings)
    .values(values)
    .onConflictDoUpdate({
      target: [schema.retentionSettings.stichtingId, schema.retentionSettings.category],
      set: { months: values.months, updatedById: values.updatedById, updatedAt: values.updatedAt },
    })
  return { ok: true }
}

// ---- Legal holds ----

const holdColumns = { schoolId: schema.legalHolds.schoolId, stichtingId: schema.legalHolds.stichtingId }

export interface LegalHoldItem {
  id: string
  studentId: string
  studentName: string
  schoolName: string
  reason: string
  setBy: string
  setAt: string
  liftedAt: string | null
  active: boolean
}

export async function listLegalHolds(tx: Tx, ability: AppAbility): Promise<LegalHoldItem[]> {
  const setBy = sql<string>`(select u.name from users u where u.id = ${schema.legalHolds.setById})`
  const rows = await tx
    .select({
      h: schema.legalHolds,
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
      schoolName: schema.schools.name,
      setBy,
    })
    .from(schema.legalHolds)
    .innerJoin(schema.students, eq(schema.students.id, schema.legalHolds.studentId))
    .innerJoin(schema.schools, eq(schema.schools.id, schema.legalHolds.schoolId))
    .where(accessibleWhere(ability, 'read', 'LegalHold', holdColumns))
    .orderBy(desc(schema.legalHolds.setAt))
  return rows.map(({ h, schoolName, setBy, ...name }) => ({
    id: h.id,
    studentId: h.studentId,
    studentName: displayName(name),
    schoolName,
    reason: h.reason,
    setBy: setBy ?? '',
    setAt: h.setAt.toISOString(),
    liftedAt: h.liftedAt?.toISOString() ?? null,
    active: h.liftedAt === null,
  }))
}

export const setLegalHoldInput = z.object({
  studentId: z.uuid('Kies een leerling'),
  reason: textInput('Geef de reden van de bewaarplicht').trim().min(5, 'Geef de reden van de bewaarplicht (minstens 5 tekens)').max(2000, 'Reden te lang (max. 2000 tekens)'),
})

export async function setLegalHold(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown): Promise<{ ok: true; id: string } | PrivacyFailure> {
  const parsed = setLegalHoldInput.safeParse(raw)
  if (!parsed.success) return privacyZodFailure(parsed.error)
  const [student] = await tx
    .select({ id: schema.students.id, schoolId: schema.students.schoolId, stichtingId: schema.students.stichtingId })
    .from(schema.students)
    .where(eq(schema.students.id, parsed.data.studentId))
  if (!student || !ability.can('read', record('LegalHold', { schoolId: student.schoolId, stichtingId: student.stichtingId }))) {
    return { ok: false, status: 404, errors: [{ path: 'studentId', message: 'Leerling niet gevonden.' }] }
  }
  if (!ability.can('create', record('LegalHold', { schoolId: student.schoolId, stichtingId: student.stichtingId }))) {
    return { ok: false, status: 403, errors: [{ path: '', message: 'Geen toegang: bewaarplicht instellen.' }] }
  }
  const [active] = await tx
    .select({ id: schema.legalHolds.id })
    .from(schema.legalHolds)
    .where(and(eq(schema.legalHolds.studentId, student.id), isNull(schema.legalHolds.liftedAt)))
  if (active) return { ok: false, status: 409, errors: [{ path: 'studentId', message: 'Voor deze leerling geldt al een bewaarplicht.' }] }
  const [row] = await tx
    .insert(schema.legalHolds)
    .values({ stichtingId: student.stichtingId, schoolId: student.schoolId, studentId: student.id, reason: parsed.data.reason, setById: ctx.userId })
    .returning({ id: schema.legalHolds.id })
  return { ok: true, id: row!.id }
}

export async function liftLegalHold(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string): Promise<{ ok: true; id: string } | PrivacyFailure> {
  const notFound: PrivacyFailure = { ok: false, status: 404, errors: [{ path: 'id', message: 'Bewaarplicht niet gevonden.' }] }
  if (!z.uuid().safeParse(id).success) return notFound
  const [hold] = await tx
    .select({ id: schema.legalHolds.id, liftedAt: schema.legalHolds.liftedAt })
    .from(schema.legalHolds)
    .where(and(eq(schema.legalHolds.id, id), accessibleWhere(ability, 'read', 'LegalHold', holdColumns)))
  if (!hold) return notFound
  if (hold.liftedAt) return { ok: false, status: 409, errors: [{ path: 'id', message: 'Deze bewaarplicht is al opgeheven.' }] }
  if (!ability.can('update', 'LegalHold')) return { ok: false, status: 403, errors: [{ path: '', message: 'Geen toegang: bewaarplicht opheffen.' }] }
  const lifted = await tx
    .update(schema.legalHolds)
    .set({ liftedAt: new Date(), liftedById: ctx.userId })
    .where(and(eq(schema.legalHolds.id, id), isNull(schema.legalHolds.liftedAt), accessibleWhere(ability, 'update', 'LegalHold', holdColumns)))
    .returning({ id: schema.legalHolds.id })
  if (lifted.length === 0) return { ok: false, status: 403, errors: [{ path: '', message: 'Geen toegang: bewaarplicht opheffen.' }] }
  return { ok: true, id }
}
