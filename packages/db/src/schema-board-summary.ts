// The board's incident counts, kept by triggers as incidents change (migration 0043): submitted
// incidents per stichting, school, schooljaar, month of occurrence and severity, with the
// confidentiality, and the same per IRIS voorval type. Read by board_incident_counts and
// board_incident_type_counts; numbers only. The type counts per schooljaar (0052) are what the
// comparison reads.
import { boolean, date, foreignKey, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { schools, severityEnum, stichtingen } from './schema.ts'

/** The key columns every summary shares, and the count. */
const yearColumns = () => ({
  stichtingId: uuid('stichting_id')
    .notNull()
    .references(() => stichtingen.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id').notNull(),
  schoolYear: text('school_year').notNull(),
  /** Submitted incidents (for the type summaries: with that voorval code). */
  incidents: integer('incidents').notNull(),
})

/** The key columns of the month summaries, and the count. */
const summaryColumns = () => ({
  ...yearColumns(),
  /** First day of the month the incidents occurred in (Europe/Amsterdam). */
  month: date('month').notNull(),
  severity: severityEnum('severity').notNull(),
})

export const boardIncidentSummary = pgTable(
  'board_incident_summary',
  {
    ...summaryColumns(),
    confidential: boolean('confidential').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.stichtingId, t.schoolYear, t.schoolId, t.month, t.severity, t.confidential] }),
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }).onDelete('cascade'),
  ],
)

export const boardIncidentTypeSummary = pgTable(
  'board_incident_type_summary',
  {
    ...summaryColumns(),
    /** IRIS voorval code. */
    code: integer('code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.stichtingId, t.schoolYear, t.schoolId, t.month, t.code, t.severity] }),
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }).onDelete('cascade'),
  ],
)

/**
 * The type summary per schooljaar, without month and severity (migration 0052): what the board's
 * comparison between schools reads. Kept by a trigger on board_incident_type_summary.
 */
export const boardIncidentTypeYear = pgTable(
  'board_incident_type_year',
  {
    ...yearColumns(),
    /** IRIS voorval code. */
    code: integer('code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.stichtingId, t.schoolYear, t.schoolId, t.code] }),
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }).onDelete('cascade'),
  ],
)
