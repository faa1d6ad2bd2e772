// The committed policy snapshot (packages/db/policies/*.sql) is what the migrations produce: a fresh
// database on each driver is migrated, its catalogue rendered by the generator's own functions, and
// compared file by file and table by table with the committed files.
import { expect, it } from 'vitest'
import {
  FALLBACK_AREA,
  REGENERATE_COMMAND,
  type SnapshotTable,
  diffSnapshots,
  readCommittedSnapshot,
  readPolicyCatalogue,
  renderPolicySnapshot,
} from '../src/policies-snapshot.ts'
import { describeEachDriver } from './support/test-databases.ts'

describeEachDriver(
  'RLS policy snapshot',
  (getDb) => {
    it('packages/db/policies matches the live policies, RLS flags and grants after all migrations', async () => {
      const rendered = renderPolicySnapshot(await readPolicyCatalogue(getDb().owner))
      const differences = diffSnapshots(readCommittedSnapshot(), rendered)
      expect(
        differences,
        `The committed policy snapshot is out of date:\n  ${differences.join('\n  ')}\n` +
          `Regenerate it with \`${REGENERATE_COMMAND}\` and commit packages/db/policies.`,
      ).toEqual([])
    })

    it('puts every table in a file: one no area claims lands in other.sql', async () => {
      const tables = await readPolicyCatalogue(getDb().owner)
      const stray: SnapshotTable = { ...tables[0]!, name: 'zz_unclaimed_probe' }
      const files = renderPolicySnapshot([...tables, stray])
      expect(files.get(`${FALLBACK_AREA}.sql`)).toContain('-- Table zz_unclaimed_probe\n')
      const rendered = [...files.values()].join('\n').match(/^-- Table \S+/gm) ?? []
      expect(rendered.map((line) => line.slice('-- Table '.length)).sort()).toEqual([...tables.map((t) => t.name), stray.name].sort())
    })

    it('tells which file and table differ, and that a missing or stale file is one', () => {
      const table = (name: string, body: string) =>
        `-- ${'-'.repeat(97)}\n-- Table ${name}\n-- ${'-'.repeat(97)}\n${body}\n`
      const committed = new Map([
        ['incidents.sql', `-- header\n\n${table('incidents', 'ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;')}\n${table('incident_tasks', 'x')}`],
        ['stale.sql', '-- gone'],
      ])
      const rendered = new Map([
        ['incidents.sql', `-- header\n\n${table('incidents', '-- row level security NOT enabled')}\n${table('incident_tasks', 'x')}`],
        ['halt.sql', `-- header\n\n${table('halt_slots', 'y')}`],
      ])
      expect(diffSnapshots(committed, rendered)).toEqual([
        'packages/db/policies/halt.sql: missing (tables halt_slots)',
        'packages/db/policies/incidents.sql: table incidents differs (RLS flags or grants)',
        'packages/db/policies/stale.sql: no longer produced (its tables moved or are gone)',
      ])
    })
  },
  { seed: false },
)
