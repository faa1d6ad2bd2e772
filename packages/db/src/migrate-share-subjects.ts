// The data step of migration 0027 (ADR 013): every share made under the earlier rule — which named
// every pupil of a chosen role — is rewritten so that it names only the pupils it is about, and its
// subjects_only flag is set. runMigrations runs it after the SQL migrations, as the migration owner,
// in one transaction; it finds nothing to do once every share is rewritten.
//
// What a share is about: for a Halt referral the referred pupil (halt_referrals.student_id); for
// any other share the pupils recorded for it (share_students). Under the earlier rule the latter
// also held every pupil whose name was disclosed, and which of them the school chose is not
// recorded; so a police share keeps the names it already disclosed, and the rewrite removes only
// names of pupils outside that set. share_students itself is kept as it is: it records to whom
// each pupil's data was disclosed (AVG art. 15(1)(c)), and that disclosure happened.
//
// The stored payload is rewritten, not rebuilt: a share is a snapshot of what was disclosed (ADR
// 009), so facts the incident gained later never enter it. Labels continue those the earlier rule
// already put in the text: pupils it left unnamed keep "leerling A", … in the order of the
// incident's persons, and the pupils it named but whom the share is not about get the next letters.
import { asc, eq, inArray } from 'drizzle-orm'
import type { Database, Tx } from './client.ts'
import {
  BYSTANDER,
  fullName,
  isPupilLabel,
  minimiseSharePayload,
  nameRedactor,
  pupilLabel,
  SHARE_NAME_FIELD_ROLE,
  type NameParts,
  type PayloadPseudonyms,
} from './pseudonyms.ts'
import * as s from './schema.ts'

export interface ShareSubjectsReport {
  shares: number
  items: number
  referrals: number
}

/** Rewrites the shares not yet in the "names only its subjects" form; returns what it changed. */
export async function minimiseStoredShares(db: Database): Promise<ShareSubjectsReport> {
  return db.transaction(async (tx) => {
    // Locked: a second process migrating at the same time waits, then finds these rows done.
    const pending = await tx.select().from(s.shares).where(eq(s.shares.subjectsOnly, false)).orderBy(asc(s.shares.schoolId)).for('update')
    const report: ShareSubjectsReport = { shares: 0, items: 0, referrals: 0 }
    const schoolCache = new Map<string, SchoolNames>()
    for (const share of pending) {
      const school = schoolCache.get(share.schoolId) ?? (await schoolNames(tx, share.schoolId))
      schoolCache.set(share.schoolId, school)
      const changed = await minimiseShare(tx, share, school)
      report.shares++
      report.items += changed.items
      report.referrals += changed.referral ? 1 : 0
    }
    return report
  })
}

interface SchoolNames {
  pupils: Map<string, NameParts>
  staffNames: string[]
}

async function schoolNames(tx: Tx, schoolId: string): Promise<SchoolNames> {
  const pupils = await tx
    .select({ id: s.students.id, firstName: s.students.firstName, infix: s.students.infix, lastName: s.students.lastName })
    .from(s.students)
    .where(eq(s.students.schoolId, schoolId))
  const staff = await tx
    .selectDistinct({ name: s.users.name })
    .from(s.memberships)
    .innerJoin(s.users, eq(s.users.id, s.memberships.userId))
    .where(eq(s.memberships.schoolId, schoolId))
  return { pupils: new Map(pupils.map(({ id, ...n }) => [id, n])), staffNames: staff.map((u) => u.name) }
}

