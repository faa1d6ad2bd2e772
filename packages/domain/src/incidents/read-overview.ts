// The yearly overview of the caller's own school (the school safety protocol's Bijlage 2: one row
// per pupil involved in a submitted incident) and the RI&E counts; for the directeur and the IB.
// Any other school's id looks like one that does not exist. The CSV export has no analysis.
//
// Viewing and exporting it is logged (ADR 040): one row per request, subject 'overview' (the
// school), naming every pupil it lists, with the schooljaar (and the file format of an export) as
// its purpose. One row and not one per incident: the overview is one look at a list, and hundreds
// of rows per view would bury the real looks; each pupil's AVG export and the parents' portal
// still find it, because the row names the pupil. An export is personal data leaving the
// application (AVG art. 5 lid 2, accountability), so it is logged as 'export'.
import { z } from 'zod'
import { recordAccess } from '../privacy/access-log.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { getOverviewSchool, getRieAnalysis, getYearlyOverview, overviewCsv, overviewXlsx, schooljaarSchema } from './overview.ts'
import { recordId } from '../input-rules.ts'

const MEDIA_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const

export const OVERVIEW_FORMATS = ['json', 'csv', 'xlsx'] as const

export const readOverview = defineUseCase({
  name: 'incidents/read-overview',
  input: z.object({
    id: recordId(),
    schooljaar: schooljaarSchema,
    format: z.enum(OVERVIEW_FORMATS, { message: 'Kies json, csv of xlsx' }).optional().default('json'),
  }),
  permission: ['read', 'Overview'],
  async run(tx, { ability, tenant }, { id, schooljaar, format }) {
    const school = id === tenant.schoolId ? await getOverviewSchool(tx, ability, id) : null
    if (!school) return refuse('not_found', 'id', 'School niet gevonden.')
    const rows = await getYearlyOverview(tx, ability, { schooljaar })
    await recordAccess(tx, tenant, {
      action: format === 'json' ? 'read' : 'export',
      subjectType: 'overview',
      subjectId: school.id,
      schoolId: school.id,
      studentIds: rows.map((r) => r.studentId),
      reason: format === 'json' ? `Jaaroverzicht ${schooljaar}` : `Jaaroverzicht ${schooljaar} (${format.toUpperCase()})`,
    })
    const analysis = format === 'csv' ? undefined : await getRieAnalysis(tx, ability, { schooljaar })
    const overview = { school, schooljaar, rows, analysis }
    // The CSV and XLSX exports: the same rows as a file (the XLSX with the analysis on a second sheet).
    const file =
      format === 'json'
        ? null
        : {
            filename: `incidenten-${school.brin}-${schooljaar}.${format}`,
            mediaType: MEDIA_TYPE[format],
            body: format === 'csv' ? new TextEncoder().encode(overviewCsv(overview)) : new Uint8Array(await overviewXlsx(overview)),
          }
    return { ok: true, ...overview, file }
  },
})
