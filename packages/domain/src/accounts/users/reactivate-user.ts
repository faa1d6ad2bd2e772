// Reactivates a deactivated user; they sign in again with their password (no old session returns).
import { z } from 'zod'
import { defineUseCase } from '../../use-case.ts'
import { setUserActive } from './set-user-active.ts'

export const reactivateUser = defineUseCase({
  name: 'accounts/users/reactivate-user',
  input: z.object({ id: z.uuid('Geen geldig id') }),
  permission: ['update', 'User'],
  forbidden: 'U mag geen gebruikers beheren.',
  run: (tx, ctx, input) => setUserActive(tx, ctx, input.id, true),
})
