// Retention per data category, per stichting (storage limitation, AVG art. 5 lid 1 e), and legal holds on a student.
// A category without a row uses the guideline default below; the privacyfunctionaris changes them.
// The same defaults live in SQL (migration 0021, privacy_retention_months), which the purge uses; a
// DB test checks the two agree. The use cases: get-retention.ts, set-retention.ts, list-, set- and
// lift-legal-hold.ts.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, type AppAbility } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'

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

/** The stichting's retention terms (defaults where none is set), as the caller may read them. */
export async function retentionSettings(tx: Tx, ability: AppAbility, ctx: TenantContext): Promise<RetentionSetting[]> {
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

// ---- Legal holds ----

/** The columns CASL's legal-hold conditions name. */
export const legalHoldColumns = { schoolId: schema.legalHolds.schoolId, stichtingId: schema.legalHolds.stichtingId }

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
