// Demo Halt spreekuur: the three examples of Halt's spreekuur leaflet at Kompas Vakcollege, handled
// by halt@haltnoord.demo, in different states —
//   1. the fight after the sports day: a restorative trajectory between the two groups, two students
//      referred to care (hulpverlening); closed, completed, with the closing report;
//   2. the threat with scissors: weekly spreekuren, a JIM from her own network, new agreements; running;
//   3. the sexting case: a conversation with Halt, a conversation with the victim and class meetings
//      organised with the school; accepted, intake planned.
// Each referral has its own incident, inserted here, and a purpose-bound share ('halt_spreekuur')
// whose items carry only the chosen fields and name only the referred student: other pupils are
// "leerling A", "leerling B", … as createShareRecord writes them (ADR 013). Weekly slots at two
// locations. Dates relative to `now`.
import { and, eq } from 'drizzle-orm'
import type { Tx } from './client.ts'
import { schoolYearOf } from './demo-incidents.ts'
import { HALT_AGREEMENT_TITLE } from './demo-sharing.ts'
import { fullName, pupilLabel } from './pseudonyms.ts'
import * as s from './schema.ts'

export interface HaltRefs {
  /** School by key; uses 'vakcollege'. */
  schools: Record<string, { id: string; stichtingId: string }>
  /** Partner id by key; uses 'haltnoord'. */
  partners: Record<string, string>
  /** User id by demo e-mail address. */
  users: Record<string, string>
  /** "Now" (tests); default the current time. */
  now?: Date
}

const DAY = 86_400_000
const isoDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d)
/** A moment `days` from now at hh:mm Dutch winter time (approximate, demo only). */
const at = (now: Date, days: number, hh: number, mm = 0) => new Date(Date.parse(`${isoDay(new Date(now.getTime() + days * DAY))}T${String(hh - 1).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00Z`))

/** Looks up the refs seedDemoHalt needs in a seeded demo database (for tests). */
export async function loadHaltRefs(tx: Tx): Promise<HaltRefs> {
  const [school] = await tx.select({ id: s.schools.id, stichtingId: s.schools.stichtingId }).from(s.schools).where(eq(s.schools.name, 'Kompas Vakcollege'))
  const [partner] = await tx.select({ id: s.partnerOrganisations.id }).from(s.partnerOrganisations).where(eq(s.partnerOrganisations.kind, 'halt_region'))
  const users = await tx.select({ id: s.users.id, email: s.users.email }).from(s.users)
  return { schools: { vakcollege: school! }, partners: { haltnoord: partner!.id }, users: Object.fromEntries(users.map((u) => [u.email, u.id])) }
}

