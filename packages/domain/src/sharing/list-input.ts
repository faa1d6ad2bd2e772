// A list field as forms and JSON send it: absent or empty is none, one value is a list of one.
import { z } from 'zod'

export const oneOrMany = <T extends z.ZodType>(item: T, max = 100) =>
  z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max, { error: `Ten hoogste ${max}.` }))
