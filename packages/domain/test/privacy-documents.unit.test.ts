// The privacy documents in docs/privacy/ are what the code generates (retention defaults, data
// categories, purposes, roles): a change to the rules without `pnpm --filter @baken/domain
// privacy:docs` fails here, so the documents a school signs stay true.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { schema } from '@baken/db'
import { privacyDocuments } from '../src/privacy/privacy-documents.ts'
import { RETENTION_DEFAULTS } from '../src/privacy/retention.ts'

const dir = fileURLToPath(new URL('../../../docs/privacy/', import.meta.url))

describe('docs/privacy', () => {
  it.each(Object.entries(privacyDocuments()))('%s is up to date (npx pnpm --filter @baken/domain privacy:docs)', (name, text) => {
    expect(readFileSync(dir + name, 'utf8')).toBe(text)
  })

  it('the annex names every retention term, data field and purpose the product has', () => {
    const annex = privacyDocuments()['verwerkersovereenkomst-bijlage.md']!
    for (const d of Object.values(RETENTION_DEFAULTS)) expect(annex).toContain(`| ${d.label} |`)
    for (const f of schema.SHARE_FIELDS) expect(annex).toContain(`\`${f}\``)
    for (const p of schema.SHARE_PURPOSES) expect(annex).toContain(`\`${p}\``)
    expect(annex).toMatch(/## 6\. Subverwerkers[\s\S]*Resend/)
    expect(annex).toMatch(/## 8\. Datalekken[\s\S]*72 uur/)
  })
})
