// Every input schema of every use case bounds what it takes: each string a length (or a fixed set
// of values), each array a number of items. A schema without a bound lets one request hold a
// megabyte of text in a field or ten thousand rows in a list; the body limit stops the first at
// the door, this guard stops the next field that forgets its `.max()`.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import * as domain from '../src/index.ts'

type Json = { [key: string]: unknown }

interface UseCaseLike {
  name: string
  input: z.ZodType
  permission: unknown
  run: unknown
}

const useCases = Object.values(domain as Record<string, unknown>).filter(
  (v): v is UseCaseLike => typeof v === 'object' && v !== null && 'input' in v && 'run' in v && 'permission' in v && 'name' in v,
)

/** A pattern that fixes the length: anchored at both ends, with no open-ended repetition. */
const boundedPattern = (p: unknown) => typeof p === 'string' && p.startsWith('^') && p.endsWith('$') && !/[*+]|\{\d+,\}/.test(p.replace(/\\./g, ''))
/** Formats whose values have a fixed length (a UUID, a calendar date). */
const BOUNDED_FORMATS = ['uuid', 'date']

/** The places in a JSON Schema where a string has no maxLength (and no enum or const) or an array no maxItems. */
function unbounded(schema: unknown, path = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s) => unbounded(s, path))
  if (typeof schema !== 'object' || schema === null) return []
  const s = schema as Json
  const out: string[] = []
  const types = Array.isArray(s.type) ? s.type : [s.type]
  const boundedString = s.maxLength !== undefined || s.enum !== undefined || s.const !== undefined || BOUNDED_FORMATS.includes(String(s.format)) || boundedPattern(s.pattern)
  if (types.includes('string') && !boundedString) out.push(`${path || '(body)'}: string without maxLength`)
  if (types.includes('array') && s.maxItems === undefined) out.push(`${path || '(body)'}: array without maxItems`)
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, sub] of Object.entries(value as Json)) out.push(...unbounded(sub, path ? `${path}.${name}` : name))
    } else if (key === 'items') out.push(...unbounded(value, `${path}[]`))
    else if (['anyOf', 'oneOf', 'allOf', 'additionalProperties', 'prefixItems'].includes(key)) out.push(...unbounded(value, path))
  }
  return out
}

describe('input bounds', () => {
  it('finds the use cases', () => {
    expect(useCases.length).toBeGreaterThan(100)
  })

  it('every string of every input schema has a maximum length and every array a maximum number of items', () => {
    const problems = useCases.flatMap((u) => {
      const schema = z.toJSONSchema(u.input, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' })
      return unbounded(schema).map((p) => `${u.name}: ${p}`)
    })
    expect(problems).toEqual([])
  })
})
