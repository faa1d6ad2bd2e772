// docs/permissions.md is the rendering of the CASL rules: any change to a rule in abilities.ts
// changes the rendering, and this test fails until the document is regenerated.
import { readFileSync } from 'node:fs'
import { AbilityBuilder, createMongoAbility } from '@casl/ability'
import { describe, expect, it } from 'vitest'
import { type AppAbility } from '../src/abilities.ts'
import { PERMISSIONS_DOC_COMMAND, renderPermissionTable, renderPermissionsDoc } from '../src/permission-table.ts'

const docPath = new URL('../../../docs/permissions.md', import.meta.url)

describe('permission table', () => {
  it('docs/permissions.md is the current rendering of abilities.ts', () => {
    const committed = readFileSync(docPath, 'utf8')
    const rendered = renderPermissionsDoc()
    const lines = rendered.split('\n')
    const firstDifference = lines.findIndex((line, i) => line !== committed.split('\n')[i])
    const section = lines.slice(0, firstDifference + 1).findLast((line) => line.startsWith('## '))
    expect(
      committed === rendered,
      `docs/permissions.md is out of date (first difference at line ${firstDifference + 1}${section ? `, ${section}` : ''}: ` +
        `${JSON.stringify(lines[firstDifference] ?? '')}). Regenerate it with \`${PERMISSIONS_DOC_COMMAND}\` and commit it.`,
    ).toBe(true)
  })

  it('renders unconditional, conditional, field-restricted and cannot rules, and – for none', () => {
    const abilityFor = (role: string): AppAbility => {
      const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility)
      if (role === 'directeur') {
        can('read', 'Student')
        cannot('read', 'Student', { status: 'left' })
        can('update', 'Bezwaar', ['hearingOn'], { schoolId: 'ctx-school-id' })
        can('manage', 'Calendar', { stichtingId: 'ctx-stichting-id', kind: { $in: ['a', 'b'] } })
      }
      return build()
    }
    const table = renderPermissionTable({ roles: ['directeur', 'leerkracht'], abilityFor })
    expect(table).toContain(
      ['## Student', '', '| actie | directeur | leerkracht |', '| --- | --- | --- |', '| read (lezen) | ja<br>of **niet als `status` = left** | – |'].join('\n'),
    )
    expect(table).toContain('| update (wijzigen) | `schoolId` = eigen school (alleen velden, noot 1) | – |')
    expect(table).toContain('1. directeur, update: `hearingOn`')
    expect(table).toContain('| delete (verwijderen) | `stichtingId` = eigen stichting, `kind` ∈ {a, b} | – |')
    expect(table).toContain('## Incident\n\nGeen enkele rol heeft een regel voor dit onderwerp.')
  })
})
