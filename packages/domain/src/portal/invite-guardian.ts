// A school lead invites a pupil's guardian to the portal, with the address the roster import gave
// (student_guardians → guardians.email), or a pupil of 16 or older with their own address (AVG art.
// 8, UAVG art. 5: from 16 the pupil exercises the rights). The invitation is the usual one (ADR 026):
// single use, 72 hours, only the token's SHA-256 stored, the link only in the mail through the
// outbox (issue-invitation.ts); accepting it makes the membership at the school and the guardian
// link (migration 0058).
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { issueInvitation } from '../accounts/invitations/issue-invitation.ts'
import { normaliseEmail } from '../auth/login.ts'
import { localDate } from '../dates.ts'
import { ageOn } from '../measures/decision-recipients.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { OWN_ACCOUNT_AGE } from './portal-rules.ts'

export const inviteGuardianInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ouder'), studentId: z.uuid('Kies een leerling'), guardianId: z.uuid('Kies een ouder of verzorger uit de leerlingadministratie') }),
  z.object({
    kind: z.literal('leerling'),
    studentId: z.uuid('Kies een leerling'),
    email: z.string({ message: 'Vul een e-mailadres in' }).trim().max(254, 'E-mailadres te lang').pipe(z.email('Ongeldig e-mailadres')),
  }),
], { message: 'Kies wie u uitnodigt: een ouder of de leerling zelf' })

export const inviteGuardian = defineUseCase({
  name: 'portal/invite-guardian',
  input: inviteGuardianInput,
  permission: ['create', 'GuardianLink'],
  forbidden: 'Alleen de directeur of de intern begeleider nodigt ouders uit voor het ouderportaal.',
  async run(tx, ctx, input) {
    const [student] = await tx
      .select({ id: schema.students.id, schoolId: schema.students.schoolId, stichtingId: schema.students.stichtingId, dateOfBirth: schema.students.dateOfBirth, status: schema.students.status })
      .from(schema.students)
      .where(eq(schema.students.id, input.studentId))
    if (!student) return refuse('not_found', 'studentId', 'Leerling niet gevonden.')
    if (student.status !== 'active') return refuse('conflict', 'studentId', 'Deze leerling staat niet meer ingeschreven.')
    const age = ageOn(student.dateOfBirth, localDate(ctx.now))
    let email: string
    let relation: string
    if (input.kind === 'ouder') {
      const [g] = await tx
        .select({ email: schema.guardians.email, relation: schema.studentGuardians.relation })
        .from(schema.studentGuardians)
        .innerJoin(schema.guardians, eq(schema.guardians.id, schema.studentGuardians.guardianId))
        .where(and(eq(schema.studentGuardians.studentId, student.id), eq(schema.studentGuardians.guardianId, input.guardianId)))
      if (!g) return refuse('not_found', 'guardianId', 'Deze ouder of verzorger staat niet bij deze leerling in de leerlingadministratie.')
      if (!g.email) return refuse('conflict', 'guardianId', 'Van deze ouder of verzorger is geen e-mailadres bekend. Werk de leerlingadministratie bij en importeer opnieuw.')
      email = normaliseEmail(g.email)
      relation = g.relation
    } else {
      // UAVG art. 5 lid 1: an own account only from 16.
      if (age < OWN_ACCOUNT_AGE) {
        return refuse('conflict', 'studentId', `De leerling is ${age} jaar. Een eigen account kan vanaf ${OWN_ACCOUNT_AGE} jaar (UAVG art. 5); tot dan gaan de ouders of verzorgers.`)
      }
      email = normaliseEmail(input.email)
      relation = 'zelf'
    }
    const [school] = await tx.select({ name: schema.schools.name }).from(schema.schools).where(eq(schema.schools.id, student.schoolId))
    const tenant = { stichtingId: student.stichtingId, schoolId: student.schoolId }
    const { id, expiresAt } = await issueInvitation(tx, ctx, {
      email,
      ...tenant,
      partnerId: null,
      memberships: [{ role: input.kind, ...tenant, partnerId: null }],
      withInvitation: (invitationId) => tx.insert(schema.guardianInvitations).values({ invitationId, ...tenant, studentId: student.id, kind: input.kind, relation }),
      mail: (link, expiresAt) => {
        const until = expiresAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })
        // No pupil's name in the mail: it only says which school invites, and where to go.
        return {
          subject: 'Uitnodiging voor het ouderportaal van Baken',
          text: [
            'Goedendag,',
            '',
            `${school?.name ?? 'De school'} nodigt u uit voor het ouderportaal van Baken. Daar leest u berichten van school en ziet u welke gegevens de school heeft.`,
            `Open deze link om uw account te maken (de link werkt één keer, tot ${until}):`,
            link,
            '',
            `Hello, ${school?.name ?? 'the school'} invites you to the Baken parents' portal. Open the link above to create your account (it works once, until ${until}).`,
            '',
            'Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.',
          ].join('\n'),
        }
      },
      audit: { studentId: student.id },
    })
    return { ok: true, id, email, expiresAt: expiresAt.toISOString() }
  },
})
