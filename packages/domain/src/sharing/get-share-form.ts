// What the share form offers: the agreements the school can share under now (with their purposes
// and allowed fields), the partners' users who can be named as recipients, the school's submitted
// incidents the caller can read and its pupils.
import { schema } from '@baken/db'
import { z } from 'zod'
import { listStudents } from '../students.ts'
import { defineUseCase } from '../use-case.ts'
import { usableAgreements } from './agreements.ts'
import { partnerRecipients, SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL } from './create-share.ts'
import { shareFormIncidents } from './shares.ts'

export const getShareForm = defineUseCase({
  name: 'sharing/get-share-form',
  input: z.object({}),
  permission: ['create', 'Share'],
  async run(tx, { ability, tenant, now }) {
    const agreements = await usableAgreements(tx, tenant, { now })
    const partnerIds = [...new Set(agreements.map((a) => a.partnerId))]
    const recipients = await Promise.all(partnerIds.map(async (partnerId) => ({ partnerId, users: await partnerRecipients(tx, partnerId) })))
    const pupils = ability.can('read', 'Student') ? (await listStudents(tx, ability, { pageSize: 200 })).items : []
    return {
      ok: true,
      agreements,
      recipients,
      incidents: await shareFormIncidents(tx, ability, tenant),
      pupils: pupils.map((p) => ({ id: p.id, name: p.displayName, group: p.groupName })),
      purposes: schema.SHARE_PURPOSES.map((p) => ({ value: p, label: SHARE_PURPOSE_LABEL[p] })),
      fields: schema.SHARE_FIELDS.map((f) => ({ value: f, label: SHARE_FIELD_LABEL[f] })),
    }
  },
})
