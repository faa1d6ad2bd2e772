// Demo sharing: approved agreements between OBS De Branding and Wijkteam Centrum (police),
// the Lyceum and Wijkteam Centrum, and Kompas Vakcollege and Halt Noord (Halt spreekuur); a concept
// agreement awaiting the bestuurder; at De Branding a share of one vandalism incident with only the
// date, the type, the location and the perpetrator's name to politie@wijkteam.demo (active), an
// expired share and a revoked share. Each share is about one perpetrator and names only her; any
// other pupil is "leerling A", … as createShareRecord writes it (ADR 013). Dates are computed from
// the current date.
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Tx } from './client.ts'
import { fullName, pupilLabel } from './pseudonyms.ts'
import * as s from './schema.ts'

export interface SharingRefs {
  /** School by key ('branding', 'lyceum', 'vakcollege', …). */
  schools: Record<string, { id: string; stichtingId: string }>
  /** Partner id by key ('haltnoord', 'wijkteam'). */
  partners: Record<string, string>
  /** User id by demo e-mail address. */
  users: Record<string, string>
  /** "Now" (tests); default the current time. */
  now?: Date
}

export const HALT_AGREEMENT_TITLE = 'Convenant Halt-spreekuur Kompas Vakcollege'
export const POLICE_AGREEMENT_TITLE = 'Convenant veilige school OBS De Branding – Wijkteam Centrum'

const DAY = 86_400_000
const isoDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d)

/** Looks up the refs seedDemoSharing needs in a seeded demo database (for tests). */
export async function loadSharingRefs(tx: Tx): Promise<SharingRefs> {
  const schoolRows = await tx.select({ id: s.schools.id, stichtingId: s.schools.stichtingId, name: s.schools.name }).from(s.schools)
  const byName = (part: string) => schoolRows.find((r) => r.name.includes(part))!
  const partnerRows = await tx.select().from(s.partnerOrganisations)
  const users = await tx.select({ id: s.users.id, email: s.users.email }).from(s.users)
  return {
    schools: { branding: byName('Branding'), lyceum: byName('Lyceum'), vakcollege: byName('Vakcollege') },
    partners: {
      haltnoord: partnerRows.find((p) => p.kind === 'halt_region')!.id,
      wijkteam: partnerRows.find((p) => p.kind === 'police_unit')!.id,
    },
    users: Object.fromEntries(users.map((u) => [u.email, u.id])),
  }
}

