// Revokes an open invitation: its link stops working at once (the acceptance checks revoked_at).
// Who may: whoever sees it under RLS (0046: its sender, the stichting's beheerder, the school's
// directeur) and holds `update Invitation`; an accepted invitation cannot be revoked (the access it
// gave is ended on the users page instead).
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../../use-case.ts'
import { recordAdminChange } from '../admin-audit.ts'

export const revokeInvitation = defineUseCase({
  name: 'accounts/invitations/revoke-invitation',
  input: z.object({ id: z.uuid('Geen geldige uitnodiging') }),
  permission: ['update', 'Invitation'],
  forbidden: 'U mag geen uitnodigingen intrekken.',
  async run(tx, ctx, input) {
    const i = schema.invitations
    const [row] = await tx
      .select({ id: i.id, email: i.email, stichtingId: i.stichtingId, schoolId: i.schoolId, partnerId: i.partnerId, acceptedAt: i.acceptedAt, revokedAt: i.revokedAt, expiresAt: i.expiresAt })
      .from(i)
      .where(eq(i.id, input.id))
    if (!row) return refuse('not_found', 'id', 'Uitnodiging niet gevonden.')
    if (!ctx.ability.can('update', record('Invitation', row))) return refuse('not_found', 'id', 'Uitnodiging niet gevonden.')
    if (row.acceptedAt) return refuse('conflict', 'id', 'Deze uitnodiging is al aangenomen; beëindig de rol op de gebruikerspagina.')
    if (row.revokedAt) return refuse('conflict', 'id', 'Deze uitnodiging is al ingetrokken.')
    const revokedAt = ctx.now
    await tx.update(i).set({ revokedAt }).where(eq(i.id, row.id))
    await recordAdminChange(tx, ctx, {
      action: 'invitation.revoked',
      subjectType: 'invitation',
      subjectId: row.id,
      stichtingId: row.stichtingId,
      before: { email: row.email, expiresAt: row.expiresAt.toISOString(), revokedAt: null },
      after: { email: row.email, expiresAt: row.expiresAt.toISOString(), revokedAt: revokedAt.toISOString() },
    })
    return { ok: true, id: row.id, revokedAt: revokedAt.toISOString() }
  },
})
