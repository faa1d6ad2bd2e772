// Benchmark dataset (docs/benchmark.md): a fresh Postgres database with the migrations, the demo data
// (Stichting Kompas and Horizon: the "second stichting beside it") and "Stichting Benchmark", a large
// stichting generated with set-based SQL (generate_series), not row by row.
//
//   node --import tsx scripts/bench/generate.ts --scale=small   # 4 schools, 2,000 pupils, 50,000 incidents
//   node --import tsx scripts/bench/generate.ts --scale=full    # 40 schools, 20,000 pupils, 1,000,000 incidents
//
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/baken_bench) is dropped and recreated.
import postgres from 'postgres'
import { openDatabase, runMigrations } from '../../packages/db/src/index.ts'
import { hashPassword } from '../../packages/db/src/password.ts'
import { seedDemoData, DEMO_PASSWORD } from '../../packages/db/src/demo-seed.ts'
import { BENCH_USERS, benchDatabaseUrl, CURRENT_SCHOOL_YEAR, parseArgs } from './common.ts'

export interface Scale {
  schools: number
  students: number
  incidents: number
}

export const SCALES: Record<string, Scale> = {
  small: { schools: 4, students: 2_000, incidents: 50_000 },
  full: { schools: 40, students: 20_000, incidents: 1_000_000 },
}

/** The first school is the "large school" the benchmark users work at: three times the average size. */
const LARGE_SCHOOL_WEIGHT = 3
/** Ten school years up to today's (and the next); incidents fall between 1 August of the first and today. */
const FIRST_SCHOOL_YEAR = Number(CURRENT_SCHOOL_YEAR.slice(0, 4)) - 9
const YEARS = Array.from({ length: 11 }, (_, i) => FIRST_SCHOOL_YEAR + i)
const FIRST_DAY = `${FIRST_SCHOOL_YEAR}-08-01`

const FIRST_NAMES = ['Daan', 'Emma', 'Sem', 'Julia', 'Noah', 'Tess', 'Lucas', 'Zoë', 'Finn', 'Mila', 'Levi', 'Sara', 'Milan', 'Nora', 'Adam', 'Yara', 'Mohammed', 'Fenna', 'Luuk', 'Lina']
const LAST_NAMES = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'de Boer', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'El Idrissi', 'Yilmaz', 'Kok', 'Brouwer', 'de Graaf']
const SITUATIONS = [
  'Twee leerlingen duwen elkaar op het plein; een van hen valt.',
  'Een leerling scheldt een medeleerling uit in de klas.',
  'Tijdens de pauze wordt een leerling bedreigd door een groepsgenoot.',
  'Een leerling gooit een stoel om en loopt de klas uit.',
  'Spullen van een medeleerling zijn beschadigd in de gang.',
]

function sqlArray(xs: string[]): string {
  return `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`
}

