// Export and import of one stichting's data (packages/db/src/tenant-transfer.ts says what is in it):
//
//   node --import tsx scripts/backup/tenant.ts export <owner-url> <stichting-id> <file.ndjson>
//   node --import tsx scripts/backup/tenant.ts import <superuser-url> <file.ndjson>
//
// The file holds personal data of pupils: it is written readable by its owner only; keep it as the
// stichting's own data (encrypted at rest, deleted when handed over). Both ways stream: a large
// stichting's export is never held in memory.
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { exportTenant, importTenant } from '../../packages/db/src/tenant-transfer.ts'

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

{
  const [command, ...args] = process.argv.slice(2)
  if (command === 'export' && args.length === 3) {
    const out = createWriteStream(args[2]!, { mode: 0o600 })
    const written = await exportTenant(args[0]!, args[1]!, out)
    out.end()
    await once(out, 'finish')
    console.log(`tenant export: stichting ${args[1]} → ${args[2]} (${total(written)} rows in ${Object.keys(written).length} tables)`)
  } else if (command === 'import' && args.length === 2) {
    const inserted = await importTenant(args[0]!, createReadStream(args[1]!))
    console.log(`tenant import: ${total(inserted)} rows written`)
  } else {
    console.error('usage: tenant.ts export <owner-url> <stichting-id> <file.ndjson> | import <superuser-url> <file.ndjson>')
    process.exit(2)
  }
}
