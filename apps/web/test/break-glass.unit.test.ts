// The reason form a page shows instead of a record: it never carries a reason from the address on.
import { describe, expect, it } from 'vitest'
import { breakGlassPrompt } from '../app/lib/access-log.server.ts'

const id = '9b2e1c1e-3f1a-4b7d-9d7e-2a9f5b0c1d2e'

describe('breakGlassPrompt', () => {
  it('returns to the page without the link’s reason, and says it was not used', () => {
    const { breakGlass } = breakGlassPrompt(new Request(`http://x/incidenten/${id}/leerling/abc?reason=Van%20een%20ander&tab=2`), 'incident', id)
    expect(breakGlass).toMatchObject({ subjectType: 'incident', subjectId: id, returnTo: `/incidenten/${id}/leerling/abc?tab=2`, linkReasonIgnored: true })
    expect(JSON.stringify(breakGlass)).not.toContain('ander')
    expect(breakGlassPrompt(new Request(`http://x/leerlingen/${id}?reason=`), 'student', id).breakGlass).toMatchObject({ returnTo: `/leerlingen/${id}`, linkReasonIgnored: true })
  })

  it('keeps an ordinary address as it is', () => {
    expect(breakGlassPrompt(new Request(`http://x/incidenten/${id}`), 'incident', id).breakGlass).toMatchObject({ returnTo: `/incidenten/${id}`, linkReasonIgnored: false })
    expect(breakGlassPrompt(new Request(`http://x/incidenten/${id}/bewerken?a=1`), 'incident', id).breakGlass.returnTo).toBe(`/incidenten/${id}/bewerken?a=1`)
  })
})
