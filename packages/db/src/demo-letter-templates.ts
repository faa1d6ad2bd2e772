// The demo stichtingen save the built-in templates as their version 1, so /sjablonen shows a
// history to edit from. Every letter records the template version it was made from.
import type { Tx } from './client.ts'
import { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates.ts'
import * as s from './schema.ts'

export async function seedDemoLetterTemplates(tx: Tx, stichtingIds: string[]) {
  await tx.insert(s.letterTemplates).values(
    stichtingIds.flatMap((stichtingId) =>
      s.LETTER_KINDS.map((kind) => ({ stichtingId, kind, version: 1, body: DEFAULT_LETTER_TEMPLATES[kind] })),
    ),
  )
}
