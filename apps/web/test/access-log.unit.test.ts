// Where a break-glass reason comes from on the API, and where the page sends the user back to.
import { describe, expect, it } from 'vitest'
import { apiReason, safeReturnTo } from '../app/lib/access-log.server.ts'

const id = '9b2e1c1e-3f1a-4b7d-9d7e-2a9f5b0c1d2e'

describe('safeReturnTo', () => {
  it('returns to a page of the same record only', () => {
    expect(safeReturnTo('incident', id, `/incidenten/${id}`)).toBe(`/incidenten/${id}`)
    expect(safeReturnTo('incident', id, `/incidenten/${id}/bewerken`)).toBe(`/incidenten/${id}/bewerken`)
    expect(safeReturnTo('incident', id, `/incidenten/${id}/leerling/x?a=1`)).toBe(`/incidenten/${id}/leerling/x?a=1`)
    expect(safeReturnTo('student', id, `/leerlingen/${id}`)).toBe(`/leerlingen/${id}`)
  })

  it('falls back to the record itself for anything else', () => {
    const home = `/incidenten/${id}`
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil', `/incidenten/${id}x`, '/incidenten/andere-id', '/toegangslog', 'javascript:alert(1)', undefined, 42]) {
      expect(safeReturnTo('incident', id, bad)).toBe(home)
    }
    expect(safeReturnTo('student', id, `/leerlingen/${id}/iets`)).toBe(`/leerlingen/${id}`)
  })
})

describe('apiReason', () => {
  it('takes the X-Access-Reason header (URI-encoded allowed)', () => {
    expect(apiReason(new Request('http://x/api/v1/incidents/1', { headers: { 'X-Access-Reason': 'Gesprek%20met%20ouders%20%C3%A9' } }))).toBe('Gesprek met ouders é')
    expect(apiReason(new Request('http://x/api/v1/incidents/1', { headers: { 'X-Access-Reason': '100%' } }))).toBe('100%')
    expect(apiReason(new Request('http://x/api/v1/incidents/1'))).toBeNull()
  })

  it('refuses ?reason= with a 400 naming the header, also next to the header', async () => {
    for (const init of [{}, { headers: { 'X-Access-Reason': 'Zorgoverleg voorbereiden' } }]) {
      for (const query of ['?reason=Zorg%20melding', '?reason=', '?studentId=1&reason=x']) {
        let thrown: unknown
        try {
          apiReason(new Request(`http://x/api/v1/incidents/1${query}`, init))
        } catch (e) {
          thrown = e
        }
        expect(thrown).toBeInstanceOf(Response)
        const res = thrown as Response
        expect(res.status).toBe(400)
        expect(await res.json()).toEqual({ errors: [{ path: 'reason', message: expect.stringContaining('X-Access-Reason') }] })
      }
    }
  })
})
