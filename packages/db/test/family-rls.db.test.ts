// The family's database context (migration 0058, ADR 033), raw SQL on both drivers. A guardian's
// transaction runs as baken_family and reads only what the open guardian links of that user open:
// the own child, the items released about it, the shares that name it, its own acknowledgements and
// requests. It reads nothing of the staff's tables, never another child's rows (same school or
// another), and an ended link opens nothing from the moment it ends.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { applyContext, FAMILY_ROLE, withContext, type ContextSettings } from '../src/context.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { attempt, describeEachDriver, rows } from './support/test-databases.ts'

const GUARDIAN = 'ouder@branding.demo'
const PUPIL = 'leerling@vakcollege.demo'

describeEachDriver('the family context (raw SQL as baken_family)', (getDb) => {
  let f: DemoFixture
  let child: string
  let otherChild: string
  let otherItem: string
  let otherGuardian: ContextSettings & { userId: string }
  let lyceumPupil: string
  // A decided schorsing of a third pupil, its guardian, and its decision letter released to the portal.
  let measure: { id: string; studentId: string; state: string }
  let letterItem: string
  let measureGuardian: ContextSettings & { userId: string }

  const as = <T>(settings: ContextSettings, fn: Parameters<typeof withContext<T>>[2]) => withContext(getDb().app, settings, fn)
  const q = async <T>(settings: ContextSettings, query: ReturnType<typeof sql>) => as(settings, async (tx) => rows<T>(await tx.execute(query)))
  const ids = async (settings: ContextSettings, table: string, column = 'id') =>
    (await q<{ id: string }>(settings, sql`select ${sql.identifier(column)}::text as id from ${sql.identifier(table)} order by 1`)).map((r) => r.id)

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    const [link] = rows<{ student_id: string }>(await owner.execute(sql`select student_id from guardian_links where user_id = ${f.users[GUARDIAN]!}`))
    child = link!.student_id
    // A second guardian at the same school, of another pupil, with a released report of their own.
    const [other] = rows<{ id: string }>(
      await owner.execute(sql`select s.id from students s where s.school_id = ${f.schools.branding} and s.id <> ${child}
        and exists (select 1 from incident_persons p join incidents i on i.id = p.incident_id
                    where p.student_id = s.id and i.severity = 'zeer_ernstig' and i.status = 'submitted') order by s.external_id limit 1`),
    )
    otherChild = other!.id
    const [incident] = rows<{ id: string }>(
      await owner.execute(sql`select i.id from incidents i join incident_persons p on p.incident_id = i.id
        where p.student_id = ${otherChild} and i.severity = 'zeer_ernstig' and i.status = 'submitted' limit 1`),
    )
    const [user] = rows<{ id: string }>(await owner.execute(sql`insert into users (email, name, password_hash) values ('ander.ouder@ouders.demo', 'Ander Ouder', 'x') returning id`))
    await owner.execute(sql`insert into memberships (user_id, role, stichting_id, school_id) values (${user!.id}, 'ouder', ${f.stichtingen.kompas}, ${f.schools.branding})`)
    await owner.execute(sql`insert into guardian_links (stichting_id, school_id, student_id, user_id, kind, relation)
      values (${f.stichtingen.kompas}, ${f.schools.branding}, ${otherChild}, ${user!.id}, 'ouder', 'voogd')`)
    const [item] = rows<{ id: string }>(
      await owner.execute(sql`insert into portal_items (stichting_id, school_id, student_id, kind, incident_id, title, body, released_by_id)
        values (${f.stichtingen.kompas}, ${f.schools.branding}, ${otherChild}, 'incident_report', ${incident!.id}, 'Verslag', '{}'::jsonb, ${f.users['directeur@branding.demo']!})
        returning id`),
    )
    otherItem = item!.id
    otherGuardian = { userId: user!.id, role: 'ouder', stichtingId: f.stichtingen.kompas, schoolId: f.schools.branding, partnerId: null }
    const [lp] = rows<{ id: string }>(await owner.execute(sql`select id from students where school_id = ${f.schools.lyceum} limit 1`))
    lyceumPupil = lp!.id
    const [m] = rows<{ id: string; student_id: string; state: string }>(
      await owner.execute(sql`select m.id, m.student_id, m.state from measures m where m.school_id = ${f.schools.branding} and m.kind = 'schorsing'
        and m.state in ('approved', 'letter_sent', 'in_effect', 'meeting_held', 'report_signed', 'ended') and m.student_id not in (${child}, ${otherChild})
        and not exists (select 1 from bezwaren b where b.measure_id = m.id and b.state <> 'decided') limit 1`),
    )
    measure = { id: m!.id, studentId: m!.student_id, state: m!.state }
    const [mu] = rows<{ id: string }>(await owner.execute(sql`insert into users (email, name, password_hash) values ('bezwaar.ouder@ouders.demo', 'Bezwaar Ouder', 'x') returning id`))
    await owner.execute(sql`insert into memberships (user_id, role, stichting_id, school_id) values (${mu!.id}, 'ouder', ${f.stichtingen.kompas}, ${f.schools.branding})`)
    await owner.execute(sql`insert into guardian_links (stichting_id, school_id, student_id, user_id, kind, relation)
      values (${f.stichtingen.kompas}, ${f.schools.branding}, ${measure.studentId}, ${mu!.id}, 'ouder', 'moeder')`)
    const [li] = rows<{ id: string }>(
      await owner.execute(sql`insert into portal_items (stichting_id, school_id, student_id, kind, measure_id, title, body, released_by_id)
        values (${f.stichtingen.kompas}, ${f.schools.branding}, ${measure.studentId}, 'decision_letter', ${measure.id}, 'Brief',
                jsonb_build_object('decisionSentOn', (current_date - 3)::text), ${f.users['directeur@branding.demo']!})
        returning id`),
    )
    letterItem = li!.id
    measureGuardian = { userId: mu!.id, role: 'ouder', stichtingId: f.stichtingen.kompas, schoolId: f.schools.branding, partnerId: null }
  })

  it('a guardian transaction runs as baken_family, which cannot log in, bypass RLS, or act as baken_app', async () => {
    const [who] = await q<{ u: string }>(f.contextOf(GUARDIAN), sql`select current_user as u`)
    expect(who!.u).toBe(FAMILY_ROLE)
    const [role] = rows<{ rolcanlogin: boolean; rolsuper: boolean; rolbypassrls: boolean; app: boolean }>(
      await getDb().owner.execute(sql`select rolcanlogin, rolsuper, rolbypassrls, pg_has_role(${FAMILY_ROLE}, 'baken_app', 'MEMBER') as app
        from pg_roles where rolname = ${FAMILY_ROLE}`),
    )
    expect(role).toEqual({ rolcanlogin: false, rolsuper: false, rolbypassrls: false, app: false })
  })

  it('sees exactly the own child, its school and its released item', async () => {
    const me = f.contextOf(GUARDIAN)
    expect(await ids(me, 'students')).toEqual([child])
    expect(await ids(me, 'schools')).toEqual([f.schools.branding])
    const items = await q<{ student_id: string }>(me, sql`select student_id from portal_items`)
    expect(items.length).toBe(1)
    expect(items.map((i) => i.student_id)).toEqual([child])
    expect(await ids(me, 'guardian_links', 'student_id')).toEqual([child])
  })

  it('never reads another child of the same school, or a pupil of another school', async () => {
    const me = f.contextOf(GUARDIAN)
    expect(await q(me, sql`select id from students where id in (${otherChild}, ${lyceumPupil})`)).toEqual([])
    expect(await q(me, sql`select id from portal_items where id = ${otherItem}`)).toEqual([])
    expect(await q(me, sql`select student_id from share_students where student_id <> ${child}`)).toEqual([])
    // And the other guardian sees their own child only, never this one.
    expect(await ids(otherGuardian, 'students')).toEqual([otherChild])
    expect(await q(otherGuardian, sql`select id from students where id = ${child}`)).toEqual([])
  })

  it('reads no staff table at all: incidents, persons, guardians, the access log are not granted', async () => {
    for (const table of ['incidents', 'incident_persons', 'guardians', 'student_guardians', 'access_log', 'measures', 'memberships', 'share_items', 'outbox']) {
      const r = await attempt(() => q(f.contextOf(GUARDIAN), sql`select 1 from ${sql.identifier(table)} limit 1`))
      expect(r.ok, table).toBe(false)
      if (!r.ok) expect(r.error.code, table).toBe('42501')
    }
  })

  it('sees the shares that name the own child, with their recipient, and no other share', async () => {
    const me = f.contextOf(GUARDIAN)
    const shares = await q<{ id: string; partner: string }>(me, sql`select s.id, p.name as partner from shares s join partner_organisations p on p.id = s.partner_id`)
    expect(shares.length).toBeGreaterThanOrEqual(1)
    expect(new Set(shares.map((s) => s.partner))).toEqual(new Set(['Wijkteam Centrum']))
    const [named] = rows<{ n: number }>(
      await getDb().owner.execute(sql`select count(*)::int as n from share_students where student_id = ${child}`),
    )
    expect(shares.length).toBe(named!.n)
  })

  it('acknowledges only a released item of the own child, digitally, as itself', async () => {
    const me = f.contextOf(GUARDIAN)
    const [mine] = rows<{ id: string; incident_id: string }>(await getDb().owner.execute(sql`select id, incident_id from portal_items where student_id = ${child}`))
    const insert = (item: string, incident: string, student: string, method = 'digitaal', by = me.userId) =>
      attempt(() =>
        as(me, (tx) =>
          tx.execute(sql`insert into incident_acknowledgements (stichting_id, school_id, incident_id, student_id, guardian_name, acknowledged_on, method, recorded_by_id, portal_item_id, reaction)
            values (${f.stichtingen.kompas}, ${f.schools.branding}, ${incident}, ${student}, 'Ouder', current_date, ${method}, ${by}, ${item}, 'Gelezen')`),
        ),
      )
    const [other] = rows<{ incident_id: string }>(await getDb().owner.execute(sql`select incident_id from portal_items where id = ${otherItem}`))
    // Another child's item, a mismatched pupil, paper, or in someone else's name: refused by the policy.
    for (const r of [
      await insert(otherItem, other!.incident_id, otherChild),
      await insert(mine!.id, mine!.incident_id, otherChild),
      await insert(mine!.id, mine!.incident_id, child, 'op school getekend'),
      await insert(mine!.id, mine!.incident_id, child, 'digitaal', otherGuardian.userId),
    ]) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('42501')
    }
    expect((await insert(mine!.id, mine!.incident_id, child)).ok).toBe(true)
    // Append-only: no update or delete.
    const update = await attempt(() => as(me, (tx) => tx.execute(sql`update incident_acknowledgements set reaction = 'x'`)))
    expect(update.ok).toBe(false)
    const acks = await q<{ student_id: string }>(me, sql`select student_id from incident_acknowledgements`)
    expect(acks.map((a) => a.student_id)).toEqual([child])
  })

  it('files an AVG request only about the own child', async () => {
    const me = f.contextOf(GUARDIAN)
    const file = (student: string) =>
      attempt(() =>
        as(me, (tx) =>
          tx.execute(sql`insert into subject_requests (stichting_id, school_id, student_id, kind, requested_by, requester_name, received_on, due_on, details, created_by_id)
            values (${f.stichtingen.kompas}, ${f.schools.branding}, ${student}, 'inzage', 'ouders', 'Ouder', current_date, current_date + 30, 'Inzage graag', ${me.userId})`),
        ),
      )
    const refused = await file(otherChild)
    expect(refused.ok).toBe(false)
    expect((await file(child)).ok).toBe(true)
    const mine = await q<{ student_id: string }>(me, sql`select student_id from subject_requests`)
    expect(mine.map((r) => r.student_id)).toEqual([child])
  })

  it('the access-log summary answers for the own child only, without staff names', async () => {
    const me = f.contextOf(GUARDIAN)
    const own = await q<Record<string, unknown>>(me, sql`select * from family_child_viewers(${child}::uuid)`)
    for (const row of own) expect(Object.keys(row).sort()).toEqual(['kind', 'month', 'organisation', 'views'])
    expect(await q(me, sql`select * from family_child_viewers(${otherChild}::uuid)`)).toEqual([])
    // Staff cannot call it (the access log is the FG's).
    const staff = await attempt(() => q(f.contextOf('directeur@branding.demo'), sql`select * from family_child_viewers(${child}::uuid)`))
    expect(staff.ok).toBe(false)
  })

  it('a pupil of 17 with an own account sees only themselves', async () => {
    const me = f.contextOf(PUPIL)
    const [link] = rows<{ student_id: string }>(await getDb().owner.execute(sql`select student_id from guardian_links where user_id = ${me.userId}`))
    expect(await ids(me, 'students')).toEqual([link!.student_id])
  })

  it('the family role with staff settings, and a family context with another school, see nothing', async () => {
    const asFamilyRole = async (settings: ContextSettings, table: string) =>
      getDb().app.transaction(async (tx) => {
        await applyContext(tx, settings)
        await tx.execute(sql`select set_config('role', ${FAMILY_ROLE}, true)`)
        return rows(await tx.execute(sql`select 1 from ${sql.identifier(table)}`)).length
      })
    expect(await asFamilyRole(f.contextOf('directeur@branding.demo'), 'students')).toBe(0)
    expect(await asFamilyRole(f.contextOf('directeur@branding.demo'), 'portal_items')).toBe(0)
    // The guardian's user, but acting for another school than the link's.
    expect(await ids({ ...f.contextOf(GUARDIAN), schoolId: f.schools.lyceum }, 'students')).toEqual([])
  })

  it('an ended link opens nothing from the moment it ends', async () => {
    const { owner } = getDb()
    expect(await ids(otherGuardian, 'students')).toEqual([otherChild])
    await owner.execute(sql`update guardian_links set ended_at = now(), ended_reason = 'Gezag gewijzigd' where user_id = ${otherGuardian.userId}`)
    expect(await ids(otherGuardian, 'students')).toEqual([])
    expect(await ids(otherGuardian, 'portal_items')).toEqual([])
    expect(await ids(otherGuardian, 'guardian_links')).toEqual([])
  })

  it('a decision letter item names its measure; "voor gezien" on it only by the own child\'s guardian, digitally', async () => {
    const noMeasure = await attempt(() =>
      getDb().owner.execute(sql`insert into portal_items (stichting_id, school_id, student_id, kind, title, body, released_by_id)
        values (${f.stichtingen.kompas}, ${f.schools.branding}, ${measure.studentId}, 'decision_letter', 'Brief', '{}'::jsonb, ${f.users['directeur@branding.demo']!})`),
    )
    expect(noMeasure.ok).toBe(false)
    const ack = (who: ContextSettings & { userId: string }, student: string, method = 'digitaal') =>
      attempt(() =>
        as(who, (tx) =>
          tx.execute(sql`insert into measure_acknowledgements (stichting_id, school_id, measure_id, student_id, portal_item_id, guardian_name, acknowledged_on, method, recorded_by_id)
            values (${f.stichtingen.kompas}, ${f.schools.branding}, ${measure.id}, ${student}, ${letterItem}, 'Ouder', current_date, ${method}, ${who.userId})`),
        ),
      )
    for (const r of [await ack(f.contextOf(GUARDIAN), measure.studentId), await ack(measureGuardian, measure.studentId, 'op school getekend'), await ack(measureGuardian, child)]) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('42501')
    }
    expect((await ack(measureGuardian, measure.studentId)).ok).toBe(true)
    expect(await ids(measureGuardian, 'measure_acknowledgements', 'measure_id')).toEqual([measure.id])
    expect(await ids(f.contextOf(GUARDIAN), 'measure_acknowledgements')).toEqual([])
    // Staff who see the measure see the acknowledgement; append-only for everyone.
    expect(await ids(f.contextOf('ib@branding.demo'), 'measure_acknowledgements', 'measure_id')).toContain(measure.id)
    expect(await ids(f.contextOf('directeur@lyceum.demo', f.schools.lyceum), 'measure_acknowledgements')).toEqual([])
    const update = await attempt(() => as(measureGuardian, (tx) => tx.execute(sql`update measure_acknowledgements set reaction = 'x'`)))
    expect(update.ok).toBe(false)
  })

  it('family_file_bezwaar: only the own child\'s guardian, on the live released letter, once while it runs', async () => {
    const file = (who: ContextSettings, item = letterItem) =>
      q<{ outcome: string; bezwaar_id: string | null }>(
        who,
        sql`select * from family_file_bezwaar(${item}::uuid, current_date, current_date + 42, false, 'Wij zijn het niet eens met de schorsing.', null, 'Bezwaar ontvangen via het ouderportaal')`,
      )
    const count = async () =>
      rows<{ n: number }>(await getDb().owner.execute(sql`select count(*)::int as n from bezwaren where measure_id = ${measure.id}`))[0]!.n
    const before = await count()
    // Another child's guardian, a guardian of another school's context, an unknown item: not found, nothing filed.
    expect((await file(f.contextOf(GUARDIAN)))[0]!.outcome).toBe('not_found')
    expect((await file({ ...measureGuardian, schoolId: f.schools.lyceum }))[0]!.outcome).toBe('not_found')
    expect((await file(measureGuardian, otherItem))[0]!.outcome).toBe('not_found')
    // Staff cannot call it: their bezwaar goes through the measure's own workflow.
    const staff = await attempt(() => file(f.contextOf('directeur@branding.demo')))
    expect(staff.ok).toBe(false)
    expect(await count()).toBe(before)
    // The family reads no measure, even while filing.
    const measures = await attempt(() => q(measureGuardian, sql`select 1 from measures`))
    expect(measures.ok).toBe(false)
    const [ok] = await file(measureGuardian)
    expect(ok!.outcome).toBe('ok')
    const [row] = rows<{ received_via: string; recorded_by_id: string; state: string; portal_item_id: string; grounds: string }>(
      await getDb().owner.execute(sql`select received_via, recorded_by_id, state, portal_item_id, grounds from bezwaren where id = ${ok!.bezwaar_id}`),
    )
    expect(row).toEqual({ received_via: 'portaal', recorded_by_id: measureGuardian.userId, state: 'received', portal_item_id: letterItem, grounds: 'Wij zijn het niet eens met de schorsing.' })
    const [step] = rows<{ from_state: string; to_state: string }>(
      await getDb().owner.execute(sql`select from_state, to_state from measure_transitions where data->>'bezwaarId' = ${ok!.bezwaar_id}`),
    )
    expect(step).toEqual({ from_state: measure.state, to_state: measure.state })
    expect((await file(measureGuardian))[0]!.outcome).toBe('open')
    // The guardian sees its own bezwaar (not the board's reasons); another guardian sees none.
    expect(await ids(measureGuardian, 'bezwaren')).toEqual([ok!.bezwaar_id])
    expect(await ids(f.contextOf(GUARDIAN), 'bezwaren')).toEqual([])
    const reasons = await attempt(() => q(measureGuardian, sql`select reasons from bezwaren`))
    expect(reasons.ok).toBe(false)
    // A withdrawn letter opens nothing.
    await getDb().owner.execute(sql`update portal_items set withdrawn_at = now(), withdrawn_by_id = ${f.users['directeur@branding.demo']!} where id = ${letterItem}`)
    expect((await file(measureGuardian))[0]!.outcome).toBe('not_found')
    expect(await ids(measureGuardian, 'bezwaren')).toEqual([])
  })

  it('staff: only the directeur and the IB release, at their own school; a leerkracht sees no releases', async () => {
    const insertOne = (email: string) =>
      attempt(() =>
        as(f.contextOf(email), (tx) =>
          tx.execute(sql`insert into portal_items (stichting_id, school_id, student_id, kind, incident_id, title, body, released_by_id)
            values (${f.stichtingen.kompas}, ${f.schools.branding}, ${otherChild}, 'student_file', null, 'Inzage', '{}'::jsonb, ${f.contextOf(email).userId})`),
        ),
      )
    const teacher = await insertOne('leerkracht@branding.demo')
    expect(teacher.ok).toBe(false)
    expect((await insertOne('ib@branding.demo')).ok).toBe(true)
    expect(await ids(f.contextOf('leerkracht@branding.demo'), 'portal_items')).toEqual([])
    expect((await ids(f.contextOf('ib@branding.demo'), 'portal_items')).length).toBeGreaterThanOrEqual(2)
    expect(await ids(f.contextOf('directeur@lyceum.demo', f.schools.lyceum), 'portal_items')).toEqual([])
  })
})
