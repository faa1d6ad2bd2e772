// The shared input rules: text without control characters, real calendar dates and times (no roll-over
// to the next month), and yes/no that means what it says. Dates are the function's own input here,
// not today's.
import { describe, expect, it } from 'vitest'
import { calendarDate, controlCharacterErrors, dateTimeInput, parseDateTime, textInput, yesNo } from '../src/input-rules.ts'

describe('text', () => {
  it('refuses C0 control characters but tab, line feed and carriage return, before trimming', () => {
    const name = textInput('Vul de naam in').trim().min(2, 'Vul de naam in')
    expect(name.parse('  Şahin Yıldız\t\r\n')).toBe('Şahin Yıldız')
    for (const c of ['\u0000', '\u0001', '\u0007', '\u000B', '\u000C', '\u001B', '\u001F']) {
      const issues = name.safeParse(`Łukasz${c}Wójcik`).error?.issues
      expect(issues, JSON.stringify(c)).toHaveLength(1)
      expect(issues![0]!.message).toMatch(/onzichtbaar stuurteken/)
    }
    // DEL and other non-C0 characters are text.
    expect(name.parse('Nguyễn\u007FVăn An')).toBe('Nguyễn\u007FVăn An')
  })

  it('finds control characters anywhere in a body, by path', () => {
    expect(controlCharacterErrors({ situation: 'ok', persons: [{ description: 'ok' }, { description: 'a\u0000b' }], flags: [true, 1, null] })).toEqual([
      { path: 'persons.1.description', message: expect.stringMatching(/stuurteken/) },
    ])
    expect(controlCharacterErrors({ nested: { 'k\u0001': 'v' } })).toEqual([{ path: 'nested', message: expect.any(String) }])
    expect(controlCharacterErrors('\u0000')).toEqual([{ path: '', message: expect.any(String) }])
    expect(controlCharacterErrors({ a: 'regel 1\nregel 2\ttab' })).toEqual([])
  })
})

describe('dates', () => {
  it('accepts only days of the calendar', () => {
    const day = calendarDate()
    for (const ok of ['2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31']) expect(day.safeParse(ok).success, ok).toBe(true)
    for (const bad of ['2026-02-29', '2026-02-30', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-5', '2026-02-3\u0000']) {
      expect(day.safeParse(bad).success, bad).toBe(false)
    }
  })

  it('reads a date and time with a zone as that instant and one without as Dutch local time', () => {
    expect(parseDateTime('2026-11-24T10:00')!.toISOString()).toBe('2026-11-24T09:00:00.000Z')
    expect(parseDateTime('2026-06-24T10:00:30')!.toISOString()).toBe('2026-06-24T08:00:30.000Z')
    expect(parseDateTime('2026-11-24T10:00:00Z')!.toISOString()).toBe('2026-11-24T10:00:00.000Z')
    expect(parseDateTime('2026-11-24T10:00:00.250+02:00')!.toISOString()).toBe('2026-11-24T08:00:00.250Z')
    expect(parseDateTime('2026-11-24T10:00:00-0530')!.toISOString()).toBe('2026-11-24T15:30:00.000Z')
  })

  it('refuses a day, hour or minute that does not exist instead of rolling it over', () => {
    for (const bad of ['2026-02-30T10:00', '2026-02-29T10:00:00Z', '2026-13-45T10:00', '2026-04-31T10:00', '2026-06-01T24:00', '2026-06-01T10:60', '2026-06-01T10:00:61Z', '2026-06-01', 'abc', '']) {
      expect(parseDateTime(bad), bad).toBeNull()
    }
    const at = dateTimeInput('Vul een geldige datum en tijd in')
    expect(at.safeParse('2026-02-30T10:00:00Z').error?.issues[0]?.message).toBe('Vul een geldige datum en tijd in')
    expect(at.safeParse(new Date(Number.NaN)).success).toBe(false)
    expect(at.parse(new Date('2026-11-24T10:00:00Z')).toISOString()).toBe('2026-11-24T10:00:00.000Z')
  })
})

describe('yes or no', () => {
  it('takes JSON booleans and a form’s words for them, and nothing else', () => {
    const flag = yesNo().default(false)
    for (const v of [true, 'true', 'on', '1', 'ja']) expect(flag.parse(v), String(v)).toBe(true)
    for (const v of [false, 'false', 'off', '0', 'nee', undefined]) expect(flag.parse(v), String(v)).toBe(false)
    for (const v of ['yes', 'False', '', 2, 0, null, {}]) expect(flag.safeParse(v).success, JSON.stringify(v)).toBe(false)
  })
})
