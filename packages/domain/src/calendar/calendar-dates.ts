// Plain calendar dates live beside the schema (the demo seed lays its data out with them too).
export { assertIsoDate, dayNumber, daysBetween, fromDayNumber, isIsoDate, isoDate, isoWeekday, isWeekend, plusDays, schoolYearOfDate } from '@baken/db/calendar'
