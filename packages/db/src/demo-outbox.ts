// Demo mail in the outbox at every demo school: two messages already sent (through the local
// transport, as in development), one waiting for the worker, and at De Branding one the provider
// refused, so /berichten shows every state. Addressed to the school's own demo guardians.
import { randomUUID } from 'node:crypto'
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import type { Tx } from './client.ts'
import * as s from './schema.ts'

export interface DemoOutboxSchool {
  stichtingId: string
  schoolId: string
  schoolName: string
  /** Who caused the mail (the school's directeur). */
  senderId: string
  senderName: string
}

const HOUR = 3_600_000
const FOOTER = 'Dit bericht is verstuurd via Baken. Antwoorden op dit bericht worden niet gelezen; neem voor vragen contact op met de school.'

function letter(guardian: string, pupil: string, paragraphs: string[], school: DemoOutboxSchool): string {
  return [
    `Beste ${guardian},`,
    `Dit bericht gaat over ${pupil}.`,
    ...paragraphs,
    `Met vriendelijke groet,\n${school.senderName}\ndirecteur, ${school.schoolName}`,
    FOOTER,
  ].join('\n\n')
}

export async function seedDemoOutbox(tx: Tx, schools: DemoOutboxSchool[], now: Date = new Date()): Promise<void> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR)
  for (const school of schools) {
    const guardians = await tx
      .select({ name: s.guardians.name, email: s.guardians.email, pupil: s.students.firstName })
      .from(s.studentGuardians)
      .innerJoin(s.guardians, eq(s.guardians.id, s.studentGuardians.guardianId))
      .innerJoin(s.students, eq(s.students.id, s.studentGuardians.studentId))
      .where(and(eq(s.studentGuardians.schoolId, school.schoolId), isNotNull(s.guardians.email)))
      .orderBy(asc(s.guardians.email))
      .limit(4)
    if (guardians.length < 3) throw new Error(`Demo outbox: too few guardians at ${school.schoolName}`)
    const [g1, g2, g3, g4] = guardians as [(typeof guardians)[0], (typeof guardians)[0], (typeof guardians)[0], (typeof guardians)[0] | undefined]
    const base = { stichtingId: school.stichtingId, schoolId: school.schoolId, createdById: school.senderId }
    const rows: (typeof s.outbox.$inferInsert)[] = [
      {
        ...base,
        toAddress: g1.email!,
        subject: `Melding van een incident – ${school.schoolName}`,
        text: letter(
          g1.name,
          g1.pupil,
          [
            'Vandaag was uw kind betrokken bij een incident op het schoolplein. De leerkracht heeft het direct opgepakt en met de betrokken leerlingen gesproken.',
            'Wij bellen u morgen om het gesprek met u te plannen.',
          ],
          school,
        ),
        status: 'sent',
        attempts: 1,
        createdAt: at(5 * 24),
        nextAttemptAt: at(5 * 24),
        sentAt: at(5 * 24 - 0.01),
      },
      {
        ...base,
        toAddress: g2.email!,
        subject: `Uitnodiging voor een gesprek – ${school.schoolName}`,
        text: letter(
          g2.name,
          g2.pupil,
          ['Graag spreken wij u over de afspraken die we na het incident van vorige week met uw kind hebben gemaakt.', 'U bent welkom op donderdag om 15.00 uur.'],
          school,
        ),
        status: 'sent',
        attempts: 2,
        lastError: null,
        createdAt: at(2 * 24 + 1),
        nextAttemptAt: at(2 * 24),
        sentAt: at(2 * 24),
      },
      {
        ...base,
        toAddress: g3.email!,
        subject: `Time-out – ${school.schoolName}`,
        text: letter(
          g3.name,
          g3.pupil,
          [
            'Uw kind heeft vandaag een time-out gekregen en is voor de rest van de dag opgevangen buiten de klas. Wij hebben u daarover ook gebeld.',
            'Wij nodigen u uit voor een gesprek op school; het verslag daarvan tekent u voor gezien.',
          ],
          school,
        ),
        status: 'pending',
        attempts: 0,
        createdAt: at(0.1),
        nextAttemptAt: at(0.1),
      },
    ]
    if (g4 && school.schoolName === 'OBS De Branding') {
      rows.push({
        ...base,
        toAddress: g4.email!,
        subject: `Verslag voor gezien – ${school.schoolName}`,
        text: letter(g4.name, g4.pupil, ['Het verslag van ons gesprek ligt op school voor u klaar om voor gezien te tekenen.'], school),
        status: 'failed',
        attempts: 1,
        lastError: 'Resend 422 validation_error: Invalid `to` field.',
        createdAt: at(26),
        nextAttemptAt: at(26),
      })
    }
    for (const row of rows) {
      // The provider id of the local transport ('local-<outbox id>'), as if it had been sent here.
      const id = randomUUID()
      await tx.insert(s.outbox).values({ ...row, id, providerMessageId: row.status === 'sent' ? `local-${id}` : null })
    }
  }
}
