// Restores a backup of the embedded database (pglite-backup.sh) into a new data folder:
//
//   node --import tsx scripts/backup/pglite-restore.ts <backup.tar.gz> <new-data-dir>
//
// Then start the server with PGLITE_DATA_DIR=<new-data-dir>. The folder must not hold a database
// yet: a restore never writes over one (stop the server, move the old folder aside, restore).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '../../packages/db/src/client.ts'

const [file, dataDir] = process.argv.slice(2)
if (!file || !dataDir) {
  console.error('usage: pglite-restore.ts <backup.tar.gz> <new-data-dir>')
  process.exit(2)
}
if (existsSync(join(dataDir, 'PG_VERSION'))) {
  console.error(`pglite-restore: ${dataDir} already holds a database; choose a new folder`)
  process.exit(1)
}
const handle = await openDatabase({ kind: 'pglite', dataDir, snapshot: file })
await handle.close()
console.log(`pglite-restore: ${file} → ${dataDir}`)
