// Postponing the decision on a bezwaar against a schorsing once (Awb art. 7:10 lid 3).
import { schema } from '@baken/db'
import { and, eq, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import { localDate, plusDays } from '../dates.ts'
import { termijnenwetEnd } from '../calendar/national-holidays.ts'
import { calendarDate, recordId } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { bezwaarTerms, bezwaarToDecide, decisionSentOn, decisionTermRule, dutchDayName, logStep } from './bezwaar.ts'
import { ruleView } from './rule-model.ts'

const isoDate = calendarDate('Datum als JJJJ-MM-DD')

const postponeBezwaarInput = z.strictObject({
  id: recordId(),
  bezwaarId: recordId(),
  /** The day the indiener was told (Awb art. 7:10 lid 3: "onder mededeling"). */
  noticeOn: isoDate,
})

/**
 * Postpones the decision on a bezwaar against a schorsing once, by six weeks (Awb art. 7:10 lid 3),
 * with notice to the indiener before the term ends; by whoever may decide the bezwaar. Further delay
 * needs the indiener's consent (lid 4) and is not recorded here.
 */
export const postponeBezwaar = defineUseCase({
  name: 'measures/postpone-bezwaar',
  input: postponeBezwaarInput,
  permission: ['decide', 'Bezwaar'],
  forbidden: 'Op een bezwaar beslist het bevoegd gezag.',
  async run(tx, { ability, tenant: ctx, now }, { id: measureId, bezwaarId, ...data }) {
    const today = localDate(now)

    const found = await bezwaarToDecide(tx, ability, ctx, measureId, bezwaarId, today, 'noticeOn')
    if ('ok' in found) return found
    const { m, b } = found
    const rule = decisionTermRule(m)
    if (m.kind !== 'schorsing') {
      return refuse('conflict', 'noticeOn', `Tegen een verwijdering geldt de beslistermijn van de onderwijswet (${rule.source}); Baken legt daar geen verdaging vast.`)
    }
    if (b.state === 'decided') return refuse('conflict', 'noticeOn', 'Op dit bezwaar is al beslist.')
    if (b.postponedOn) return refuse('conflict', 'noticeOn', `De beslissing is al verdaagd op ${dutchDayName(b.postponedOn)}; dat kan één keer (Awb art. 7:10 lid 3). Verder uitstel kan alleen met instemming van de indiener (lid 4).`)
    const { noticeOn } = data
    if (noticeOn > today) return refuse('invalid', 'noticeOn', 'De datum van het bericht ligt in de toekomst.')
    if (noticeOn < b.receivedOn) return refuse('invalid', 'noticeOn', 'Het bericht kan niet vóór de ontvangst van het bezwaar zijn verstuurd.')
    if (noticeOn > b.decisionDueOn) return refuse('invalid', 'noticeOn', `Verdagen kan alleen binnen de beslistermijn, die liep tot en met ${dutchDayName(b.decisionDueOn)} (Awb art. 7:10 lid 3).`)
    const sentOn = await decisionSentOn(tx, m)
    if (!sentOn) return refuse('conflict', '', 'Het besluit heeft geen datum.')
    const terms = bezwaarTerms({
      sector: m.sector,
      measureKind: m.kind,
      decisionSentOn: sentOn,
      receivedOn: b.receivedOn,
      committeeFrom: b.committeeFrom,
      committeeUntil: b.committeeUntil,
      advisoryCommittee: b.advisoryCommittee,
      postponed: true,
    })
    // A late objection's deadline was counted from receipt; the postponement adds its six weeks to whichever applied.
    const term = rule.value as { verdagingWeken: number }
    const decisionDueOn = b.late ? termijnenwetEnd(plusDays(b.decisionDueOn, term.verdagingWeken * 7)) : terms.decisionDueOn
    const updated = await tx
      .update(schema.bezwaren)
      .set({ postponedOn: noticeOn, decisionDueOn })
      .where(and(eq(schema.bezwaren.id, b.id), sql`${schema.bezwaren.postponedOn} is null`, ne(schema.bezwaren.state, 'decided')))
      .returning({ id: schema.bezwaren.id })
    if (updated.length !== 1) return refuse('conflict', 'noticeOn', 'Het bezwaar is intussen gewijzigd; laad de pagina opnieuw.')
    await logStep(tx, ctx, m, `Beslissing op het bezwaar verdaagd (bericht ${dutchDayName(noticeOn)}); beslissen uiterlijk ${dutchDayName(decisionDueOn)} (Awb art. 7:10 lid 3).`, {
      event: 'bezwaar_verdaagd',
      bezwaarId: b.id,
      noticeOn,
      decisionDueOn,
    })
    return { ok: true, id: b.id, state: b.state, decisionDueOn, decisionTerm: ruleView(rule) }
  },
})
