import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe.ts'
import { login } from './support/login.ts'
import { dutchToday } from '../http/support/demo-dates.ts'

// The parents' view of an incident (the report's text, also as PDF): pupils outside the incident
// who are named in the text each get a letter of their own, never "een andere leerling".
test('each redacted uninvolved pupil gets its own stable letter', async ({ page, browser }) => {
  const teacherCtx = await browser.newContext()
  const teacher = await teacherCtx.newPage()
  await login(teacher, 'leerkracht@branding.demo')
  const all = (await (await teacher.request.get('/api/v1/students?pageSize=200')).json()).items as { id: string; displayName: string; firstName: string }[]
  // Five pupils whose first names are all different (the text names them by full name).
  const picked: typeof all = []
  for (const p of all) if (!picked.some((q) => q.firstName === p.firstName || q.displayName.split(' ').at(-1) === p.displayName.split(' ').at(-1))) picked.push(p)
  const [child, victim, p, q] = picked
  const created = await teacher.request.post('/api/v1/incidents', {
    headers: { origin: new URL(teacher.url()).origin },
    data: {
      occurredAt: `${dutchToday()}T10:00:00+01:00`,
      situation: `${child!.displayName} duwde ${victim!.displayName}. ${p!.displayName} schold ${q!.displayName} uit; daarna troostte ${q!.displayName} ${victim!.displayName}.`,
      voorval: [3],
      persons: [
        { role: 'dader', kind: 'leerling', studentId: child!.id },
        { role: 'slachtoffer', kind: 'leerling', studentId: victim!.id },
      ],
      submit: true,
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).id as string
  await teacherCtx.close()

  await login(page, 'ib@branding.demo')
  await page.goto(`/incidenten/${id}/leerling/${child!.id}`)
  const main = page.locator('main')
  await expect(main).toContainText(`${child!.displayName} duwde leerling A. Leerling B schold leerling C uit; daarna troostte leerling C leerling A.`)
  await expect(main).not.toContainText('een andere leerling')
  for (const other of [victim!, p!, q!]) await expect(main).not.toContainText(other.displayName)
  await expectNoAxeViolations(page, "a pupil's view of an incident")
})
