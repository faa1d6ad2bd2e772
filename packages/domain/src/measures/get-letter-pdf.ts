// One stored decision letter as PDF, as sent; downloading it is logged as opening the case.
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { isUuid } from './letters.ts'
import { loadMeasure, recordMeasureAccess } from './measure-cases.ts'
import { recordId } from '../input-rules.ts'

/** One stored letter as PDF, or null when the measure or the letter is not visible. */
export const getLetterPdf = defineUseCase({
  name: 'measures/get-letter-pdf',
  input: z.object({ id: recordId(), letterId: recordId() }),
  permission: ['read', 'Measure'],
  async run(tx, { ability, tenant: ctx }, { id: measureId, letterId }) {
    const notFound = refuse('not_found', 'letterId', 'Brief niet gevonden.')
    if (!isUuid(letterId)) return notFound
    const m = await loadMeasure(tx, ability, measureId)
    if (!m) return notFound
    const [letter] = await tx
      .select({ kind: schema.measureLetters.kind, version: schema.measureLetters.version, pdfBase64: schema.measureLetters.pdfBase64 })
      .from(schema.measureLetters)
      .where(and(eq(schema.measureLetters.id, letterId), eq(schema.measureLetters.measureId, m.id)))
    if (!letter) return notFound
    // Downloading the letter opens the case: logged in the access log like the measure page.
    await recordMeasureAccess(tx, ability, ctx, m)
    const bytes = Buffer.from(letter.pdfBase64, 'base64')
    const pdf = new Uint8Array(new ArrayBuffer(bytes.length))
    pdf.set(bytes)
    // No pupil's name in the file name: downloads folders and mail attachments outlive the case.
    return { ok: true as const, pdf, filename: `${letter.kind.replace(/_/g, '-')}-${m.id.slice(0, 8)}-v${letter.version}.pdf`, kind: letter.kind, version: letter.version }
  },
})
