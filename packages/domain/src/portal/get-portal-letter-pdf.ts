// The released decision letter as PDF, for the family: the snapshot taken at release, as sent.
// Another child's letter, a withdrawn one or one of another school is not there (RLS 0058).
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import type { ReleasedDecisionLetter } from './measure-items.ts'

export const getPortalLetterPdf = defineUseCase({
  name: 'portal/get-portal-letter-pdf',
  input: z.object({ id: recordId() }),
  permission: ['read', 'PortalItem'],
  async run(tx, _ctx, { id }) {
    const notFound = refuse('not_found', 'id', 'Brief niet gevonden.')
    if (!z.uuid().safeParse(id).success) return notFound
    const p = schema.portalItems
    const [item] = await tx.select({ kind: p.kind, body: p.body }).from(p).where(eq(p.id, id))
    if (!item || item.kind !== 'decision_letter') return notFound
    const letter = item.body as ReleasedDecisionLetter
    const bytes = Buffer.from(letter.pdfBase64, 'base64')
    const pdf = new Uint8Array(new ArrayBuffer(bytes.length))
    pdf.set(bytes)
    // No pupil's name in the file name: downloads folders outlive the case.
    return { ok: true as const, pdf, filename: `${letter.letterKind.replace(/_/g, '-')}-v${letter.letterVersion}.pdf` }
  },
})