export async function seedDemoSharing(tx: Tx, refs: SharingRefs): Promise<void> {
  const now = refs.now ?? new Date()
  const bestuur = refs.users['bestuur@kompas.demo']!
  const privacy = refs.users['privacy@kompas.demo']!
  const directeur = refs.users['directeur@branding.demo']!
  const politie = refs.users['politie@wijkteam.demo']!
  const branding = refs.schools.branding!
  const lyceum = refs.schools.lyceum!
  const vakcollege = refs.schools.vakcollege!
  const wijkteam = refs.partners.wijkteam!
  const haltNoord = refs.partners.haltnoord!
  const validFrom = isoDay(new Date(now.getTime() - 200 * DAY))
  const validUntil = isoDay(new Date(now.getTime() + 2 * 365 * DAY))
  const approvedAt = new Date(now.getTime() - 190 * DAY)

  const policeCategories = ['datum', 'type', 'locatie', 'naam_dader', 'naam_slachtoffer', 'naam_getuige', 'geboortedatum', 'groep', 'omschrijving', 'voorwerpen']
  const approved = { status: 'goedgekeurd', approvedById: bestuur, approvedAt, createdById: privacy, validFrom, validUntil }
  const [brandingPolice, , halt] = await tx
    .insert(s.sharingAgreements)
    .values([
      {
        ...approved,
        stichtingId: branding.stichtingId,
        schoolId: branding.id,
        partnerId: wijkteam,
        title: POLICE_AGREEMENT_TITLE,
        publicInterest: 'Een veilige school en schoolomgeving: voorkomen en aanpakken van strafbare feiten door en tegen leerlingen.',
        partnership: 'Samenwerking tussen OBS De Branding en Wijkteam Centrum van de politie in het kader van het convenant Veilig in en om de school.',
        purposes: ['strafbare_feiten', 'openbare_orde'],
        dataCategories: policeCategories,
        conditions: 'Alleen delen bij een melding of aangifte of op verzoek van de wijkagent met een concreet incident; gegevens niet verder verstrekken; vernietigen na de bewaartermijn.',
        recipients: 'De wijkagenten van Wijkteam Centrum.',
        legalBasis: 'AVG art. 6 lid 1 sub e en art. 10 UAVG; Wpg art. 20 (samenwerkingsverband).',
        retentionDays: 180,
      },
      {
        ...approved,
        stichtingId: lyceum.stichtingId,
        schoolId: lyceum.id,
        partnerId: wijkteam,
        title: 'Convenant veilige school Kompas Lyceum – Wijkteam Centrum',
        publicInterest: 'Een veilige school en schoolomgeving: voorkomen en aanpakken van strafbare feiten door en tegen leerlingen.',
        partnership: 'Samenwerking tussen het Kompas Lyceum en Wijkteam Centrum van de politie.',
        purposes: ['strafbare_feiten', 'openbare_orde'],
        dataCategories: policeCategories,
        conditions: 'Alleen delen bij een melding of aangifte; gegevens niet verder verstrekken.',
        recipients: 'De wijkagenten van Wijkteam Centrum.',
        legalBasis: 'AVG art. 6 lid 1 sub e en art. 10 UAVG; Wpg art. 20 (samenwerkingsverband).',
        retentionDays: 180,
      },
      {
        ...approved,
        stichtingId: vakcollege.stichtingId,
        schoolId: vakcollege.id,
        partnerId: haltNoord,
        title: HALT_AGREEMENT_TITLE,
        publicInterest: 'Jongeren die een licht strafbaar feit plegen een snelle, lichte reactie bieden en herhaling voorkomen.',
        partnership: 'Samenwerking tussen Kompas Vakcollege en Halt Noord voor het Halt-spreekuur op school.',
        purposes: ['halt_spreekuur'],
        dataCategories: ['datum', 'type', 'locatie', 'naam_dader', 'geboortedatum', 'groep', 'omschrijving', 'voorwerpen'],
        conditions: 'Verwijzing alleen na een gesprek met de leerling en, onder 16 jaar, de ouders; Halt deelt de afloop met de school.',
        recipients: 'De Halt-medewerkers van Halt Noord.',
        legalBasis: 'AVG art. 6 lid 1 sub e; convenant Halt-spreekuur.',
        retentionDays: 365,
      },
    ])
    .returning({ id: s.sharingAgreements.id })
  // A stichting-wide draft awaiting the bevoegd gezag.
  await tx.insert(s.sharingAgreements).values({
    stichtingId: branding.stichtingId,
    schoolId: null,
    partnerId: wijkteam,
    title: 'Convenant openbare orde Stichting Kompas – Wijkteam Centrum (concept)',
    publicInterest: 'Handhaving van de openbare orde rond de scholen van de stichting.',
    partnership: 'Stichting Kompas en Wijkteam Centrum: overleg over overlast rond de scholen.',
    purposes: ['openbare_orde'],
    dataCategories: ['datum', 'type', 'locatie'],
    conditions: 'Alleen gegevens over incidenten buiten het schoolgebouw.',
    recipients: 'De wijkagenten van Wijkteam Centrum.',
    legalBasis: 'AVG art. 6 lid 1 sub e; Wpg art. 20.',
    validFrom: isoDay(now),
    validUntil: isoDay(new Date(now.getTime() + 365 * DAY)),
    retentionDays: 90,
    status: 'concept',
    createdById: privacy,
  })
  void halt

  // The vandalism incidents at De Branding with a pupil as dader, newest first.
  const vandalism = await tx
    .select({ id: s.incidents.id, occurredAt: s.incidents.occurredAt, locationCode: s.incidents.locationCode })
    .from(s.incidents)
    .innerJoin(s.incidentCodes, and(eq(s.incidentCodes.incidentId, s.incidents.id), eq(s.incidentCodes.list, 'voorval'), eq(s.incidentCodes.code, 13)))
    .where(and(eq(s.incidents.schoolId, branding.id), eq(s.incidents.status, 'submitted'), eq(s.incidents.confidential, false)))
    .orderBy(asc(s.incidents.occurredAt))
  if (vandalism.length < 3) return
  const picks = [vandalism[vandalism.length - 1]!, vandalism[vandalism.length - 2]!, vandalism[vandalism.length - 3]!]
  const persons = await tx
    .select({
      incidentId: s.incidentPersons.incidentId,
      role: s.incidentPersons.role,
      studentId: s.incidentPersons.studentId,
      firstName: s.students.firstName,
      infix: s.students.infix,
      lastName: s.students.lastName,
    })
    .from(s.incidentPersons)
    .innerJoin(s.students, eq(s.students.id, s.incidentPersons.studentId))
    .where(inArray(s.incidentPersons.incidentId, picks.map((p) => p.id)))
    .orderBy(asc(s.incidentPersons.position))

  const fields = ['datum', 'type', 'locatie', 'naam_dader']
  const tenant = { stichtingId: branding.stichtingId, schoolId: branding.id }
  const plans = [
    { incident: picks[0]!, approvedAt: new Date(now.getTime() - 2 * DAY), expiresAt: new Date(now.getTime() + 90 * DAY), revoked: false, note: 'Melding vernieling bij de wijkagent.' },
    { incident: picks[1]!, approvedAt: new Date(now.getTime() - 120 * DAY), expiresAt: new Date(now.getTime() - 10 * DAY), revoked: false, note: 'Verlopen: de bewaartermijn is voorbij.' },
    { incident: picks[2]!, approvedAt: new Date(now.getTime() - 20 * DAY), expiresAt: new Date(now.getTime() + 60 * DAY), revoked: true, note: 'Ingetrokken: per vergissing gedeeld.' },
  ]
  for (const plan of plans) {
    const pupils = persons.filter((d) => d.incidentId === plan.incident.id)
    // The share is about the first perpetrator; every other pupil gets a label, in the persons' order.
    const subject = pupils.find((d) => d.role === 'dader')?.studentId ?? null
    const labels = new Map<string, string>()
    for (const d of pupils) if (d.studentId !== subject && !labels.has(d.studentId!)) labels.set(d.studentId!, pupilLabel(labels.size))
    const daders = [...new Set(pupils.filter((d) => d.role === 'dader').map((d) => (d.studentId === subject ? fullName(d) : labels.get(d.studentId!)!)))]
    const [share] = await tx
      .insert(s.shares)
      .values({
        ...tenant,
        agreementId: brandingPolice!.id,
        partnerId: wijkteam,
        recipientUserIds: [politie],
        purpose: 'strafbare_feiten',
        legalBasis: 'AVG art. 6 lid 1 sub e en art. 10 UAVG; Wpg art. 20 (samenwerkingsverband).',
        fields,
        origin: 'melding',
        note: plan.note,
        approvedById: directeur,
        approvedAt: plan.approvedAt,
        expiresAt: plan.expiresAt,
        revokedAt: plan.revoked ? new Date(now.getTime() - 1 * DAY) : null,
        revokedById: plan.revoked ? directeur : null,
        revokeReason: plan.revoked ? 'Per vergissing gedeeld: het incident betrof geen strafbaar feit.' : null,
        createdById: directeur,
        createdAt: plan.approvedAt,
      })
      .returning({ id: s.shares.id })
    await tx.insert(s.shareItems).values({
      ...tenant,
      shareId: share!.id,
      partnerId: wijkteam,
      incidentId: plan.incident.id,
      payload: {
        datum: plan.incident.occurredAt.toISOString(),
        type: ['vernieling'],
        locatie: plan.incident.locationCode === 10 ? 'op de toiletten' : null,
        naam_dader: daders,
      },
    })
    if (subject) await tx.insert(s.shareStudents).values({ ...tenant, shareId: share!.id, studentId: subject })
  }
}
