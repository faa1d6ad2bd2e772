// Ids of the demo organisations and accounts (src/demo-seed.ts), looked up as the owner, and the
// request contexts the server would derive from their memberships.
import { sql } from 'drizzle-orm'
import type { Database } from '../../src/client.ts'
import type { ContextSettings } from '../../src/context.ts'
import type { Role } from '../../src/schema.ts'
import { rows } from './test-databases.ts'

export interface MembershipRow {
  id: string
  userId: string
  email: string
  role: Role
  stichtingId: string | null
  schoolId: string | null
  partnerId: string | null
}

export interface DemoFixture {
  stichtingen: { kompas: string; horizon: string }
  schools: { branding: string; lyceum: string; vakcollege: string; horizon: string }
  partners: { haltNoord: string; wijkteam: string }
  /** e-mail → user id */
  users: Record<string, string>
  memberships: MembershipRow[]
  /** The context of the account's membership (in the given school, when it has several). */
  contextOf(email: string, schoolId?: string): ContextSettings & { userId: string; role: Role }
}

export async function loadDemoFixture(db: Database): Promise<DemoFixture> {
  const idByName = async (table: string, name: string): Promise<string> => {
    const [row] = rows<{ id: string }>(await db.execute(sql`select id from ${sql.identifier(table)} where name = ${name}`))
    if (!row) throw new Error(`Demo fixture: no ${table} named ${name}; was the database seeded?`)
    return row.id
  }
  const users = Object.fromEntries(
    rows<{ id: string; email: string }>(await db.execute(sql`select id, email from users`)).map((u) => [u.email, u.id]),
  )
  const memberships = rows<MembershipRow>(
    await db.execute(sql`select m.id, m.user_id as "userId", u.email, m.role::text as role,
        m.stichting_id as "stichtingId", m.school_id as "schoolId", m.partner_id as "partnerId"
      from memberships m join users u on u.id = m.user_id`),
  )
  return {
    stichtingen: {
      kompas: await idByName('stichtingen', 'Stichting Kompas'),
      horizon: await idByName('stichtingen', 'Stichting Horizon'),
    },
    schools: {
      branding: await idByName('schools', 'OBS De Branding'),
      lyceum: await idByName('schools', 'Kompas Lyceum'),
      vakcollege: await idByName('schools', 'Kompas Vakcollege'),
      horizon: await idByName('schools', 'CBS De Horizon'),
    },
    partners: {
      haltNoord: await idByName('partner_organisations', 'Halt Noord'),
      wijkteam: await idByName('partner_organisations', 'Wijkteam Centrum'),
    },
    users,
    memberships,
    contextOf(email, schoolId) {
      const m = memberships.find((x) => x.email === email && (schoolId === undefined || x.schoolId === schoolId))
      if (!m) throw new Error(`Demo fixture: no membership for ${email}${schoolId ? ` in school ${schoolId}` : ''}`)
      return { userId: m.userId, role: m.role, stichtingId: m.stichtingId, schoolId: m.schoolId, partnerId: m.partnerId }
    },
  }
}
