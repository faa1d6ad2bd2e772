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
  recordBezwaarHearing,
  recordSearchAttempt,
  runUseCase,
  SEARCH_RESULTS,
} from '@baken/domain'
import type { RequestContext } from './context.server.ts'
import { perform, caseContextOf } from './use-case.server.ts'

export const BEZWAAR_INTENTS = ['bezwaar-record', 'bezwaar-hearing', 'bezwaar-decide', 'bezwaar-postpone', 'search-attempt'] as const

export function isBezwaarIntent(intent: unknown): intent is (typeof BEZWAAR_INTENTS)[number] {
  return (BEZWAAR_INTENTS as readonly unknown[]).includes(intent)
}

/** The section's data, or null when the caller sees no bezwaren and no search (e.g. a time-out). */
export async function loadMeasureBezwaar(tx: Tx, ctx: RequestContext, measureId: string) {
  const now = new Date()
  const today = localDate(now)
  const [bezwaarRead, searchRead] = await Promise.all([
    runUseCase(getMeasureBezwaar, tx, caseContextOf(ctx, now), { id: measureId }),
    runUseCase(getMeasureSearch, tx, caseContextOf(ctx, now), { id: measureId }),
  ])
  const bezwaar = bezwaarRead.ok ? { objection: bezwaarRead.objection, bezwaren: bezwaarRead.bezwaren, may: bezwaarRead.may } : null
  const search = searchRead.ok ? valueOf(searchRead) : null
  if (!bezwaar && !search) return null
  // The choices of the forms, from the domain (component code imports no @baken values).
  return { bezwaar, search, today, outcomes: [...BEZWAAR_OUTCOMES], searchResults: [...SEARCH_RESULTS] }
}

/** An outcome's value without its `ok`. */
function valueOf<T extends { ok: true }>(outcome: T): Omit<T, 'ok'> {
  const { ok: _ok, ...value } = outcome
  return value
}

type Form = Record<string, FormDataEntryValue>

/**
 * The measure page's form fields that were filled in: a field left empty is not sent to the use
 * case (its schema reads a missing optional field, not an empty one).
 */
export function filledFields(form: Form): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''))
}

function pick(values: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]!]))
}

/** Runs one of the section's forms; the page's action calls this for the intents above. */
export function bezwaarAction(ctx: RequestContext, id: string, form: Form) {
  const filled = filledFields(form)
  const bezwaarId = String(form.bezwaarId ?? '')
  switch (form.intent) {
    case 'bezwaar-record':
      return perform(ctx, recordBezwaar, {
        ...pick(filled, ['receivedOn', 'committeeFrom', 'committeeUntil', 'lateReason']),
        late: form.late === 'on',
        advisoryCommittee: form.advisoryCommittee === 'on',
        id,
      })
    case 'bezwaar-hearing':
      return perform(ctx, recordBezwaarHearing, { ...pick(filled, ['hearingOn']), id, bezwaarId })
    case 'bezwaar-postpone':
      return perform(ctx, postponeBezwaar, { ...pick(filled, ['noticeOn']), id, bezwaarId })
    case 'bezwaar-decide':
      return perform(ctx, decideBezwaar, { ...pick(filled, ['decidedOn', 'outcome', 'reasons']), id, bezwaarId })
    default:
      return perform(ctx, recordSearchAttempt, { ...pick(filled, ['contactedOn', 'schoolName', 'result', 'note']), id })
  }
}

/** The fields of a form on the measure page the use case reads, those left empty omitted. */
export function measureFormInput(form: Form, keys: readonly string[]): Record<string, string> {
  return pick(filledFields(form), keys)
}
