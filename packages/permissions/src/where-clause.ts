import { rulesToAST } from '@casl/ability/extra'
import { and, eq, gt, gte, inArray, isNull, isNotNull, lt, lte, ne, not, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Action, AppAbility, SubjectName } from './abilities.ts'

/** A condition the interpreter does not understand. Thrown, never ignored: the converter fails closed. */
export class UnsupportedConditionError extends Error {
  override name = 'UnsupportedConditionError'
}

/** The caller may not perform the action on any record of this subject. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError'
  constructor(
    readonly action: Action,
    readonly subject: SubjectName,
  ) {
    super(`Forbidden: ${action} ${subject}`)
  }
}

/**
 * A condition field maps to a real column, or to a builder for a relation that cannot be a column
 * (e.g. "an incident involving a pupil of one of my groups"). Builders accept only equality and $in.
 */
export type RelationCondition = (values: readonly (string | number)[]) => SQL
type Columns = Record<string, AnyPgColumn | RelationCondition>

interface AstNode {
  operator: string
  field?: string
  value: unknown
}

const FALSE = sql`false`
const TRUE = sql`true`

/**
 * Turns the caller's CASL rules for (action, subject) into a drizzle where-clause over the given
 * columns. Throws ForbiddenError when no rule allows the action at all, and UnsupportedConditionError
 * for any field or operator it does not know, so an unexpected rule can never widen a query.
 */
export function accessibleWhere(ability: AppAbility, action: Action, subject: SubjectName, columns: Columns): SQL {
  const ast = rulesToAST(ability, action, subject) as AstNode | null
  if (ast === null) throw new ForbiddenError(action, subject)
  return toSql(ast, columns)
}

function entry(columns: Columns, field: string | undefined): AnyPgColumn | RelationCondition {
  if (!field || !Object.hasOwn(columns, field)) throw new UnsupportedConditionError(`Unknown field: ${String(field)}`)
  return columns[field]!
}

function column(columns: Columns, field: string | undefined): AnyPgColumn {
  const found = entry(columns, field)
  if (typeof found === 'function') throw new UnsupportedConditionError(`Relation ${field} supports only equality and $in`)
  return found
}

function scalar(value: unknown): string | number | boolean | Date {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value
  }
  throw new UnsupportedConditionError(`Unsupported value: ${JSON.stringify(value)}`)
}

function scalarKey(value: unknown): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value
  throw new UnsupportedConditionError(`Relation conditions need a string or number: ${JSON.stringify(value)}`)
}

function list(value: unknown): (string | number)[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
    throw new UnsupportedConditionError(`Expected a list of strings or numbers: ${JSON.stringify(value)}`)
  }
  return value as (string | number)[]
}

function children(node: AstNode): AstNode[] {
  if (!Array.isArray(node.value)) throw new UnsupportedConditionError(`Malformed ${node.operator} condition`)
  return node.value as AstNode[]
}

function toSql(node: AstNode, columns: Columns): SQL {
  switch (node.operator) {
    case 'and': {
      const parts = children(node).map((c) => toSql(c, columns))
      return parts.length === 0 ? TRUE : parts.length === 1 ? parts[0]! : and(...parts)!
    }
    case 'or': {
      const parts = children(node).map((c) => toSql(c, columns))
      return parts.length === 0 ? FALSE : parts.length === 1 ? parts[0]! : or(...parts)!
    }
    case 'not': {
      const parts = children(node)
      if (parts.length !== 1) throw new UnsupportedConditionError('Malformed not condition')
      return not(toSql(parts[0]!, columns))
    }
    case 'eq': {
      const relation = entry(columns, node.field)
      if (typeof relation === 'function') return relation([scalarKey(node.value)])
      const col = column(columns, node.field)
      // { schoolId: null } (a context without a school) means IS NULL; on NOT NULL columns it matches nothing.
      if (node.value === null || node.value === undefined) return isNull(col)
      return eq(col, scalar(node.value))
    }
    case 'ne': {
      const col = column(columns, node.field)
      if (node.value === null || node.value === undefined) return isNotNull(col)
      return ne(col, scalar(node.value))
    }
    case 'in': {
      const relation = entry(columns, node.field)
      if (typeof relation === 'function') {
        const keys = list(node.value)
        return keys.length === 0 ? FALSE : relation(keys)
      }
      const col = column(columns, node.field)
      const values = list(node.value)
      return values.length === 0 ? FALSE : inArray(col, values)
    }
    case 'nin': {
      const col = column(columns, node.field)
      const values = list(node.value)
      return values.length === 0 ? TRUE : or(notInArray(col, values), isNull(col))!
    }
    case 'lt':
      return lt(column(columns, node.field), scalar(node.value))
    case 'lte':
      return lte(column(columns, node.field), scalar(node.value))
    case 'gt':
      return gt(column(columns, node.field), scalar(node.value))
    case 'gte':
      return gte(column(columns, node.field), scalar(node.value))
    default:
      throw new UnsupportedConditionError(`Unsupported operator: ${node.operator}`)
  }
}
