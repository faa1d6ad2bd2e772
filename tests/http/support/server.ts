// Starts the real Baken server (apps/web/server/index.ts, production build) as a child process on a
// free port, with a fresh in-memory PGlite database holding the demo data. Real HTTP, no mocks.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { PGLITE_SNAPSHOT_ENV } from '../../../packages/db/test/support/seeded-env.ts'

export interface RunningServer {
  baseUrl: string
  /** The server process, e.g. for its resident memory (scripts/bench). */
  pid: number
  stop(): Promise<void>
  /** SIGKILL, as a crash or an OOM kill: no shutdown runs. Resolves when the process is gone. */
  kill(): Promise<void>
  /** The signal that ended the process (null while it runs or after a normal exit). */
  signal(): NodeJS.Signals | null
  output(): string
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Starts the server; `env` goes over the defaults below (PORT there picks the port). webDir: the
 * apps/web folder whose build/server.js runs (the benchmark compares another checkout's build).
 */
export async function startServer(env: Record<string, string> = {}, options: { webDir?: string } = {}): Promise<RunningServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort()
  const web = options.webDir ?? fileURLToPath(new URL('../../../apps/web', import.meta.url))
  let log = ''
  const child: ChildProcess = spawn(process.execPath, ['build/server.js'], {
    cwd: web,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BAKEN_MODE: 'demo',
      PGLITE_DATA_DIR: 'memory://',
      // The run's seeded snapshot (tests/http/global-setup.ts): the server starts from a copy of
      // it instead of migrating and seeding. Unset, it migrates and seeds at start.
      PGLITE_SNAPSHOT: process.env[PGLITE_SNAPSHOT_ENV] ?? '',
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      // A test file writes as one user many times within seconds, which a person never does: the
      // write limit stays on, with room for that. write-rate-limit.test.ts tests the limit itself
      // with its own settings.
      BAKEN_WRITE_LIMIT_BURST: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (log += String(d)))
  child.stderr?.on('data', (d) => (log += String(d)))
  const baseUrl = `http://127.0.0.1:${port}`
  // Without a snapshot the demo seed runs at start; on a busy 2-core machine that can take a minute.
  const deadline = Date.now() + 150_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`)
    try {
      const res = await fetch(`${baseUrl}/healthz`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not become healthy:\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    baseUrl,
    pid: child.pid!,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5000).unref()
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      }),
    signal: () => child.signalCode,
  }
}
