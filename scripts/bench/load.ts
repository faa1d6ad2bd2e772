// The benchmark's load: the HTTP tests' server starter and client (to sign in), and autocannon
// driving a fixed number of concurrent keep-alive connections, each with its own session; latency percentiles.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { startServer as startTestServer, type RunningServer } from '../../tests/http/support/server.ts'

export const WEB_DIR = fileURLToPath(new URL('../../apps/web', import.meta.url))

/** A signed-in session: the HTTP tests' client (cookie, Origin on writes). */
export { Client as Session } from '../../tests/http/support/client.ts'
import type { Client as Session } from '../../tests/http/support/client.ts'

/** Builds apps/web (production) when apps/web/build is missing. */
export async function ensureBuild(log: (line: string) => void): Promise<void> {
  // The server bundle is the last step of apps/web's build script (remix vite:build, then server/bundle.mjs).
  if (existsSync(`${WEB_DIR}/build/server.js`)) return
  log('apps/web/build is missing: running `npx remix vite:build && node server/bundle.mjs` …')
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const child = spawn('sh', ['-c', 'npx remix vite:build && node server/bundle.mjs'], { cwd: WEB_DIR, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout?.on('data', (d) => (output += String(d)))
    child.stderr?.on('data', (d) => (output += String(d)))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the build exited with ${code}:\n${output.slice(-4000)}`))))
  })
}

/**
 * The V8 heap limits production runs with: infra/Dockerfile's NODE_OPTIONS and apps/web's start
 * script (ADR 039). apps/web/test/node-options.unit.test.ts keeps the three equal.
 */
export const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=256 --max-semi-space-size=4'

/**
 * Starts the real server (production build) on the benchmark database, as the HTTP tests do, with
 * production's heap limits unless `env` names NODE_OPTIONS. The
 * per-user write limit is off: the workers of a role share one account, and the benchmark measures
 * capacity, not a runaway client.
 */
export function startServer(databaseUrl: string, env: Record<string, string> = {}, options: { webDir?: string } = {}): Promise<RunningServer> {
  return startTestServer(
    { DATABASE_URL: databaseUrl, PGLITE_DATA_DIR: '', BAKEN_MAIL_WORKER: '0', BAKEN_WRITE_LIMIT_PER_MINUTE: '0', NODE_OPTIONS: PRODUCTION_NODE_OPTIONS, ...env },
    options,
  )
}

/** Resident memory (VmRSS) of a process in MB, or null when it cannot be read. */
export function residentMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : null
  } catch {
    return null
  }
}

/** Samples a process's resident memory every interval; max() is the highest value seen. */
export class MemorySampler {
  private peak = 0
  private timer: NodeJS.Timeout | null = null
  constructor(readonly pid: number) {}
  start(intervalMs = 100) {
    this.sample()
    this.timer = setInterval(() => this.sample(), intervalMs)
    this.timer.unref()
  }
  stop() {
    if (this.timer) clearInterval(this.timer)
    this.sample()
  }
  private sample() {
    const mb = residentMb(this.pid)
    if (mb !== null && mb > this.peak) this.peak = mb
  }
  max() {
    return this.peak
  }
}

export interface Outcome {
  /** Status codes the scenario expects (e.g. 200, 201). */
  ok: boolean
  status: number
}

export interface LoadResult {
  latencies: number[]
  errors: number
  /** A few distinct unexpected answers, for the report. */
  errorSamples: string[]
  elapsedMs: number
  perScenario: Map<string, { latencies: number[]; errors: number }>
}

/** One request of a scenario, as the load tool sends it. */
export interface LoadRequest {
  scenario: string
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body?: string
  /** Status codes that count as a right answer. */
  expect: number[]
}

/** A request of a signed-in session: its cookie, and on writes Origin and a JSON body, as the app's pages send them. */
export function sessionRequest(session: Session, scenario: string, method: 'GET' | 'POST', path: string, expect: number[], json?: unknown): LoadRequest {
  const headers: Record<string, string> = {}
  if (session.cookie) headers.cookie = `baken_session=${session.cookie}`
  if (method !== 'GET') headers.origin = session.baseUrl
  if (json === undefined) return { scenario, method, path, headers, expect }
  headers['content-type'] = 'application/json'
  return { scenario, method, path, headers, body: JSON.stringify(json), expect }
}

/**
 * Drives the server with autocannon: `workers` keep-alive connections (one autocannon instance
 * each, so a worker keeps its own session), each sending its next request when the previous one is
 * answered. Stops after `requests` requests in all, or after `durationMs`, whichever comes first.
 * Latency is autocannon's: from writing the request to the end of the response.
 */
export async function runLoad(options: {
  baseUrl: string
  workers: number
  requests?: number
  durationMs?: number
  next: (worker: number) => LoadRequest
}): Promise<LoadResult> {
  const result: LoadResult = { latencies: [], errors: 0, errorSamples: [], elapsedMs: 0, perScenario: new Map() }
  const record = (scenario: string, ms: number | null, ok: boolean, sample: string) => {
    const bucket = result.perScenario.get(scenario) ?? { latencies: [], errors: 0 }
    result.perScenario.set(scenario, bucket)
    if (ms !== null) {
      bucket.latencies.push(ms)
      result.latencies.push(ms)
    }
    if (!ok) {
      bucket.errors++
      result.errors++
      if (result.errorSamples.length < 5 && !result.errorSamples.includes(sample)) result.errorSamples.push(sample)
    }
  }
  // The requests in all, spread over the workers (a worker with none does not start).
  const quota = (w: number) =>
    options.requests === undefined ? undefined : Math.floor(options.requests / options.workers) + (w < options.requests % options.workers ? 1 : 0)
  const started = performance.now()
  const instances: autocannon.Instance[] = []
  const runs = Array.from({ length: options.workers }, (_, w) => {
    const amount = quota(w)
    if (amount === 0) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      let current: LoadRequest | null = null
      let body = ''
      const instance = autocannon(
        {
          url: options.baseUrl,
          connections: 1,
          pipelining: 1,
          // A request that takes longer than this counts as an error (a timeout), not as a latency.
          timeout: 120,
          ...(amount === undefined ? { duration: (options.durationMs ?? 60_000) / 1000 } : { amount }),
          requests: [
            {
              setupRequest: (req) => {
                current = options.next(w)
                return { ...req, method: current.method, path: current.path, headers: current.headers, body: current.body }
              },
              onResponse: (_status, text) => {
                body = text
              },
            },
          ],
        },
        (error) => (error ? reject(error) : resolve()),
      )
      instance.on('response', (_client, status, _bytes, ms) => {
        if (!current) return
        record(current.scenario, ms, current.expect.includes(status), `${current.scenario}: ${status} ${body.slice(0, 160)}`)
      })
      // A connection error, or no answer within the timeout.
      instance.on('reqError', (error) => record(current?.scenario ?? '?', null, false, `${current?.scenario ?? '?'}: ${String(error)}`))
      instances.push(instance)
    })
  })
  const timer =
    options.durationMs === undefined || options.requests === undefined
      ? null
      : setTimeout(() => instances.forEach((i) => i.stop()), options.durationMs)
  try {
    await Promise.all(runs)
  } finally {
    if (timer) clearTimeout(timer)
  }
  result.elapsedMs = performance.now() - started
  return result
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}