export async function seedDemoHalt(tx: Tx, refs: HaltRefs): Promise<void> {
  const now = refs.now ?? new Date()
  const vak = refs.schools.vakcollege!
  const haltId = refs.partners.haltnoord!
  const halt = refs.users['halt@haltnoord.demo']!
  const directeur = refs.users['directeur@vakcollege.demo']!
  const docent = refs.users['docent@vakcollege.demo']!
  const tenant = { stichtingId: vak.stichtingId, schoolId: vak.id }

  // The agreement with Halt Noord for the spreekuur (the sharing demo seeds it; otherwise made here).
  const agreements = await tx.select().from(s.sharingAgreements).where(and(eq(s.sharingAgreements.partnerId, haltId), eq(s.sharingAgreements.status, 'goedgekeurd')))
  let agreement = agreements.find((a) => a.purposes.includes('halt_spreekuur'))
  if (!agreement) {
    ;[agreement] = await tx
      .insert(s.sharingAgreements)
      .values({
        ...tenant,
        partnerId: haltId,
        title: HALT_AGREEMENT_TITLE,
        publicInterest: 'Grensoverschrijdend gedrag in het mbo tegengaan en uitval voorkomen, als alternatief voor schorsing of aangifte.',
        partnership: 'Halt-spreekuur op Kompas Vakcollege: Halt Noord begeleidt verwezen studenten.',
        purposes: ['halt_spreekuur'],
        dataCategories: ['datum', 'type', 'locatie', 'naam_dader', 'groep', 'omschrijving', 'voorwerpen'],
        conditions: 'Alleen met toestemming van de student (en onder 16 de ouders); alleen voor de begeleiding op het spreekuur.',
        recipients: 'Halt-medewerkers van Halt Noord',
        legalBasis: 'AVG art. 6 lid 1 sub a (toestemming) en sub e',
        validFrom: isoDay(new Date(now.getTime() - 200 * DAY)),
        validUntil: isoDay(new Date(now.getTime() + 2 * 365 * DAY)),
        retentionDays: 365,
        status: 'goedgekeurd',
        approvedById: refs.users['bestuur@kompas.demo'] ?? directeur,
        approvedAt: new Date(now.getTime() - 190 * DAY),
        createdById: refs.users['privacy@kompas.demo'] ?? directeur,
      })
      .returning()
  }

  // Students: the first ones of the Vakcollege by student number (stable), none under 16 needed.
  const pupils = await tx
    .select({ id: s.students.id, groupId: s.students.groupId, firstName: s.students.firstName, infix: s.students.infix, lastName: s.students.lastName, externalId: s.students.externalId })
    .from(s.students)
    .where(eq(s.students.schoolId, vak.id))
    .orderBy(s.students.externalId)
  const p = (i: number) => pupils[i % pupils.length]!
  const name = fullName

  // ---- the incidents ----
  interface IncidentSpec {
    occurredAt: Date
    locationCode: number
    situation: string
    voorval: number[]
    voorwerp?: number[]
    afhandeling: number[]
    persons: { role: 'dader' | 'slachtoffer' | 'getuige'; pupil: (typeof pupils)[number] }[]
    severity: 'overig' | 'ernstig' | 'zeer_ernstig'
    confidential: boolean
    physical?: boolean
    verbal?: boolean
  }
  const addIncident = async (spec: IncidentSpec, reporter: string): Promise<string> => {
    const id = crypto.randomUUID()
    await tx.insert(s.incidents).values({
      id,
      ...tenant,
      status: 'submitted',
      schoolYear: schoolYearOf(spec.occurredAt),
      occurredAt: spec.occurredAt,
      locationCode: spec.locationCode,
      situation: spec.situation,
      physicalAggression: !!spec.physical,
      physicalForm: spec.physical ? 'slaan en schoppen' : null,
      verbalAggression: !!spec.verbal,
      verbalForm: spec.verbal ? 'dreigen' : null,
      suggestedSeverity: spec.severity,
      severity: spec.severity,
      confidential: spec.confidential,
      parentsContacted: true,
      parentsContactedAt: new Date(spec.occurredAt.getTime() + 2 * 3600_000),
      reportedById: reporter,
      submittedAt: new Date(spec.occurredAt.getTime() + 3600_000),
      createdAt: spec.occurredAt,
      updatedAt: spec.occurredAt,
    })
    const codes = [
      ...spec.voorval.map((code) => ({ list: 'voorval' as const, code })),
      ...(spec.voorwerp ?? []).map((code) => ({ list: 'voorwerp' as const, code })),
      ...spec.afhandeling.map((code) => ({ list: 'afhandeling' as const, code })),
    ]
    await tx.insert(s.incidentCodes).values(codes.map((c) => ({ ...tenant, incidentId: id, list: c.list, code: c.code })))
    await tx.insert(s.incidentPersons).values(
      spec.persons.map((x, position) => ({ ...tenant, incidentId: id, role: x.role, kind: 'leerling' as const, studentId: x.pupil.id, groupId: x.pupil.groupId, position })),
    )
    await tx.insert(s.incidentVersions).values({ ...tenant, incidentId: id, version: 1, changedById: reporter, changedAt: spec.occurredAt, changes: [{ field: 'aangemaakt', from: null, to: 'demo' }], snapshot: { template: 'halt' } })
    return id
  }

  const fight = { dader: [p(0), p(10), p(1), p(11)] }
  const fightIncident = await addIncident(
    {
      occurredAt: at(now, -70, 15, 30),
      locationCode: 27,
      situation:
        'Na de sportdag breekt op het sportveld een massale knokpartij uit tussen jongens uit twee klassen. Het rommelde al het hele schooljaar tussen de groepen. De wijkagent was erbij en benaderde Halt.',
      voorval: [7, 3],
      afhandeling: [1, 6],
      persons: fight.dader.map((pupil) => ({ role: 'dader' as const, pupil })),
      severity: 'ernstig',
      confidential: false,
      physical: true,
    },
    directeur,
  )
  const scissorsIncident = await addIncident(
    {
      occurredAt: at(now, -30, 9, 15),
      locationCode: 3,
      situation: 'Op maandagochtend loopt een incident in de klas uit de hand: een studente dreigt een andere student te steken met een schaar. De docent grijpt in en neemt de schaar in.',
      voorval: [2],
      voorwerp: [5],
      afhandeling: [1, 2],
      persons: [
        { role: 'dader', pupil: p(2) },
        { role: 'slachtoffer', pupil: p(3) },
      ],
      severity: 'ernstig',
      confidential: false,
      verbal: true,
    },
    docent,
  )
  const sextingIncident = await addIncident(
    {
      occurredAt: at(now, -12, 20, 0),
      locationCode: 34,
      situation: 'Een student heeft een naaktfoto van zijn ex-vriendin in de klassenapp verspreid. De vertrouwenspersoon is ingeschakeld; de foto is verwijderd.',
      voorval: [8],
      voorwerp: [8],
      afhandeling: [2, 5],
      persons: [
        { role: 'dader', pupil: p(4) },
        { role: 'slachtoffer', pupil: p(5) },
      ],
      severity: 'zeer_ernstig',
      confidential: true,
    },
    directeur,
  )

  // ---- shares (owner inserts; payload only the chosen fields) ----
  const addShare = async (incidentId: string, studentIds: string[], fields: string[], payload: Record<string, unknown>, createdAt: Date): Promise<string> => {
    const [share] = await tx
      .insert(s.shares)
      .values({
        ...tenant,
        agreementId: agreement!.id,
        partnerId: haltId,
        purpose: 'halt_spreekuur',
        legalBasis: agreement!.legalBasis,
        fields,
        origin: 'halt_verwijzing',
        note: 'Verwijzing naar het Halt-spreekuur',
        approvedById: directeur,
        approvedAt: createdAt,
        expiresAt: new Date(Math.min(Date.parse(`${agreement!.validUntil}T22:00:00Z`), now.getTime() + 300 * DAY)),
        createdById: directeur,
        createdAt,
      })
      .returning({ id: s.shares.id })
    await tx.insert(s.shareItems).values({ ...tenant, shareId: share!.id, partnerId: haltId, incidentId, payload })
    await tx.insert(s.shareStudents).values(studentIds.map((studentId) => ({ ...tenant, shareId: share!.id, studentId })))
    return share!.id
  }

  const referredAt1 = at(now, -65, 10)
  // The fight had four perpetrators; the referral is for the first, the only one the share names.
  const share1 = await addShare(
    fightIncident,
    [fight.dader[0]!.id],
    ['datum', 'type', 'locatie', 'naam_dader'],
    {
      datum: at(now, -70, 15, 30).toISOString(),
      type: ['groepsknokpartij', 'fysiek geweld'],
      locatie: 'Sportveld',
      naam_dader: fight.dader.map((x, i) => (i === 0 ? name(x) : pupilLabel(i - 1))),
    },
    referredAt1,
  )
  const referredAt2 = at(now, -28, 11)
  const share2 = await addShare(
    scissorsIncident,
    [p(2).id],
    ['datum', 'type', 'voorwerpen', 'omschrijving', 'naam_dader'],
    {
      datum: at(now, -30, 9, 15).toISOString(),
      type: ['bedreiging'],
      voorwerpen: ['overige gebruiksvoorwerpen'],
      naam_dader: [name(p(2))],
      omschrijving: 'Op maandagochtend loopt een incident in de klas uit de hand: de studente dreigt leerling A te steken met een schaar. De docent grijpt in en neemt de schaar in.',
    },
    referredAt2,
  )
  const referredAt3 = at(now, -9, 14)
  const share3 = await addShare(
    sextingIncident,
    [p(4).id],
    ['datum', 'type', 'naam_dader'],
    { datum: at(now, -12, 20, 0).toISOString(), type: ['seksuele intimidatie'], naam_dader: [name(p(4))] },
    referredAt3,
  )

  // ---- the referrals ----
  const contact = { contactName: 'Wendy Hoekstra', contactEmail: 'directeur@vakcollege.demo', contactPhone: '050-1234567' }
  const [r1, r2, r3] = await tx
    .insert(s.haltReferrals)
    .values([
      {
        ...tenant,
        ...contact,
        partnerId: haltId,
        studentId: fight.dader[0]!.id,
        shareId: share1,
        reason: 'Massale knokpartij na de sportdag tussen jongens uit twee klassen; de spanning liep al het hele jaar op. School zoekt een herstelgericht alternatief voor schorsing.',
        incidentTypes: ['fysieke_agressie'],
        schoolActions: 'Gesprekken met de betrokken jongens en hun ouders; de wijkagent was betrokken.',
        studentConsentOn: isoDay(new Date(now.getTime() - 66 * DAY)),
        reportFields: ['uitkomst', 'onderdelen', 'herstel', 'doorverwijzing'],
        status: 'afgesloten',
        decidedById: halt,
        decidedAt: at(now, -63, 9),
        intakeAt: at(now, -58, 13),
        outcome: 'afgerond',
        closingReport: {
          uitkomst: 'Afgerond',
          onderdelen: ['Reflecteren op het incident en bewustwording van de gevolgen', 'Excuus en herstel', 'Betrekken van de ouders en docenten'],
          herstel: [
            `Herstelgericht traject tussen groepen (${isoDay(new Date(now.getTime() - 45 * DAY))})`,
            `Doorverwijzing naar hulpverlening (${isoDay(new Date(now.getTime() - 30 * DAY))})`,
          ],
          doorverwijzing: 'Twee jongens zijn doorverwezen naar een hulpverlenende instantie voor extra hulp.',
        },
        closedById: halt,
        closedAt: at(now, -10, 16),
        createdById: directeur,
        createdAt: referredAt1,
        updatedAt: at(now, -10, 16),
      },
      {
        ...tenant,
        ...contact,
        partnerId: haltId,
        studentId: p(2).id,
        shareId: share2,
        reason: 'Dreigde in de klas een andere student te steken met een schaar. In overleg met de studente en haar ouders verwezen naar het wekelijkse spreekuur.',
        incidentTypes: ['bedreiging', 'verbale_agressie'],
        schoolActions: 'Schaar ingenomen, gesprek met de studente en haar ouders, mentor betrokken.',
        studentConsentOn: isoDay(new Date(now.getTime() - 29 * DAY)),
        parentConsentOn: isoDay(new Date(now.getTime() - 29 * DAY)),
        reportFields: ['uitkomst', 'onderdelen', 'afspraken', 'advies_school'],
        status: 'lopend',
        decidedById: halt,
        decidedAt: at(now, -27, 9),
        intakeAt: at(now, -24, 13),
        createdById: docent,
        createdAt: referredAt2,
        updatedAt: at(now, -3, 14),
      },
      {
        ...tenant,
        ...contact,
        partnerId: haltId,
        studentId: p(4).id,
        shareId: share3,
        reason: 'Verspreidde een naaktfoto van zijn ex-vriendin in de klassenapp. In overleg met alle betrokkenen een gesprek met Halt en een gesprek met het slachtoffer.',
        incidentTypes: ['digitaal_grensoverschrijdend'],
        schoolActions: 'Foto laten verwijderen, vertrouwenspersoon ingeschakeld, ouders van beide studenten geïnformeerd.',
        studentConsentOn: isoDay(new Date(now.getTime() - 10 * DAY)),
        reportFields: ['uitkomst', 'herstel', 'advies_school'],
        status: 'intake_gepland',
        decidedById: halt,
        decidedAt: at(now, -8, 10),
        intakeAt: at(now, 2, 13),
        createdById: directeur,
        createdAt: referredAt3,
        updatedAt: at(now, -8, 10),
      },
    ])
    .returning({ id: s.haltReferrals.id })

  // ---- Halt's workspace ----
  const [slotMain] = await tx
    .insert(s.haltSlots)
    .values([
      { ...tenant, partnerId: haltId, location: 'Hoofdgebouw, lokaal B1.04', weekday: 2, startsAt: '13:00', endsAt: '15:00', validFrom: isoDay(new Date(now.getTime() - 120 * DAY)) },
      { ...tenant, partnerId: haltId, location: 'Locatie Techniek, spreekkamer', weekday: 4, startsAt: '10:00', endsAt: '12:00', validFrom: isoDay(new Date(now.getTime() - 120 * DAY)) },
    ])
    .returning({ id: s.haltSlots.id })
  const ws = (referralId: string) => ({ partnerId: haltId, referralId })

  // 1. The fight: intake, restorative trajectory between the groups, two referred to care; closed.
  await tx.insert(s.haltAppointments).values([
    { ...ws(r1!.id), kind: 'intake', startsAt: at(now, -58, 13), attendance: 'aanwezig', createdById: halt },
    { ...ws(r1!.id), kind: 'spreekuur', startsAt: at(now, -51, 13), slotId: slotMain!.id, attendance: 'aanwezig', createdById: halt },
    { ...ws(r1!.id), kind: 'klassenbijeenkomst', startsAt: at(now, -45, 10), attendance: 'aanwezig', createdById: halt },
  ])
  await tx.insert(s.haltComponents).values([
    { ...ws(r1!.id), component: 'reflectie', done: true, note: 'Goed gesprek over de opgelopen spanning tussen de klassen.', updatedById: halt },
    { ...ws(r1!.id), component: 'excuses_herstel', done: true, note: 'Excuses over en weer tijdens de herstelbijeenkomst.', updatedById: halt },
    { ...ws(r1!.id), component: 'ouders_docenten', done: true, note: null, updatedById: halt },
  ])
  await tx.insert(s.haltRestorativeSteps).values([
    { ...ws(r1!.id), kind: 'herstel_tussen_groepen', on: isoDay(new Date(now.getTime() - 45 * DAY)), note: 'Herstelgericht traject om de relaties tussen de jongens te verbeteren.', createdById: halt },
    { ...ws(r1!.id), kind: 'doorverwijzing_hulpverlening', on: isoDay(new Date(now.getTime() - 30 * DAY)), note: 'Twee jongens hebben behoefte aan extra hulp; aangemeld bij een hulpverlenende instantie.', createdById: halt },
  ])
  await tx.insert(s.haltNotes).values([
    { ...ws(r1!.id), body: 'Intake: student herkent dat het al maanden broeide. Thuis is er veel aan de hand (alleen voor Halt).', byId: halt, at: at(now, -58, 14) },
    { ...ws(r1!.id), body: 'Na herstelbijeenkomst: groepen spreken weer met elkaar; twee jongens aangemeld voor hulpverlening.', byId: halt, at: at(now, -30, 15) },
  ])

  // 2. The threat with scissors: weekly spreekuren, a JIM from her own network, new agreements; running.
  await tx.insert(s.haltAppointments).values([
    { ...ws(r2!.id), kind: 'intake', startsAt: at(now, -24, 13), slotId: slotMain!.id, attendance: 'aanwezig', createdById: halt },
    { ...ws(r2!.id), kind: 'spreekuur', startsAt: at(now, -17, 13), slotId: slotMain!.id, attendance: 'aanwezig', createdById: halt },
    { ...ws(r2!.id), kind: 'spreekuur', startsAt: at(now, -10, 13), slotId: slotMain!.id, attendance: 'afwezig_met_bericht', createdById: halt },
    { ...ws(r2!.id), kind: 'spreekuur', startsAt: at(now, -3, 13), slotId: slotMain!.id, attendance: 'aanwezig', createdById: halt },
    { ...ws(r2!.id), kind: 'spreekuur', startsAt: at(now, 4, 13), slotId: slotMain!.id, attendance: 'gepland', createdById: halt },
  ])
  await tx.insert(s.haltComponents).values([
    { ...ws(r2!.id), component: 'reflectie', done: true, note: 'Ziet de consequenties van haar daden in.', updatedById: halt },
    { ...ws(r2!.id), component: 'opdrachten', done: true, note: 'Opdracht: alternatieven om boosheid te uiten.', updatedById: halt },
    { ...ws(r2!.id), component: 'netwerk_jim', done: true, note: 'JIM gevonden in eigen netwerk; goede klik.', updatedById: halt },
    { ...ws(r2!.id), component: 'sociale_vaardigheden', done: false, note: 'Volgt in de komende spreekuren.', updatedById: halt },
  ])
  await tx.insert(s.haltJims).values({
    ...ws(r2!.id),
    name: 'Samira (tante)',
    relation: 'tante, uit haar eigen netwerk',
    contact: '06-23456789',
    agreements: 'Is betrokken bij het maken van nieuwe afspraken, belt wekelijks en helpt haar in haar leerproces.',
  })
  await tx.insert(s.haltNotes).values({ ...ws(r2!.id), body: 'Spreekuur: bedacht drie manieren om haar boosheid te uiten zonder dreigen (alleen voor Halt).', byId: halt, at: at(now, -3, 14) })

  // 3. Sexting: accepted, intake (conversation with Halt) planned; victim conversation and class meeting planned.
  await tx.insert(s.haltAppointments).values([
    { ...ws(r3!.id), kind: 'intake', startsAt: at(now, 2, 13), slotId: slotMain!.id, createdById: halt },
    { ...ws(r3!.id), kind: 'gesprek_slachtoffer', startsAt: at(now, 9, 15), createdById: halt },
    { ...ws(r3!.id), kind: 'klassenbijeenkomst', startsAt: at(now, 12, 10), createdById: halt },
  ])
  await tx.insert(s.haltNotes).values({ ...ws(r3!.id), body: 'Telefonisch contact met de vertrouwenspersoon; slachtoffer wil een gesprek (alleen voor Halt).', byId: halt, at: at(now, -8, 11) })

  // Mail of the closed referral, as it went out.
  await tx.insert(s.outbox).values({
    id: crypto.randomUUID(),
    ...tenant,
    subjectRef: `halt_referral:${r1!.id}`,
    toAddress: contact.contactEmail,
    subject: 'Halt-spreekuur: verwijzing afgesloten, eindverslag',
    text: 'Beste Wendy Hoekstra,\n\nHalt Noord heeft de verwijzing naar het Halt-spreekuur afgesloten. Het eindverslag staat in Baken.',
    createdById: halt,
  })
}
