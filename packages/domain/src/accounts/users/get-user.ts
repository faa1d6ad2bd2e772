// One user as the beheerder or directeur sees them; a user without a membership in the caller's
// reach (another stichting's, another school's) answers 404 like a missing one.
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../../use-case.ts'
import { readUsers } from './user-rows.ts'

export const getUser = defineUseCase({
  name: 'accounts/users/get-user',
  input: z.object({ id: z.uuid('Geen geldig id') }),
  permission: ['read', 'User'],
  forbidden: 'U mag geen gebruikers beheren.',
  async run(tx, ctx, input) {
    const [user] = await readUsers(tx, ctx.ability, eq(schema.memberships.userId, input.id))
    if (!user) return refuse('not_found', 'id', 'Gebruiker niet gevonden.')
    return { ok: true, user }
  },
})
