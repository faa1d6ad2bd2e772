// Demo reporting-duty cases (a sexual offence by a staff member against a minor; the Meldcode
// huiselijk geweld en kindermishandeling): at OBS De Branding a zeden case reported by a
// leerkracht, the board informed by mail and the consultation with the vertrouwensinspecteur
// recorded (the decision on aangifte is next); at the Kompas Lyceum a Meldcode case at step 3 (signals
// mapped by the mentor, consultation and the conversation with the parents recorded by the directeur).
import { randomUUID } from 'node:crypto'
import type { Tx } from './client.ts'
import type { DemoDates } from './demo-dates.ts'
import * as s from './schema.ts'

export interface DemoReportingRefs {
  /** Schools by demo key (branding, lyceum, …). */
  schools: Record<string, { id: string; stichtingId: string }>
  /** User ids by demo e-mail address. */
  users: Record<string, string>
  /** Pupils by school key. */
  pupils: Record<string, { id: string }[]>
}

export async function seedDemoReporting(tx: Tx, refs: DemoReportingRefs, dates: DemoDates): Promise<void> {
  // School days before today at De Branding and the Lyceum (both in the noord region).
  const day = (n: number) => dates.schoolDay('noord', n)
  const on = (n: number, hh: number, mm: number) => dates.at(day(n), hh, mm)
  const branding = refs.schools.branding!
  const lyceum = refs.schools.lyceum!
  const user = (email: string) => {
    const id = refs.users[email]
    if (!id) throw new Error(`seedDemoReporting: no demo user ${email}`)
    return id
  }

  // Zeden route at De Branding: reported four school days ago, the consultation the day after.
  const zeden = randomUUID()
  const bTenant = { stichtingId: branding.stichtingId, schoolId: branding.id }
  await tx.insert(s.reportCases).values({
    id: zeden,
    ...bTenant,
    kind: 'zedendelict_medewerker',
    state: 'overleg_gevoerd',
    studentId: refs.pupils.branding?.[3]?.id ?? null,
    summary:
      'Een leerling uit groep 6 vertelde mij dat een medewerker haar na de gymles meermaals op een ongepaste manier heeft aangeraakt. Ik heb het gesprek direct daarna genoteerd.',
    openedById: user('leerkracht@branding.demo'),
    createdAt: on(-4, 9, 12),
    updatedAt: on(-3, 11, 30),
  })
  await tx.insert(s.reportCaseSteps).values([
    {
      ...bTenant,
      caseId: zeden,
      step: 'melding',
      byId: user('leerkracht@branding.demo'),
      at: on(-4, 9, 12),
      note: 'Melding gedaan; het bestuur is per e-mail geïnformeerd.',
      data: { boardNotified: 1 },
    },
    {
      ...bTenant,
      caseId: zeden,
      step: 'overleg_vertrouwensinspecteur',
      byId: user('bestuur@kompas.demo'),
      at: on(-3, 11, 30),
      note: 'De vertrouwensinspecteur acht een redelijk vermoeden aannemelijk en adviseert aangifte te doen; eerst de betrokken medewerker en de ouders informeren.',
      data: {
        date: day(-3),
        contact: `Vertrouwensinspecteur, kenmerk VI-${dates.today.slice(0, 4)}-0412`,
        advice: 'De vertrouwensinspecteur acht een redelijk vermoeden aannemelijk en adviseert aangifte te doen; eerst de betrokken medewerker en de ouders informeren.',
      },
    },
  ])
  // The notification the reporter's opening queued (stichting-level: not in the school's outbox view).
  await tx.insert(s.outbox).values({
    stichtingId: branding.stichtingId,
    schoolId: null,
    subjectRef: `report_case:${zeden}`,
    toAddress: 'bestuur@kompas.demo',
    subject: 'Baken: een melding vraagt uw aandacht',
    text: `Geachte bestuurder,\n\nIn Baken is een melding gedaan die uw aandacht als bevoegd gezag vraagt. Open de melding met uw eigen account:\n\n/meldplicht/${zeden}\n\nDeze e-mail bevat bewust geen namen of details.`,
    status: 'sent',
    attempts: 1,
    sentAt: on(-4, 9, 13),
    createdById: user('leerkracht@branding.demo'),
    createdAt: on(-4, 9, 12),
  })

  // Meldcode at the Lyceum, at step 3.
  const meldcode = randomUUID()
  const lTenant = { stichtingId: lyceum.stichtingId, schoolId: lyceum.id }
  const pupil = refs.pupils.lyceum?.[2]?.id
  if (!pupil) throw new Error('seedDemoReporting: no Lyceum pupil')
  await tx.insert(s.reportCases).values({
    id: meldcode,
    ...lTenant,
    kind: 'meldcode',
    state: 'stap_3',
    studentId: pupil,
    summary: 'Leerling komt sinds de herfstvakantie vaak vermoeid en met blauwe plekken op de onderarmen op school en zegt niet naar huis te willen.',
    openedById: user('mentor@lyceum.demo'),
    createdAt: on(-8, 14, 5),
    updatedAt: on(-2, 16, 0),
  })
  await tx.insert(s.reportCaseSteps).values([
    {
      ...lTenant,
      caseId: meldcode,
      step: 'signalen',
      byId: user('mentor@lyceum.demo'),
      at: on(-8, 14, 5),
      note: 'Leerling komt sinds de herfstvakantie vaak vermoeid en met blauwe plekken op de onderarmen op school en zegt niet naar huis te willen.',
      data: null,
    },
    {
      ...lTenant,
      caseId: meldcode,
      step: 'consultatie',
      byId: user('directeur@lyceum.demo'),
      at: on(-6, 10, 0),
      note: 'Signalen zijn zorgelijk; gesprek met leerling en ouders voeren en Veilig Thuis om advies gevraagd: eerst in gesprek gaan.',
      data: {
        date: day(-6),
        consulted: 'Zorgcoördinator (aandachtsfunctionaris) en Veilig Thuis (adviesgesprek)',
        advice: 'Signalen zijn zorgelijk; gesprek met leerling en ouders voeren en Veilig Thuis om advies gevraagd: eerst in gesprek gaan.',
        veiligThuis: true,
      },
    },
    {
      ...lTenant,
      caseId: meldcode,
      step: 'gesprek',
      byId: user('directeur@lyceum.demo'),
      at: on(-2, 16, 0),
      note: 'Gesprek met leerling en moeder; moeder herkent de signalen, spanningen thuis na verlies van werk vader. Staat open voor hulp.',
      data: { skipped: false, date: day(-2), with: 'leerling_en_ouders' },
    },
  ])
}
