// The floor for `GET /api/v1/me` (docs/benchmark.md, "Fixed cost per request"): a bare node:http
// server that answers the same question from ONE Postgres query and nothing else. No Express, no
// Remix, no row-level security, no context, no session renewal: what is left when the app's own
// overhead is taken away. Started by fixed-cost.ts as a separate process, with plain node (Node 24
// strips the types):
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/baken_fastpath PORT=4100 node scripts/bench/bare-me.ts
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import postgres from 'postgres'

const sql = postgres(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/baken_fastpath', {
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  onnotice: () => {},
})

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/** The user, the membership a session or token acts for and its organisation, in one statement. */
function lookup(kind: 'session' | 'token', key: string) {
  return kind === 'session'
    ? sql`select u.id as user_id, u.email, u.name, m.id as membership_id, m.role,
          coalesce(sc.id, st.id, p.id) as organisation_id, coalesce(sc.name, st.name, p.name) as organisation_name,
          case when m.school_id is not null then 'school' when m.stichting_id is not null then 'stichting'
               when m.partner_id is not null then 'partner' else 'platform' end as kind
        from sessions s
        join users u on u.id = s.user_id and u.disabled_at is null
        join memberships m on m.id = s.membership_id and m.user_id = s.user_id
        left join schools sc on sc.id = m.school_id
        left join stichtingen st on st.id = m.stichting_id and m.school_id is null
        left join partner_organisations p on p.id = m.partner_id
        where s.id = ${key} and s.expires_at > now()`
    : sql`select u.id as user_id, u.email, u.name, m.id as membership_id, m.role,
          coalesce(sc.id, st.id, p.id) as organisation_id, coalesce(sc.name, st.name, p.name) as organisation_name,
          case when m.school_id is not null then 'school' when m.stichting_id is not null then 'stichting'
               when m.partner_id is not null then 'partner' else 'platform' end as kind
        from api_tokens t
        join users u on u.id = t.user_id and u.disabled_at is null
        join memberships m on m.id = t.membership_id and m.user_id = t.user_id
        left join schools sc on sc.id = m.school_id
        left join stichtingen st on st.id = m.stichting_id and m.school_id is null
        left join partner_organisations p on p.id = m.partner_id
        where t.token_hash = ${key} and t.revoked_at is null and t.expires_at > now()`
}

const server = createServer((req, res) => {
  const bearer = /^bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
  const cookie = /(?:^|;\s*)baken_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
  const answer = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  if (req.url !== '/api/v1/me' || (!bearer && !cookie)) return answer(401, { errors: [{ path: '', message: 'Niet ingelogd.' }] })
  lookup(bearer ? 'token' : 'session', hash(bearer ?? cookie!)).then(
    ([row]) => {
      if (!row) return answer(401, { errors: [{ path: '', message: 'Niet ingelogd.' }] })
      answer(200, {
        user: { id: row.user_id, email: row.email, name: row.name },
        membership: { id: row.membership_id, role: row.role },
        organisation: { kind: row.kind, id: row.organisation_id, name: row.organisation_name },
        role: row.role,
        authenticatedBy: bearer ? 'token' : 'session',
      })
    },
    () => answer(500, { errors: [{ path: '', message: 'database' }] }),
  )
})

server.listen(Number(process.env.PORT ?? 4100), process.env.HOST ?? '127.0.0.1', () => console.log('bare /api/v1/me listening'))
process.on('SIGTERM', () => server.close(() => void sql.end({ timeout: 2 }).then(() => process.exit(0))))
