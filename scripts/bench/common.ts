// Shared bits of the benchmark scripts (docs/benchmark.md).
import { demoDates } from '../../packages/db/src/demo-dates.ts'

/** The schooljaar of today, as the demo seed lays it out. */
export const CURRENT_SCHOOL_YEAR = demoDates().schoolYear

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/baken_bench'

export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL
}

/** The benchmark stichting's accounts (demo password): staff of the large school and the board. */
export const BENCH_USERS = {
  directeur: 'directeur@benchmark.demo',
  leerkracht: 'leerkracht@benchmark.demo',
  bestuurder: 'bestuur@benchmark.demo',
} as const

/**
 * The PGlite run (`run.ts --pglite`): staff of one demo school (OBS De Branding, Stichting Kompas)
 * and the stichting's bestuurder, from the demo seed. A role's workers take these accounts in turn,
 * so the school's directeur and IB (who both read every incident and dossier of the school) share
 * the directeur's scenarios, and its two leerkrachten the teacher's list.
 */
export const PGLITE_USERS = {
  directeur: ['directeur@branding.demo', 'ib@branding.demo'],
  leerkracht: ['leerkracht@branding.demo', 'leerkracht2@branding.demo'],
  bestuurder: ['bestuur@kompas.demo'],
} as const satisfies Record<keyof typeof BENCH_USERS, readonly string[]>

/** `--scale=full --no-fail --duration=30` → { scale: 'full', 'no-fail': true, duration: '30' }. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {}
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg)
    if (!m) throw new Error(`Unexpected argument ${arg}`)
    out[m[1]!] = m[2] ?? true
  }
  return out
}
