// One share in full, as disclosed: to whom, why, on what basis, which fields, which students, the
// payload per incident, until when. The look is logged per student of the share.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordAccesses } from '../privacy/access-log.ts'
import { displayName } from '../students.ts'
import { defineUseCase, refuse, type Outcome } from '../use-case.ts'
import { partnerRecipients } from './create-share.ts'
import { shareSummaries, shareWhere, type ShareDetail } from './shares.ts'
import { recordId } from '../input-rules.ts'

export const getShare = defineUseCase({
  name: 'sharing/get-share',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Share'],
  async run(tx, { ability, tenant, now }, { id }): Promise<Outcome<ShareDetail>> {
    const notFound = refuse('not_found', 'id', 'Deling niet gevonden.')
    if (!z.uuid().safeParse(id).success) return notFound
    const where = shareWhere(ability)
    if (!where) return notFound
    const [row] = await tx.select().from(schema.shares).where(and(eq(schema.shares.id, id), where))
    if (!row) return notFound
    const [summary] = await shareSummaries(tx, [row], now)
    // The stichting's roles (bestuurder, privacyfunctionaris) oversee what was shared — to whom, why,
    // which fields, until when — without pupil content (the board sees no incident content).
    const withContent = tenant.schoolId !== null
    const [items, students, recipientsAll, revoker] = await Promise.all([
      tx.select({ incidentId: schema.shareItems.incidentId, payload: schema.shareItems.payload }).from(schema.shareItems).where(eq(schema.shareItems.shareId, id)),
      tx
        .select({ id: schema.students.id, firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName })
        .from(schema.shareStudents)
        .innerJoin(schema.students, eq(schema.students.id, schema.shareStudents.studentId))
        .where(eq(schema.shareStudents.shareId, id)),
      row.recipientUserIds.length ? partnerRecipients(tx, row.partnerId) : Promise.resolve([]),
      row.revokedById ? tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, row.revokedById)) : Promise.resolve([]),
    ])
    if (withContent) {
      await recordAccesses(
        tx,
        tenant,
        (students.length ? students.map((s) => s.id) : [null]).map((studentId) => ({ subjectType: 'share' as const, subjectId: id, studentId })),
      )
    }
    return {
      ok: true,
      ...summary!,
      legalBasis: row.legalBasis,
      note: row.note,
      recipients: recipientsAll.filter((r) => row.recipientUserIds.includes(r.id)),
      contentHidden: !withContent,
      studentCount: students.length,
      students: withContent ? students.map((s) => ({ id: s.id, name: displayName(s) })) : [],
      items: withContent ? items.map((i) => ({ incidentId: i.incidentId, payload: i.payload as Record<string, unknown> })) : [],
      revokedByName: revoker[0]?.name ?? null,
      canRevoke: !row.revokedAt && ability.can('update', record('Share', row)),
    }
  },
})
