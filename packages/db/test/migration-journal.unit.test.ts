import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrationsFolder } from '../src/migrate.ts'

interface JournalEntry {
  idx: number
  when: number
  tag: string
}

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: JournalEntry[]
}

// Drizzle's migrator applies, on a database that has migrations already, only the entries whose
// `when` is later than the last one applied there. An entry with an earlier `when` than the one
// before it is applied on a fresh database but silently skipped on an upgrade.
describe('migration journal', () => {
  it('has strictly increasing timestamps, so an upgrade applies every migration', () => {
    const out = journal.entries.filter((e, i) => i > 0 && e.when <= journal.entries[i - 1]!.when).map((e) => e.tag)
    expect(out).toEqual([])
  })

  it('names one SQL file per entry, in order, and no file outside it', () => {
    const tags = journal.entries.map((e) => e.tag)
    const files = readdirSync(migrationsFolder)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.replace(/\.sql$/, ''))
      .sort()
    expect(tags).toEqual(files)
    const idx = journal.entries.map((e) => e.idx)
    expect(idx).toEqual([...idx].sort((a, b) => a - b))
    expect(new Set(idx).size).toBe(idx.length)
  })
})
