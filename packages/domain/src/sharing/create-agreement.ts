// Drafting a sharing agreement (status concept) with the fields Wpg art. 20 lid 2 requires: the
// compelling public interest, the partnership and its purpose, the data categories, conditions,
// recipients, legal basis, validity and retention. A directeur drafts for the own school only.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { calendarDate, textInput } from '../input-rules.ts'
import { oneOrMany } from './list-input.ts'
import { defineUseCase, refuse } from '../use-case.ts'

const required = (label: string, max = 4000) =>
  textInput({ error: `Vul ${label} in.` })
    .trim()
    .min(1, { error: `Vul ${label} in.` })
    .max(max, { error: `${label[0]!.toUpperCase()}${label.slice(1)} is te lang (ten hoogste ${max} tekens).` })

const day = (label: string) => calendarDate(`Vul een geldige datum in voor ${label} (jjjj-mm-dd).`)
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
    validFrom: day('geldig vanaf'),
    validUntil: day('geldig tot en met'),
    retentionDays: z.coerce
      .number({ error: 'Vul de bewaartermijn in dagen in.' })
      .int({ error: 'De bewaartermijn is een heel aantal dagen.' })
      .min(1, { error: 'De bewaartermijn is ten minste 1 dag.' })
      .max(3650, { error: 'De bewaartermijn is ten hoogste 10 jaar (3650 dagen).' }),
  })
  .superRefine((v, c) => {
    if (v.validUntil < v.validFrom) c.addIssue({ code: 'custom', path: ['validUntil'], message: 'De einddatum ligt vóór de begindatum.' })
  })

export const createAgreement = defineUseCase({
  name: 'sharing/create-agreement',
  input: agreementInput,
  permission: ['create', 'Agreement'],
  forbidden: 'U mag geen convenant opstellen.',
  listErrorsOnField: true,
  async run(tx, { ability, tenant }, input) {
    if (!tenant.stichtingId) return refuse('forbidden', '', 'U mag geen convenant opstellen.')
    const schoolId = tenant.schoolId ?? input.schoolId ?? null
    if (tenant.schoolId && input.schoolId && input.schoolId !== tenant.schoolId) return refuse('forbidden', 'schoolId', 'U kunt alleen een convenant voor uw eigen school opstellen.')
    if (!ability.can('create', record('Agreement', { stichtingId: tenant.stichtingId, schoolId, partnerId: input.partnerId, status: 'concept' }))) {
      return refuse('forbidden', 'schoolId', 'U mag voor deze school of stichting geen convenant opstellen.')
    }
    if (schoolId) {
      const [school] = await tx.select({ id: schema.schools.id }).from(schema.schools).where(and(eq(schema.schools.id, schoolId), eq(schema.schools.stichtingId, tenant.stichtingId)))
      if (!school) return refuse('invalid', 'schoolId', 'Onbekende school.')
    }
    const [partner] = await tx.select().from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.id, input.partnerId))
    if (!partner) return refuse('invalid', 'partnerId', 'Onbekende partnerorganisatie.')
    const [row] = await tx
      .insert(schema.sharingAgreements)
      .values({
        stichtingId: tenant.stichtingId,
        schoolId,
        partnerId: input.partnerId,
        title: input.title,
        publicInterest: input.publicInterest,
        partnership: input.partnership,
        purposes: input.purposes,
        dataCategories: schema.SHARE_FIELDS.filter((f) => input.dataCategories.includes(f)),
        conditions: input.conditions,
        recipients: input.recipients,
        legalBasis: input.legalBasis,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        retentionDays: input.retentionDays,
        status: 'concept',
        createdById: tenant.userId,
      })
      .returning({ id: schema.sharingAgreements.id })
    return { ok: true, id: row!.id }
  },
})
