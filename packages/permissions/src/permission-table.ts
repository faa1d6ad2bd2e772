// The role wall as a table: for every role, the CASL ability it gets (defineAbilityFor, with a
// representative context), rendered as Markdown with one table per subject, actions × roles.
// docs/permissions.md is this rendering (write-permission-table.ts); a unit test keeps it current.
import { PARTNER_ROLES, ROLES, SCHOOL_ROLES, STICHTING_ROLES, type Role } from '@baken/db/schema'
import { ACTIONS, SUBJECTS, defineAbilityFor, type AbilityContext, type AppAbility } from './abilities.ts'

export const PERMISSIONS_DOC_COMMAND = 'pnpm --filter @baken/permissions permissions:doc'

/** Stand-in ids of the representative caller; a condition on one of them reads as "eigen …". */
const IDS = {
  userId: 'ctx-user-id',
  stichtingId: 'ctx-stichting-id',
  schoolId: 'ctx-school-id',
  partnerId: 'ctx-partner-id',
} as const

const OWN: Record<string, string> = {
  [IDS.userId]: 'zelf',
  [IDS.stichtingId]: 'eigen stichting',
  [IDS.schoolId]: 'eigen school',
  [IDS.partnerId]: 'eigen partner',
}

const includes = (list: readonly Role[], role: Role) => list.includes(role)

/**
 * The context a role's members act in: school roles in a school of a stichting, stichting roles in
 * the stichting (no school), partner roles in their partner organisation, the platform in none.
 */
export function representativeContext(role: Role): AbilityContext {
  const school = includes(SCHOOL_ROLES, role)
  const stichting = school || includes(STICHTING_ROLES, role)
  return {
    userId: IDS.userId,
    role,
    stichtingId: stichting ? IDS.stichtingId : null,
    schoolId: school ? IDS.schoolId : null,
    partnerId: includes(PARTNER_ROLES, role) ? IDS.partnerId : null,
  }
}

type Rule = AppAbility['rules'][number]

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x])

function renderValue(value: unknown): string {
  if (value === null || value === undefined) return 'leeg'
  if (typeof value === 'string') return OWN[value] ?? value
  if (Array.isArray(value)) return value.map(renderValue).join(', ')
  return JSON.stringify(value)
}

const OPERATORS: Record<string, string> = {
  $eq: '=',
  $ne: '≠',
  $in: '∈',
  $nin: '∉',
  $lt: '<',
  $lte: '≤',
  $gt: '>',
  $gte: '≥',
}

/** One condition as `field` = value; an operator object as `field` ∈ a, b (and so on). */
function renderCondition(field: string, value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([op, v]) =>
        op === '$exists'
          ? `\`${field}\` ${v ? 'gevuld' : 'leeg'}`
          : `\`${field}\` ${OPERATORS[op] ?? op} ${op === '$in' || op === '$nin' ? `{${renderValue(v)}}` : renderValue(v)}`,
      )
      .join(', ')
  }
  return `\`${field}\` = ${renderValue(value)}`
}

function renderConditions(conditions: unknown): string {
  if (!conditions || typeof conditions !== 'object') return ''
  return Object.entries(conditions as Record<string, unknown>)
    .map(([field, value]) =>
      field === '$or' || field === '$and' || field === '$nor'
        ? `${field.slice(1)}(${asList(value as unknown[]).map(renderConditions).join('; ')})`
        : field === '$not'
          ? `niet(${renderConditions(value)})`
          : renderCondition(field, value),
    )
    .join(', ')
}

export interface RenderedRule {
  text: string
  /** Field restriction, when the rule names fields. */
  fields: string[] | null
}

/** One rule as cell text: "ja", or its conditions; `cannot` rules start with "niet". */
function renderRule(rule: Rule): RenderedRule {
  const conditions = renderConditions(rule.conditions)
  const fields = rule.fields ? asList(rule.fields) : null
  const base = conditions === '' ? (rule.inverted ? 'niet' : 'ja') : `${rule.inverted ? 'niet als ' : ''}${conditions}`
  return { text: base, fields }
}

/**
 * The cell of one role, action and subject: "–" when no rule applies. A rule that names fields
 * gets a numbered note (addNote returns its number).
 */
function renderCell(ability: AppAbility, action: string, subjectName: string, addNote: (fields: string[]) => number): string {
  // rulesFor gives the most recent (strongest) rule first; the table lists them as written.
  const rules = [...ability.rulesFor(action as never, subjectName as never)].reverse()
  if (rules.length === 0) return '–'
  const rendered = rules.map(renderRule)
  // An unconditional `can` on the whole record covers every other `can`: show "ja" (and any `cannot`).
  const covering = rendered.find((r, i) => !rules[i]!.inverted && r.text === 'ja' && r.fields === null)
  const parts: string[] = []
  rendered.forEach((r, i) => {
    const inverted = rules[i]!.inverted
    if (covering && !inverted && r !== covering) return
    let text = inverted ? `**${r.text}**` : r.text
    if (r.fields) text += ` (alleen velden, noot ${addNote(r.fields)})`
    if (!parts.includes(text)) parts.push(text)
  })
  return parts.join('<br>of ').replaceAll('|', '\\|')
}

function escapeCell(text: string): string {
  return text.replaceAll('\n', ' ')
}

