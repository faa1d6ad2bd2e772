// Writes docs/privacy/ from privacy-documents.ts: `npx pnpm --filter @baken/domain privacy:docs`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { privacyDocuments } from './privacy-documents.ts'

const dir = fileURLToPath(new URL('../../../../docs/privacy/', import.meta.url))
mkdirSync(dir, { recursive: true })
for (const [name, text] of Object.entries(privacyDocuments())) writeFileSync(dir + name, text)
console.log(`docs/privacy: ${Object.keys(privacyDocuments()).join(', ')} written`)
