// Export and import of one stichting's data (packages/db/src/tenant-transfer.ts says what is in it):
//
//   node --import tsx scripts/backup/tenant.ts export <owner-url> <stichting-id> <file.json>
//   node --import tsx scripts/backup/tenant.ts import <superuser-url> <file.json>
//
// The file holds personal data of pupils: it is written readable by its owner only; keep it as the
// stichting's own data (encrypted at rest, deleted when handed over).
import { readFileSync, writeFileSync } from 'node:fs'
import { exportTenant, importTenant, type TenantExport } from '../../packages/db/src/tenant-transfer.ts'

{
  const [command, ...args] = process.argv.slice(2)
  if (command === 'export' && args.length === 3) {
    const data = await exportTenant(args[0]!, args[1]!)
    writeFileSync(args[2]!, JSON.stringify(data), { mode: 0o600 })
    const total = Object.values(data.tables).reduce((n, rows) => n + rows.length, 0)
    console.log(`tenant export: stichting ${args[1]} → ${args[2]} (${total} rows in ${Object.keys(data.tables).length} tables)`)
  } else if (command === 'import' && args.length === 2) {
    const inserted = await importTenant(args[0]!, JSON.parse(readFileSync(args[1]!, 'utf8')) as TenantExport)
    console.log(`tenant import: ${Object.values(inserted).reduce((a, b) => a + b, 0)} rows written`)
  } else {
    console.error('usage: tenant.ts export <owner-url> <stichting-id> <file.json> | import <superuser-url> <file.json>')
    process.exit(2)
  }
}
