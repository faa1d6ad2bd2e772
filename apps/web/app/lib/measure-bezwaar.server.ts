// The bezwaar and search-attempt part of the measure page (maatregelen.$id.tsx): what its loader adds
// and the intents its action hands over. The forms are in components/measure-bezwaar.tsx.
import type { Tx } from '@baken/db'
import {
  BEZWAAR_OUTCOMES,
  decideBezwaar,
  getMeasureBezwaar,
  getMeasureSearch,
  localDate,
  postponeBezwaar,
  recordBezwaar,
  recordHearing,
  recordSearchAttempt,
  SEARCH_RESULTS,
} from '@baken/domain'
import type { RequestContext } from './context.server.ts'

export const BEZWAAR_INTENTS = ['bezwaar-record', 'bezwaar-hearing', 'bezwaar-decide', 'bezwaar-postpone', 'search-attempt'] as const

export function isBezwaarIntent(intent: unknown): intent is (typeof BEZWAAR_INTENTS)[number] {
  return (BEZWAAR_INTENTS as readonly unknown[]).includes(intent)
}

/** The section's data, or null when the caller sees no bezwaren and no search (e.g. a time-out). */
export async function loadMeasureBezwaar(tx: Tx, ctx: RequestContext, measureId: string) {
  const today = localDate(new Date())
  const [bezwaar, search] = await Promise.all([getMeasureBezwaar(tx, ctx.ability, ctx.tenant, measureId, today), getMeasureSearch(tx, ctx.ability, measureId, today)])
  if (!bezwaar && !search) return null
  // The choices of the forms, from the domain (component code imports no @baken values).
  return { bezwaar, search, today, outcomes: [...BEZWAAR_OUTCOMES], searchResults: [...SEARCH_RESULTS] }
}

type Form = Record<string, FormDataEntryValue>

/** Runs one of the section's forms; the page's action calls this for the intents above. */
export function bezwaarAction(tx: Tx, ctx: RequestContext, measureId: string, form: Form) {
  const text = (k: string) => (typeof form[k] === 'string' && (form[k] as string).trim() !== '' ? (form[k] as string) : undefined)
  const bezwaarId = String(form.bezwaarId ?? '')
  switch (form.intent) {
    case 'bezwaar-record':
      return recordBezwaar(tx, ctx.ability, ctx.tenant, measureId, {
        receivedOn: text('receivedOn'),
        committeeFrom: text('committeeFrom'),
        committeeUntil: text('committeeUntil'),
        late: form.late === 'on',
        lateReason: text('lateReason'),
        advisoryCommittee: form.advisoryCommittee === 'on',
      })
    case 'bezwaar-hearing':
      return recordHearing(tx, ctx.ability, ctx.tenant, measureId, bezwaarId, { hearingOn: text('hearingOn') })
    case 'bezwaar-postpone':
      return postponeBezwaar(tx, ctx.ability, ctx.tenant, measureId, bezwaarId, { noticeOn: text('noticeOn') })
    case 'bezwaar-decide':
      return decideBezwaar(tx, ctx.ability, ctx.tenant, measureId, bezwaarId, { decidedOn: text('decidedOn'), outcome: text('outcome'), reasons: text('reasons') })
    default:
      return recordSearchAttempt(tx, ctx.ability, ctx.tenant, measureId, {
        contactedOn: text('contactedOn'),
        schoolName: text('schoolName'),
        result: text('result'),
        note: text('note'),
      })
  }
}