const ACTION_LABELS: Record<string, string> = {
  read: 'read (lezen)',
  create: 'create (aanmaken)',
  update: 'update (wijzigen)',
  delete: 'delete (verwijderen)',
  approve: 'approve (goedkeuren)',
  decide: 'decide (besluiten)',
  handle: 'handle (afhandelen)',
  inform: 'inform (ouders ingelicht)',
  record: 'record (stap vastleggen)',
  open: 'open (zonder reden openen)',
  manage: 'manage (alles)',
}

export interface PermissionTableOptions {
  /** Roles, as columns (default: the role enum of @baken/db). */
  roles?: readonly Role[]
  /** Builds a role's ability (default: defineAbilityFor with representativeContext). */
  abilityFor?: (role: Role) => AppAbility
}

/** The Markdown body: one section per subject. Pure and deterministic. */
export function renderPermissionTable(options: PermissionTableOptions = {}): string {
  const roles = options.roles ?? ROLES
  const abilityFor = options.abilityFor ?? ((role: Role) => defineAbilityFor(representativeContext(role)))
  const abilities = new Map(roles.map((role) => [role, abilityFor(role)] as const))

  // Subjects and actions as declared, then any a rule names that the lists lack (sorted).
  const used = [...abilities.values()].flatMap((a) => a.rules)
  const declaredSubjects: readonly string[] = SUBJECTS.filter((s) => s !== 'all')
  const extraSubjects = [...new Set(used.flatMap((r) => asList(r.subject as string | string[])))]
    .filter((s) => s !== 'all' && !declaredSubjects.includes(s))
    .sort(compare)
  const declaredActions: readonly string[] = ACTIONS
  const extraActions = [...new Set(used.flatMap((r) => asList(r.action as string | string[])))]
    .filter((a) => !declaredActions.includes(a))
    .sort(compare)
  const actions = [...declaredActions, ...extraActions]

  const out: string[] = []
  for (const subjectName of [...declaredSubjects, ...extraSubjects]) {
    out.push(`## ${subjectName}`, '')
    const notes: string[] = []
    const rows = actions.map((action) => ({
      action,
      cells: roles.map((role) =>
        renderCell(abilities.get(role)!, action, subjectName, (fields) => {
          notes.push(`${role}, ${action}: ${fields.map((f) => `\`${f}\``).join(', ')}`)
          return notes.length
        }),
      ),
    }))
    if (rows.every((row) => row.cells.every((c) => c === '–'))) {
      out.push('Geen enkele rol heeft een regel voor dit onderwerp.', '')
      continue
    }
    out.push(`| actie | ${roles.join(' | ')} |`, `| --- | ${roles.map(() => '---').join(' | ')} |`)
    for (const row of rows) out.push(`| ${ACTION_LABELS[row.action] ?? row.action} | ${row.cells.map(escapeCell).join(' | ')} |`)
    out.push('')
    if (notes.length > 0) {
      out.push('Velden:', '')
      notes.forEach((note, i) => out.push(`${i + 1}. ${note}`))
      out.push('')
    }
  }
  return out.join('\n')
}

/** The whole of docs/permissions.md: the generated-file header, the legend and the tables. */
export function renderPermissionsDoc(options: PermissionTableOptions = {}): string {
  const roles = options.roles ?? ROLES
  const contextOf = (role: Role) => {
    const ctx = representativeContext(role)
    const parts = [ctx.stichtingId && 'stichting', ctx.schoolId && 'school', ctx.partnerId && 'partner'].filter(Boolean)
    return parts.length > 0 ? parts.join(' + ') : 'geen organisatie'
  }
  return [
    `<!-- GENERATED FILE - do not edit. Rendered from packages/permissions/src/abilities.ts by`,
    `     packages/permissions/src/permission-table.ts; regenerate with: ${PERMISSIONS_DOC_COMMAND} -->`,
    '',
    '# Permissions per role (CASL)',
    '',
    'Two walls decide what a caller may do. Postgres row-level security holds the **tenant wall** and',
    'row visibility: which stichting, school or partner rows exist for the caller at all',
    '(the live policies: [`packages/db/policies/`](../packages/db/policies/)). CASL holds the',
    '**role wall** shown here: which kinds of record a role may read or change, and under which',
    'conditions. A cell says what CASL allows; RLS may still hide rows it allows.',
    '',
    'Cells:',
    '',
    '- **ja**: allowed without conditions.',
    '- **`field` = eigen school** (or eigen stichting, eigen partner, zelf): allowed for records whose',
    '  field holds the caller\'s own school (stichting, partner, user id); other values are literal',
    '  (`kind` = meldcode, `kind` ∈ {…}). Conditions in one rule all apply; "of" separates rules.',
    '- **niet …**: a `cannot` rule that takes the permission away (under its conditions).',
    '- **alleen velden**: the rule covers only the fields in the note below the table.',
    '- **–**: no rule; the action is refused.',
    '- **manage** is CASL\'s "every action": a rule for it also answers every other action.',
    '',
    `Each role's ability is built with one representative context: ${roles.map((r) => `${r} (${contextOf(r)})`).join(', ')}.`,
    'Every role also reads its own memberships and manages its own API tokens.',
    '',
    renderPermissionTable(options),
  ].join('\n')
}
