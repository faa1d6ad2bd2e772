// Deactivates a user: no sign-in, every session and API token ended at once (set-user-active.ts).
import { z } from 'zod'
import { defineUseCase } from '../../use-case.ts'
import { setUserActive } from './set-user-active.ts'

export const deactivateUser = defineUseCase({
  name: 'accounts/users/deactivate-user',
  input: z.object({ id: z.uuid('Geen geldig id') }),
  permission: ['update', 'User'],
  forbidden: 'U mag geen gebruikers beheren.',
  run: (tx, ctx, input) => setUserActive(tx, ctx, input.id, false),
})
