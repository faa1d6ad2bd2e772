// The small load generator of the benchmark: the HTTP tests' server starter and client (a session
// with a cookie), a fixed number of concurrent workers using fetch, latency percentiles.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startServer as startTestServer, type RunningServer } from '../../tests/http/support/server.ts'

export const WEB_DIR = fileURLToPath(new URL('../../apps/web', import.meta.url))

/** A signed-in session: the HTTP tests' client (cookie, Origin on writes). */
export { Client as Session } from '../../tests/http/support/client.ts'

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
 * Starts the real server (production build) on the benchmark database, as the HTTP tests do. The
 * per-user write limit is off: the workers of a role share one account, and the benchmark measures
 * capacity, not a runaway client.
 */
export function startServer(databaseUrl: string, env: Record<string, string> = {}, options: { webDir?: string } = {}): Promise<RunningServer> {
  return startTestServer({ DATABASE_URL: databaseUrl, PGLITE_DATA_DIR: '', BAKEN_MAIL_WORKER: '0', BAKEN_WRITE_LIMIT_PER_MINUTE: '0', ...env }, options)
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

/**
 * Runs `workers` concurrent loops; each iteration calls next(worker) for a request and times it.
 * Stops after `requests` requests in total, or after `durationMs`, whichever is given.
 */
export async function runLoad(options: {
  workers: number
  requests?: number
  durationMs?: number
  next: (worker: number) => { scenario: string; run: () => Promise<{ status: number; text: string }>; expect: number[] }
}): Promise<LoadResult> {
  const result: LoadResult = { latencies: [], errors: 0, errorSamples: [], elapsedMs: 0, perScenario: new Map() }
  let issued = 0
  const started = performance.now()
  const deadline = options.durationMs === undefined ? Infinity : started + options.durationMs
  const more = () => (options.requests === undefined || issued < options.requests) && performance.now() < deadline
  const worker = async (w: number) => {
    while (more()) {
      issued++
      const { scenario, run, expect } = options.next(w)
      const t0 = performance.now()
      let status = 0
      let text = ''
      try {
        ;({ status, text } = await run())
      } catch (error) {
        text = String(error)
      }
      const ms = performance.now() - t0
      const bucket = result.perScenario.get(scenario) ?? { latencies: [], errors: 0 }
      result.perScenario.set(scenario, bucket)
      bucket.latencies.push(ms)
      result.latencies.push(ms)
      if (!expect.includes(status)) {
        bucket.errors++
        result.errors++
        const sample = `${scenario}: ${status} ${text.slice(0, 160)}`
        if (result.errorSamples.length < 5 && !result.errorSamples.includes(sample)) result.errorSamples.push(sample)
      }
    }
  }
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)))
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
