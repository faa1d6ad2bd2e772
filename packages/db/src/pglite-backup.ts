// A backup of the embedded database while the server runs: PGlite lives inside the web process (no
// other process may open its data folder), so the running process writes the copy itself. PGlite
// runs one statement at a time; dumpDataDir waits its turn and copies a consistent data folder
// while requests queue behind it for the second or so it takes.
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import type { DatabaseHandle } from './client.ts'

/** BAKEN_PGLITE_BACKUP_DIR, default ./data/backups. */
export function pgliteBackupDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BAKEN_PGLITE_BACKUP_DIR?.trim() || './data/backups'
}

/**
 * Writes the data folder as pglite-<UTC time>.tar.gz in `dir` (readable by its owner only; written
 * under a temporary name and renamed, so a half-written file is never taken for a backup).
 * Restore: start the server with PGLITE_DATA_DIR set to a new, empty folder and PGLITE_SNAPSHOT
 * set to the file (scripts/backup/pglite-restore.ts does the same without a server).
 */
export async function writePgliteBackup(handle: DatabaseHandle, dir: string, now = new Date()): Promise<string> {
  if (handle.kind !== 'pglite') throw new Error('writePgliteBackup: not an embedded database')
  const client = (handle.db as unknown as { $client: PGlite }).$client
  const tarball = await client.dumpDataDir('gzip')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = join(dir, `pglite-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.tar.gz`)
  const partial = `${file}.partial`
  writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 })
  chmodSync(partial, 0o600)
  renameSync(partial, file)
  return file
}
