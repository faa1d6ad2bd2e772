// The staff a beheerder manages (the stichting's), or a directeur (its own school's, school roles),
// with their memberships and the open invitations.
import { z } from 'zod'
import { defineUseCase } from '../../use-case.ts'
import { readOpenInvitations, readUsers } from './user-rows.ts'

export const listUsers = defineUseCase({
  name: 'accounts/users/list-users',
  input: z.object({}),
  permission: ['read', 'User'],
  forbidden: 'U mag geen gebruikers beheren.',
  async run(tx, ctx) {
    const users = await readUsers(tx, ctx.ability)
    const invitations = await readOpenInvitations(tx, ctx.now)
    return { ok: true, items: users, invitations }
  },
})