async function minimiseShare(tx: Tx, share: typeof s.shares.$inferSelect, school: SchoolNames): Promise<{ items: number; referral: boolean }> {
  const [referral] = await tx.select().from(s.haltReferrals).where(eq(s.haltReferrals.shareId, share.id))
  const subjectIds = referral
    ? [referral.studentId]
    : (await tx.select({ id: s.shareStudents.studentId }).from(s.shareStudents).where(eq(s.shareStudents.shareId, share.id))).map((r) => r.id)
  const subjects = subjectIds.flatMap((id) => (school.pupils.has(id) ? [school.pupils.get(id)!] : []))
  const subjectNames = new Set(subjects.map(fullName))
  const items = await tx.select().from(s.shareItems).where(eq(s.shareItems.shareId, share.id)).orderBy(asc(s.shareItems.id))
  const persons = items.length
    ? await tx
        .select({ incidentId: s.incidentPersons.incidentId, role: s.incidentPersons.role, studentId: s.incidentPersons.studentId })
        .from(s.incidentPersons)
        .where(inArray(s.incidentPersons.incidentId, items.map((i) => i.incidentId)))
        .orderBy(asc(s.incidentPersons.position))
    : []
  const namedRoles = new Set(Object.entries(SHARE_NAME_FIELD_ROLE).flatMap(([field, role]) => (share.fields.includes(field) ? [role as string] : [])))
  // One label per other pupil across the share, for the referral's own text (the first item's wins).
  const shareLabels = new Map<string, { label: string; name: NameParts }>()
  let changedItems = 0

  for (const item of items) {
    const pupils = persons.filter((p) => p.incidentId === item.incidentId && p.studentId && school.pupils.has(p.studentId))
    // The labels the earlier rule gave (to the pupils it did not name), then the next letters for
    // the pupils it named whom the share is not about.
    const namedBefore = new Set(pupils.filter((p) => namedRoles.has(p.role)).map((p) => p.studentId!))
    const others = new Map<string, { label: string; name: NameParts }>()
    const give = (key: string, name: NameParts) => {
      if (!others.has(key)) others.set(key, { label: pupilLabel(others.size), name })
    }
    for (const p of pupils) if (!namedBefore.has(p.studentId!) && !subjectIds.includes(p.studentId!)) give(p.studentId!, school.pupils.get(p.studentId!)!)
    for (const p of pupils) if (!subjectIds.includes(p.studentId!)) give(p.studentId!, school.pupils.get(p.studentId!)!)
    // A name the payload lists that is no pupil of the incident any more (persons changed since):
    // it gets a label too, and so does its every mention in the text.
    const payload = (item.payload ?? {}) as Record<string, unknown>
    const byName = new Map([...others.values()].map((o) => [fullName(o.name), o.label]))
    for (const field of Object.keys(SHARE_NAME_FIELD_ROLE)) {
      const entries = Array.isArray(payload[field]) ? (payload[field] as unknown[]) : [payload[field]]
      for (const v of entries) {
        if (typeof v === 'string' && !isPupilLabel(v) && !subjectNames.has(v) && !byName.has(v)) {
          give(`name:${v}`, { firstName: v, infix: null, lastName: '' })
          byName.set(v, others.get(`name:${v}`)!.label)
        }
      }
    }
    const inIncident = new Set(pupils.map((p) => p.studentId!))
    const bystanders = [...school.pupils].filter(([id]) => !inIncident.has(id) && !subjectIds.includes(id)).map(([, n]) => n)
    const redact = nameRedactor(subjects, [...others.values()], { bystanders, staffNames: school.staffNames })
    const names: PayloadPseudonyms = {
      isSubject: (name) => subjectNames.has(name),
      // Every listed name has a label by now; a name without one is still not disclosed.
      labelOf: (name) => byName.get(name) ?? BYSTANDER,
      redact,
    }
    const rewritten = minimiseSharePayload(payload, names)
    if (JSON.stringify(rewritten) !== JSON.stringify(payload)) {
      await tx.update(s.shareItems).set({ payload: rewritten }).where(eq(s.shareItems.id, item.id))
      changedItems++
    }
    for (const [key, o] of others) if (!shareLabels.has(key)) shareLabels.set(key, o)
  }

  let referralChanged = false
  if (referral) {
    const known = new Set([...shareLabels.keys()])
    const bystanders = [...school.pupils].filter(([id]) => !known.has(id) && !subjectIds.includes(id)).map(([, n]) => n)
    const redact = nameRedactor(subjects, [...shareLabels.values()], { bystanders, staffNames: school.staffNames })
    const reason = redact(referral.reason)
    const schoolActions = redact(referral.schoolActions)
    if (reason !== referral.reason || schoolActions !== referral.schoolActions) {
      await tx.update(s.haltReferrals).set({ reason, schoolActions }).where(eq(s.haltReferrals.id, referral.id))
      referralChanged = true
    }
  }
  await tx.update(s.shares).set({ subjectsOnly: true }).where(eq(s.shares.id, share.id))
  return { items: changedItems, referral: referralChanged }
}
