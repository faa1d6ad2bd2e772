// The role wall has one home: the CASL table (abilities.ts). A decision on the caller's role
// anywhere else, in the domain or in a route (`ctx.role === 'bestuurder'`, `membership.role`,
// a list of roles checked against the caller), would be a second wall that the permission table
// does not show and the permission tests do not cover. This scans the sources for such checks.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const SOURCES = ['packages/domain/src', 'packages/email/src', 'apps/web/app', 'apps/web/server']

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

/** The caller's role, however it is reached: ctx.role, tenant.role, membership.role, data.role. */
const CALLER_ROLE = String.raw`\b(?:ctx|tenant|membership|auth\.membership|ctx\.tenant|ctx\.membership|data)\??\.role\b`
/** The membership roles (ROLES in the schema); an incident's person roles (dader, slachtoffer, …) are other words. */
const ROLE_NAME = String.raw`'(?:bestuurder|stichtingbeheerder|privacyfunctionaris|directeur|intern_begeleider|leerkracht|vertrouwenspersoon|halt_medewerker|politie|platform_beheerder)'`
const CHECKS = [
  new RegExp(String.raw`\brole\s*[!=]==\s*${ROLE_NAME}`),
  new RegExp(String.raw`${ROLE_NAME}\s*[!=]==\s*[\w.?]*role\b`),
  new RegExp(String.raw`\[\s*${ROLE_NAME}[^\]]*\]\.includes\(`),
  new RegExp(String.raw`${CALLER_ROLE}\s*[!=]==`),
  new RegExp(String.raw`[!=]==\s*${CALLER_ROLE}`),
  new RegExp(String.raw`\.includes\(\s*${CALLER_ROLE}`),
  new RegExp(String.raw`switch\s*\(\s*${CALLER_ROLE}`),
]

describe('the role wall', () => {
  it('no source outside the CASL table decides on the caller’s role', () => {
    const found: string[] = []
    for (const dir of SOURCES) {
      for (const file of files(join(ROOT, dir))) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (CHECKS.some((c) => c.test(line))) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`)
          })
      }
    }
    expect(found).toEqual([])
  })

  it('would see such a check', () => {
    const samples = [
      "w === 'board' ? role === 'bestuurder' : false",
      "const SHARING_ROLES = ['directeur', 'bestuurder'].includes(x)","if (ctx.role !== 'directeur') return null", "canApprove: ctx.tenant.role === 'bestuurder',", "['directeur', 'intern_begeleider'].includes(ctx.membership.role)"]
    for (const s of samples) expect(CHECKS.some((c) => c.test(s)), s).toBe(true)
    expect(CHECKS.some((c) => c.test("incident.persons.some((p) => p.role === 'slachtoffer')"))).toBe(false)
  })
})
