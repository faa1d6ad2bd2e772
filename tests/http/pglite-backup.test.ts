// The embedded database's backup while the server runs, and its restore: the server on a PGlite
// data folder keeps answering while pglite-backup.sh has it write a copy; a change made before the
// backup is in the restored copy, one made after it is not, and a server started on the restored
// folder serves it.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'baken-pglite-backup-'))
const servers: RunningServer[] = []
afterAll(async () => {
  for (const s of servers) await s.stop()
  rmSync(dir, { recursive: true, force: true })
})

const draft = (c: Client, pupil: string, situation: string) =>
  c.request('POST', '/api/v1/incidents', {
    json: { occurredAt: new Date(Date.now() - 3600_000).toISOString(), voorval: [1], situation, persons: [{ role: 'dader', kind: 'leerling', studentId: pupil }] },
  })
const situations = async (c: Client) =>
  ((await c.get('/api/v1/incidents?status=draft&pageSize=100')).json().items as { id: string }[]).length

describe('PGlite backup while the server runs, and restore', () => {
  it('copies a consistent data folder without stopping the server; the restored folder serves what was there at the backup', async () => {
    const live = await startServer({ PGLITE_DATA_DIR: join(dir, 'data'), BAKEN_PGLITE_BACKUP_DIR: join(dir, 'backups') })
    servers.push(live)
    const teacher = new Client(live.baseUrl)
    await teacher.login('leerkracht@branding.demo')
    const pupil = (await teacher.get('/api/v1/students?pageSize=1')).json().items[0].id as string
    expect((await draft(teacher, pupil, 'Voor de back-up gemeld.')).status).toBe(201)
    const before = await situations(teacher)

    // Requests keep being answered while the backup is written.
    let answered = 0
    let busy = true
    const reading = (async () => {
      while (busy) {
        expect((await teacher.get('/api/v1/me')).status).toBe(200)
        answered++
      }
    })()
    const { stdout } = await run('bash', [join(root, 'scripts/backup/pglite-backup.sh'), String(live.pid), join(dir, 'backups')])
    busy = false
    await reading
    expect(answered).toBeGreaterThan(0)
    const file = stdout.trim()
    expect(file).toMatch(/pglite-\d{8}T\d{6}Z\.tar\.gz$/)
    expect(live.output()).toContain(`PGlite backup written: ${file}`)

    expect((await draft(teacher, pupil, 'Na de back-up gemeld.')).status).toBe(201)
    await live.stop()

    await run(process.execPath, ['--import', 'tsx', join(root, 'scripts/backup/pglite-restore.ts'), file, join(dir, 'restored')], { cwd: root })
    // A second restore into the same folder is refused: a restore never writes over a database.
    await expect(run(process.execPath, ['--import', 'tsx', join(root, 'scripts/backup/pglite-restore.ts'), file, join(dir, 'restored')], { cwd: root })).rejects.toThrow()

    const restored = await startServer({ PGLITE_DATA_DIR: join(dir, 'restored'), PGLITE_SNAPSHOT: '' })
    servers.push(restored)
    expect((await fetch(`${restored.baseUrl}/healthz`)).status).toBe(200)
    const again = new Client(restored.baseUrl)
    await again.login('leerkracht@branding.demo')
    expect(await situations(again)).toBe(before)
  })
})
