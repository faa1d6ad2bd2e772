// A guardian (or the pupil from 16) files a bezwaar against a schorsing or verwijdering in the
// portal, on the released decision letter (Awb art. 6:4: a bezwaar is a written objection to the
// bevoegd gezag; art. 6:5: with the grounds). It lands in the bezwaar workflow as received today,
// with the decision deadline the workflow computes from the letter (bezwaarTerms, on the
// Algemene termijnenwet's days). The family cannot read measures: the handover is the SECURITY
// DEFINER function family_file_bezwaar (0059), which checks the open link to the pupil, the live
// released letter and that the decision can be objected to, and writes only the bezwaar and its
// step (ADR 033). A late bezwaar is received too, with the indiener's reason (Awb art. 6:11): the
// bevoegd gezag judges whether the delay is excusable. The school's directeuren and the
// stichting's bestuurders get a mail without content that a bezwaar arrived (family_notify_bezwaar,
// 0069): the family can neither read who they are nor write the outbox itself.
import { resultRows, schema, type Tx } from '@baken/db'
import { eq, sql } from 'drizzle-orm'
import { publicUrl } from '../accounts/invitations/links.ts'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { textInput, recordId } from '../input-rules.ts'
import { bezwaarTerms, dutchDayName } from '../measures/bezwaar.ts'
import { ruleView } from '../measures/rule-model.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import type { ReleasedDecisionLetter } from './measure-items.ts'

export const filePortalBezwaar = defineUseCase({
  name: 'portal/file-portal-bezwaar',
  input: z.object({
    id: recordId(),
    grounds: textInput({ message: 'Schrijf waarom u het niet eens bent met het besluit.' })
      .trim()
      .min(10, 'Schrijf waarom u het niet eens bent met het besluit (minstens 10 tekens).')
      .max(8000, 'Uw bezwaar is te lang (hoogstens 8000 tekens).'),
    lateReason: textInput().trim().max(4000, 'Hoogstens 4000 tekens.').optional(),
  }),
  permission: ['create', 'Bezwaar'],
  async run(tx, { now }, { id, grounds, lateReason }) {
    const notFound = refuse('not_found', 'id', 'Bericht niet gevonden.')
    if (!z.uuid().safeParse(id).success) return notFound
    const p = schema.portalItems
    const [item] = await tx.select({ kind: p.kind, body: p.body }).from(p).where(eq(p.id, id))
    if (!item) return notFound
    const letter = item.body as ReleasedDecisionLetter
    if (item.kind !== 'decision_letter' || !letter.objectable) {
      return refuse('conflict', 'id', 'Tegen dit bericht kunt u hier geen bezwaar maken. Alleen tegen een besluit tot schorsing of verwijdering.')
    }
    const receivedOn = localDate(now)
    const terms = bezwaarTerms({ sector: letter.sector, measureKind: letter.measureKind, decisionSentOn: letter.decisionSentOn, receivedOn })
    if (terms.late && (lateReason?.length ?? 0) < 10) {
      return refuse(
        'invalid',
        'lateReason',
        `De termijn voor bezwaar liep tot en met ${dutchDayName(terms.objectionDeadline)}. U kunt nog bezwaar maken als u een goede reden had om later te zijn (Awb art. 6:11). Schrijf die reden op.`,
      )
    }
    const step = `Bezwaar ontvangen via het ouderportaal op ${dutchDayName(receivedOn)}; beslissen uiterlijk ${dutchDayName(terms.decisionDueOn)} (${terms.decisionTerm.source}).` + (terms.late ? ` Na de bezwaartermijn ontvangen; reden van de indiener: ${lateReason}` : '')
    const [row] = resultRows<{ outcome: string; bezwaar_id: string | null }>(
      await tx.execute(sql`select * from family_file_bezwaar(${id}::uuid, ${receivedOn}::date, ${terms.decisionDueOn}::date, ${terms.late}, ${grounds}, ${lateReason ?? null}, ${step})`),
    )
    switch (row?.outcome) {
      case 'ok':
        await notifySchoolOfBezwaar(tx, row.bezwaar_id!)
        return {
          ok: true,
          id: row.bezwaar_id!,
          receivedOn,
          objectionDeadline: terms.objectionDeadline,
          decisionDueOn: terms.decisionDueOn,
          late: terms.late,
          decisionTerm: ruleView(terms.decisionTerm),
        }
      case 'open':
        return refuse('conflict', 'id', 'Er loopt al een bezwaar tegen dit besluit. De school laat u weten wat er mee gebeurt.')
      case 'not_objectable':
        return refuse('conflict', 'id', 'Tegen dit besluit kan nu geen bezwaar worden gemaakt.')
      case 'invalid':
        return refuse('invalid', 'grounds', 'Uw bezwaar kon niet worden ontvangen: controleer de tekst.')
      default:
        return notFound
    }
  },
})

/** "A bezwaar arrived through the portal", with a link to the measure and nothing about the pupil or the grounds. */
async function notifySchoolOfBezwaar(tx: Tx, bezwaarId: string): Promise<void> {
  const [b] = await tx.select({ measureId: schema.bezwaren.measureId }).from(schema.bezwaren).where(eq(schema.bezwaren.id, bezwaarId))
  const text = [
    'Goedendag,',
    '',
    'Via het ouderportaal is een bezwaar binnengekomen tegen een besluit over een leerling van uw school. De termijn om te beslissen loopt vanaf vandaag. Log in om het bezwaar te lezen:',
    `${publicUrl()}/maatregelen/${b?.measureId ?? ''}`,
    '',
    'Dit bericht bevat bewust geen namen of inhoud.',
  ].join('\n')
  await tx.execute(sql`select family_notify_bezwaar(${bezwaarId}::uuid, ${'Bezwaar ontvangen via het ouderportaal'}, ${text})`)
}