async function recreateDatabase(url: string) {
  const target = new URL(url)
  const name = target.pathname.slice(1)
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected database name ${name}`)
  const adminUrl = new URL(url)
  adminUrl.pathname = '/postgres'
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.unsafe(`create database ${name}`)
  } finally {
    await admin.end({ timeout: 5 })
  }
}

/**
 * One batch of incidents with their IRIS codes and pupils in roles. `batch` is
 * `from bench_incidents i where …`: the incidents of one school and schooljaar.
 */
async function insertIncidents(tx: postgres.TransactionSql, batch: string) {
  await tx.unsafe(
    `insert into incidents (id, stichting_id, school_id, status, school_year, occurred_at, location_code, situation,
       verbal_aggression, physical_aggression, physical_form, vandalism, suggested_severity, severity, confidential,
       reported_by_id, created_at, updated_at, submitted_at)
     select i.id, (select id from bench_stichting), i.school_id,
       case when i.r1 < 0.03 then 'draft' else 'submitted' end::incident_status,
       i.y || '-' || (i.y + 1), i.at at time zone 'Europe/Amsterdam', 1 + floor(i.r2 * 34)::int,
       (${sqlArray(SITUATIONS)})[1 + floor(i.r3 * ${SITUATIONS.length})::int],
       i.r2 < 0.4, i.r3 < 0.35, case when i.r3 < 0.35 then 'duwen' end, i.r2 > 0.9,
       sev, sev, i.r1 > 0.97, i.reporter,
       i.at at time zone 'Europe/Amsterdam', i.at at time zone 'Europe/Amsterdam',
       case when i.r1 < 0.03 then null else i.at at time zone 'Europe/Amsterdam' + interval '1 hour' end
     ${batch.replace('from bench_incidents i', `from bench_incidents i
     cross join lateral (select case when i.r3 < 0.05 then 'zeer_ernstig' when i.r3 < 0.3 then 'ernstig' else 'overig' end::severity as sev) v`)}`,
  )
  // One or two voorval codes (1–36) and one afhandeling code (1–38) per incident.
  await tx.unsafe(
    `insert into incident_codes (stichting_id, school_id, incident_id, list, code)
     select (select id from bench_stichting), i.school_id, i.id, 'voorval'::iris_multi_list, 1 + floor(i.r2 * 36)::int ${batch}
     union all
     select (select id from bench_stichting), i.school_id, i.id, 'voorval', 1 + (floor(i.r2 * 36)::int + 1 + floor(i.r3 * 35)::int) % 36
     ${batch} and i.r1 < 0.4
     union all
     select (select id from bench_stichting), i.school_id, i.id, 'afhandeling', 1 + floor(i.r3 * 38)::int ${batch}`,
  )
  // A dader always, a slachtoffer in 60% and a getuige in 10% of incidents: distinct pupils of the school.
  await tx.unsafe(
    `with p as (
       select i.id as incident_id, i.school_id, 'dader'::incident_person_role as role, 0 as position,
         1 + floor(i.r4 * i.n_students)::int as rn ${batch}
       union all
       select i.id, i.school_id, 'slachtoffer', 1, 1 + (floor(i.r4 * i.n_students)::int + 1 + floor(i.r2 * (i.n_students - 2))::int) % i.n_students
       ${batch} and i.r3 < 0.6
       union all
       select i.id, i.school_id, 'getuige', 2, 1 + (floor(i.r4 * i.n_students)::int + i.n_students - 1) % i.n_students
       ${batch} and i.r1 > 0.9
     )
     insert into incident_persons (stichting_id, school_id, incident_id, role, kind, student_id, group_id, position)
     select (select id from bench_stichting), p.school_id, p.incident_id, p.role, 'leerling', b.id, b.group_id, p.position
     from p join bench_students b on b.school_id = p.school_id and b.rn = p.rn`,
  )
}

export async function generate(url: string, scale: Scale, log: (line: string) => void = console.log) {
  const started = performance.now()
  const step = async (label: string, fn: () => Promise<unknown>) => {
    const t = performance.now()
    await fn()
    log(`  ${label.padEnd(44)} ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }

  await step('drop and create database', () => recreateDatabase(url))
  const handle = await openDatabase({ kind: 'postgres', url, max: 1 })
  try {
    await step('migrations', () => runMigrations(handle))
    await step('demo seed (Kompas, Horizon)', () => seedDemoData(handle.db, { mode: 'demo' }))
  } finally {
    await handle.close()
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const weights = Array.from({ length: scale.schools }, (_, i) => (i === 0 ? LARGE_SCHOOL_WEIGHT : 1))
    const totalWeight = weights.reduce((a, b) => a + b, 0)
    const share = (total: number) => {
      const parts = weights.map((w) => Math.floor((total * w) / totalWeight))
      parts[0]! += total - parts.reduce((a, b) => a + b, 0)
      return parts
    }
    const studentsPer = share(scale.students)
    const incidentsPer = share(scale.incidents)

    // No transaction may run long: the access-log sealer's horizon is the oldest snapshot on the
    // whole server (ADR 021), so a 20-minute transaction here stalls sealing, and tests, everywhere.
    // The small set-up steps share one transaction; the large tables are written per school and
    // schooljaar (~2,500 incidents at full scale), each batch its own transaction of a second or two.
    // Temp tables live in the session (one connection, max: 1), across the transactions.
    await sql.begin(async (tx) => {
      await step('school years, stichting, schools, users', async () => {
        await tx.unsafe(
          `insert into school_years (name, starts_on, ends_on)
           select y || '-' || (y + 1), make_date(y, 8, 1), make_date(y + 1, 7, 31) from unnest($1::int[]) y
           on conflict (name) do nothing`,
          [YEARS],
        )
        await tx.unsafe(`create temp table bench_stichting as select gen_random_uuid() as id`)
        await tx.unsafe(`insert into stichtingen (id, name) select id, 'Stichting Benchmark' from bench_stichting`)
        // A second factor required of no role, as for the demo stichtingen: without a policy row the
        // default (ADR 024) asks every role that sees personal data for one, and every benchmark
        // request would answer 401.
        await tx.unsafe(`insert into mfa_policies (stichting_id, required_roles) select id, '{}' from bench_stichting`)
        // Mixed sectors: mostly po, then vo, so and mbo. BRIN: two digits and "XZ"/"XY"/… (demo BRINs differ).
        await tx.unsafe(
          `create temp table bench_schools as
           select k::int as k, gen_random_uuid() as id, n_students, n_incidents,
             (array['po','po','po','vo','po','so','po','vo','po','mbo'])[1 + (k::int - 1) % 10]::sector as sector,
             (array['noord','midden','zuid'])[1 + (k::int - 1) % 3]::holiday_region as region
           from unnest($1::int[], $2::int[]) with ordinality as t(n_students, n_incidents, k)`,
          [studentsPer, incidentsPer],
        )
        await tx.unsafe(
          `insert into schools (id, stichting_id, name, brin, sector, holiday_region)
           select id, (select id from bench_stichting),
             case sector when 'po' then 'Basisschool ' when 'so' then 'SO De Brug ' when 'vo' then 'Scholengemeenschap ' else 'Vakcollege ' end || 'Benchmark ' || k,
             lpad((k % 100)::text, 2, '0') || 'X' || chr(90 - k / 100), sector, region
           from bench_schools order by k`,
        )
        await tx.unsafe(`alter table bench_schools add primary key (k)`)
        // Benchmark users (demo password) and one reporting teacher per school.
        await tx.unsafe(
          `insert into users (email, name, password_hash) values
             ($1, 'Directeur Benchmark', $4), ($2, 'Leerkracht Benchmark', $4), ($3, 'Bestuurder Benchmark', $4)`,
          [BENCH_USERS.directeur, BENCH_USERS.leerkracht, BENCH_USERS.bestuurder, passwordHash],
        )
        await tx.unsafe(
          `insert into users (email, name, password_hash)
           select 'melder' || k || '@benchmark.demo', 'Melder ' || k, $1 from bench_schools`,
          [passwordHash],
        )
        await tx.unsafe(
          `insert into memberships (user_id, role, stichting_id, school_id)
           select u.id, m.role::role, (select id from bench_stichting), s.id
           from (values ($1, 'directeur'), ($2, 'leerkracht')) m(email, role)
           join users u on u.email = m.email, bench_schools s where s.k = 1
           union all
           select u.id, 'bestuurder', (select id from bench_stichting), null from users u where u.email = $3
           union all
           select u.id, 'leerkracht', (select id from bench_stichting), s.id
           from bench_schools s join users u on u.email = 'melder' || s.k || '@benchmark.demo'`,
          [BENCH_USERS.directeur, BENCH_USERS.leerkracht, BENCH_USERS.bestuurder],
        )
        await tx.unsafe(`alter table bench_schools add column reporter uuid`)
        await tx.unsafe(`update bench_schools s set reporter = u.id from users u where u.email = 'melder' || s.k || '@benchmark.demo'`)
      })

      await step('groups and students', async () => {
        // Groups of the current schooljaar (~25 pupils each); each pupil in one.
        await tx.unsafe(
          `create temp table bench_groups as
           select s.id as school_id, s.k, g as gno, gen_random_uuid() as id
           from bench_schools s cross join lateral generate_series(1, greatest(1, s.n_students / 25)) g`,
        )
        await tx.unsafe(
          `insert into groups (id, stichting_id, school_id, school_year_id, name)
           select g.id, (select id from bench_stichting), g.school_id, y.id,
             case s.sector when 'po' then 'groep ' when 'so' then 'SO-groep ' else 'klas ' end || g.gno
           from bench_groups g join bench_schools s on s.id = g.school_id, school_years y where y.name = $1`,
          [CURRENT_SCHOOL_YEAR],
        )
        await tx.unsafe(`create index on bench_groups (school_id, gno)`)
        await tx.unsafe(
          `create temp table bench_students as
           select s.id as school_id, s.k, n as rn, gen_random_uuid() as id,
             (select g.id from bench_groups g where g.school_id = s.id and g.gno = 1 + (n - 1) % greatest(1, s.n_students / 25)) as group_id
           from bench_schools s cross join lateral generate_series(1, s.n_students) n`,
        )
        await tx.unsafe(`alter table bench_students add primary key (school_id, rn)`)
        await tx.unsafe(
          `insert into students (id, stichting_id, school_id, external_id, first_name, infix, last_name, date_of_birth, group_id, enrolled_on)
           select b.id, (select id from bench_stichting), b.school_id, 'B' || b.k || '-' || b.rn,
             (${sqlArray(FIRST_NAMES)})[1 + floor(random() * ${FIRST_NAMES.length})::int],
             null,
             (${sqlArray(LAST_NAMES)})[1 + floor(random() * ${LAST_NAMES.length})::int],
             date '2008-01-01' + floor(random() * 4000)::int,
             b.group_id, date '2016-08-15' + floor(random() * 3000)::int
           from bench_students b`,
        )
        await tx.unsafe(
          `with g as (
             insert into guardians (stichting_id, school_id, name, email)
             select (select id from bench_stichting), b.school_id, 'Ouder van leerling ' || b.rn, 'ouder' || b.k || '-' || b.rn || '@ouders.demo'
             from bench_students b order by b.school_id, b.rn
             returning id, school_id, email
           )
           insert into student_guardians (stichting_id, school_id, student_id, guardian_id, relation)
           select (select id from bench_stichting), b.school_id, b.id, g.id, 'ouder/verzorger 1'
           from g join bench_students b on g.email = 'ouder' || b.k || '-' || b.rn || '@ouders.demo'`,
        )
        // The benchmark leerkracht teaches the first two groups of the large school.
        await tx.unsafe(
          `insert into group_teachers (stichting_id, school_id, group_id, user_id)
           select (select id from bench_stichting), g.school_id, g.id, u.id
           from bench_groups g, users u where g.k = 1 and g.gno <= 2 and u.email = $1`,
          [BENCH_USERS.leerkracht],
        )
      })

    })

    await step('incidents (temp table)', async () => {
      // Spread evenly from the first school year's 1 August until now, in school hours; 3% drafts, 3% confidential.
      await sql.unsafe(
        `create temp table bench_incidents as
         select x.*,
           case when extract(month from x.at) >= 8 then extract(year from x.at)::int else extract(year from x.at)::int - 1 end as y
         from (
           select gen_random_uuid() as id, s.id as school_id, s.k, s.n_students, s.reporter,
             (date '${FIRST_DAY}' + floor(random() * (current_date - date '${FIRST_DAY}'))::int)::timestamp
               + interval '8 hours' + random() * interval '8 hours' as at,
             random() as r1, random() as r2, random() as r3, random() as r4
           from bench_schools s cross join lateral generate_series(1, s.n_incidents) n
         ) x`,
      )
      await sql.unsafe(`create index on bench_incidents (k, y)`)
      await sql.unsafe(`analyze bench_incidents`)
    })

    const batches = await sql.unsafe<{ k: number; y: number }[]>(`select distinct k, y from bench_incidents order by k, y`)
    let longestMs = 0
    await step(`incidents, codes, persons (${batches.length} batches)`, async () => {
      for (const [n, { k, y }] of batches.entries()) {
        const t = performance.now()
        await sql.begin(async (tx) => {
          const batch = `from bench_incidents i where i.k = ${Number(k)} and i.y = ${Number(y)}`
          await insertIncidents(tx, batch)
        })
        longestMs = Math.max(longestMs, performance.now() - t)
        if ((n + 1) % 50 === 0) log(`    ${n + 1} / ${batches.length} batches, longest transaction ${(longestMs / 1000).toFixed(1)} s`)
      }
    })
    log(`  longest batch transaction ${(longestMs / 1000).toFixed(1)} s`)

    await sql.begin(async (tx) => {
      await step('measures on 0.2% of incidents', async () => {
        // time-outs, schorsingen and verwijderingen; those of the last two months still open.
        await tx.unsafe(
          `create temp table bench_measures as
           select gen_random_uuid() as id, i.id as incident_id, i.school_id, i.at, s.sector, s.reporter,
             case when i.r2 < 0.6 then 'time_out' when i.r2 < 0.95 then 'schorsing' else 'verwijdering' end::measure_kind as kind,
             (select p.student_id from incident_persons p where p.incident_id = i.id and p.role = 'dader') as student_id
           from bench_incidents i join bench_schools s on s.id = i.school_id
           where i.r1 between 0.5 and 0.502`,
        )
        await tx.unsafe(
          `insert into measures (id, stichting_id, school_id, student_id, kind, state, sector, rule_set_id, reasons,
             starts_on, ends_on, school_days, proposed_by_id, created_at, updated_at)
           select m.id, (select id from bench_stichting), m.school_id, m.student_id, m.kind,
             case when m.at > now() - interval '60 days' then
               case m.kind when 'time_out' then 'requested' else 'proposed' end
             else case m.kind when 'time_out' then 'board_notified' when 'schorsing' then 'ended' else 'definitive' end end,
             m.sector, 'wet-' || m.sector || '-2026', 'Herhaald fysiek geweld tegen medeleerlingen.',
             case when m.kind = 'time_out' then null else (m.at + interval '1 day')::date end,
             case when m.kind = 'schorsing' then (m.at + interval '3 days')::date end,
             case when m.kind = 'schorsing' then 3 end,
             m.reporter, m.at at time zone 'Europe/Amsterdam', m.at at time zone 'Europe/Amsterdam' + interval '1 day'
           from bench_measures m`,
        )
        await tx.unsafe(
          `insert into measure_incidents (stichting_id, school_id, measure_id, incident_id)
           select (select id from bench_stichting), m.school_id, m.id, m.incident_id from bench_measures m`,
        )
        await tx.unsafe(
          `insert into measure_transitions (stichting_id, school_id, measure_id, from_state, to_state, by_id, at)
           select (select id from bench_stichting), m.school_id, m.id, null, case m.kind when 'time_out' then 'requested' else 'proposed' end,
             m.reporter, m.at at time zone 'Europe/Amsterdam'
           from bench_measures m`,
        )
      })
    })

    await step('ANALYZE', () => sql.unsafe('analyze'))
    const counts = await sql.unsafe(
      `select 'stichtingen' as t, count(*)::int as n from stichtingen union all
       select 'schools', count(*)::int from schools union all
       select 'students', count(*)::int from students union all
       select 'groups', count(*)::int from groups union all
       select 'incidents', count(*)::int from incidents union all
       select 'incident_codes', count(*)::int from incident_codes union all
       select 'incident_persons', count(*)::int from incident_persons union all
       select 'measures', count(*)::int from measures union all
       select 'users', count(*)::int from users union all
       select 'incidents, benchmark, ' || $1, count(*)::int from incidents i join stichtingen s on s.id = i.stichting_id
         where s.name = 'Stichting Benchmark' and i.school_year = $1`,
      [CURRENT_SCHOOL_YEAR],
    )
    log('')
    for (const row of counts) log(`  ${String(row.t).padEnd(44)} ${Number(row.n).toLocaleString('en')}`)
    log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    await sql.end({ timeout: 5 })
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)
if (isMain) {
  const args = parseArgs(process.argv.slice(2))
  const scaleName = String(args.scale ?? 'small')
  const scale = SCALES[scaleName]
  if (!scale) {
    console.error(`Unknown --scale=${scaleName}; use small or full`)
    process.exit(2)
  }
  const url = benchDatabaseUrl()
  console.log(`Generating the benchmark dataset (--scale=${scaleName}: ${scale.schools} schools, ${scale.students} pupils, ${scale.incidents} incidents) in ${url}`)
  await generate(url, scale)
}
