// Calendar arithmetic without a database: dates as YYYY-MM-DD, the Dutch national holidays, the days
// of the Algemene termijnenwet and the Dutch local date of an instant. Shared by the domain's school
// calendar and the demo seed.
export * from './calendar-dates.ts'
export * from './national-holidays.ts'
export * from './termijnenwet.ts'
export * from './dutch-date.ts'
export * from './school-calendar.ts'
