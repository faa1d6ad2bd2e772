import { schooljaarSchema, schoolYearOf } from '@baken/domain'
import { data } from '@remix-run/node'

/** The `schooljaar` query parameter, defaulting to the current one; a malformed value is a 400. */
export function schooljaarFromRequest(request: Request): { schooljaar: string; current: string } {
  const current = schoolYearOf(new Date())
  const parsed = schooljaarSchema.safeParse(new URL(request.url).searchParams.get('schooljaar') || current)
  if (!parsed.success) throw data('Ongeldig schooljaar', { status: 400 })
  return { schooljaar: parsed.data, current }
}
