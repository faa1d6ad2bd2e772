// Pupils outside the incident named in a parents' report: a letter each, after the incident's own,
// the same one every time they are named; shares keep "een andere leerling".
import { describe, expect, it } from 'vitest'
import { BYSTANDER, nameRedactor } from '../src/incidents/parent-report.ts'

const kid = { firstName: 'Şahin', infix: null, lastName: 'Yıldız' }
const victim = { firstName: 'Łukasz', infix: null, lastName: 'Wójcik' }
const p = { firstName: 'Nguyễn', infix: 'Văn', lastName: 'An' }
const q = { firstName: 'Daan', infix: 'de', lastName: 'Vries' }

describe('letters for bystanders', () => {
  it('gives each bystander its own letter after the labels of the incident, stable across the texts of one document', () => {
    const redact = nameRedactor(kid, [{ label: 'leerling A', name: victim }], { bystanders: [p, q], letterBystanders: true })
    expect(redact('Nguyễn Văn An schold Daan de Vries uit.')).toBe('Leerling B schold leerling C uit.')
    // The next text of the same report: the same letters, whichever comes first.
    expect(redact('Daan troostte Łukasz; Nguyễn keek toe. Şahin liep weg.')).toBe('Leerling C troostte leerling A; leerling B keek toe. Şahin liep weg.')
  })

  it('without the option a bystander stays "een andere leerling" (what a share shows)', () => {
    const redact = nameRedactor(kid, [{ label: 'leerling A', name: victim }], { bystanders: [p, q] })
    expect(redact('Daan de Vries lachte.')).toBe(`${BYSTANDER[0]!.toUpperCase()}${BYSTANDER.slice(1)} lachte.`)
  })
})
