// Demo reporting-duty cases (issue 5, BRIEF §5): at OBS De Branding a zeden case reported by a
// leerkracht, the board informed by mail and the consultation with the vertrouwensinspecteur
// recorded (the decision on aangifte is next); at the Kompas Lyceum a Meldcode case at step 3 (signals
// mapped by the mentor, consultation and the conversation with the parents recorded by the directeur).
import { randomUUID } from 'node:crypto'
import type { Tx } from './client.ts'
import * as s from './schema.ts'

export interface DemoReportingRefs {
  /** Schools by demo key (branding, lyceum, …). */
  schools: Record<string, { id: string; stichtingId: string }>
  /** User ids by demo e-mail address. */
  users: Record<string, string>
  /** Pupils by school key. */
  pupils: Record<string, { id: string }[]>
}

const at = (iso: string) => new Date(iso)

export async function seedDemoReporting(tx: Tx, refs: DemoReportingRefs): Promise<void> {
  const branding = refs.schools.branding!
  const lyceum = refs.schools.lyceum!
  const user = (email: string) => {
    const id = refs.users[email]
    if (!id) throw new Error(`seedDemoReporting: no demo user ${email}`)
    return id
  }

  // Zeden route at De Branding: reported on 16 November, consultation on 17 November.
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
    createdAt: at('2026-11-16T09:12:00+01:00'),
    updatedAt: at('2026-11-17T11:30:00+01:00'),
  })
  await tx.insert(s.reportCaseSteps).values([
    {
      ...bTenant,
      caseId: zeden,
      step: 'melding',
      byId: user('leerkracht@branding.demo'),
      at: at('2026-11-16T09:12:00+01:00'),
      note: 'Melding gedaan; het bestuur is per e-mail geïnformeerd.',
      data: { boardNotified: 1 },
    },
    {
      ...bTenant,
      caseId: zeden,
      step: 'overleg_vertrouwensinspecteur',
      byId: user('bestuur@kompas.demo'),
      at: at('2026-11-17T11:30:00+01:00'),
      note: 'De vertrouwensinspecteur acht een redelijk vermoeden aannemelijk en adviseert aangifte te doen; eerst de betrokken medewerker en de ouders informeren.',
      data: {
        date: '2026-11-17',
        contact: 'Vertrouwensinspecteur, kenmerk VI-2026-0412',
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
    sentAt: at('2026-11-16T09:13:00+01:00'),
    createdById: user('leerkracht@branding.demo'),
    createdAt: at('2026-11-16T09:12:00+01:00'),
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
    createdAt: at('2026-11-10T14:05:00+01:00'),
    updatedAt: at('2026-11-18T16:00:00+01:00'),
  })
  await tx.insert(s.reportCaseSteps).values([
    {
      ...lTenant,
      caseId: meldcode,
      step: 'signalen',
      byId: user('mentor@lyceum.demo'),
      at: at('2026-11-10T14:05:00+01:00'),
      note: 'Leerling komt sinds de herfstvakantie vaak vermoeid en met blauwe plekken op de onderarmen op school en zegt niet naar huis te willen.',
      data: null,
    },
    {
      ...lTenant,
      caseId: meldcode,
      step: 'consultatie',
      byId: user('directeur@lyceum.demo'),
      at: at('2026-11-12T10:00:00+01:00'),
      note: 'Signalen zijn zorgelijk; gesprek met leerling en ouders voeren en Veilig Thuis om advies gevraagd: eerst in gesprek gaan.',
      data: {
        date: '2026-11-12',
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
      at: at('2026-11-18T16:00:00+01:00'),
      note: 'Gesprek met leerling en moeder; moeder herkent de signalen, spanningen thuis na verlies van werk vader. Staat open voor hulp.',
      data: { skipped: false, date: '2026-11-18', with: 'leerling_en_ouders' },
    },
  ])
}
