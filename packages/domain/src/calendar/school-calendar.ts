// The school calendar is pure date arithmetic over calendar entries; it lives beside the schema so
// that the demo seed counts school days exactly as the domain does.
export {
  buildSchoolCalendar,
  describeSchoolYear,
  OutsideCalendarError,
  SchoolCalendar,
  type CalendarEntry,
  type CalendarEntryKind,
  type DayOff,
  type DayOffSource,
  type HolidayRegion,
  type SchoolCalendarOptions,
  type SchoolYearCalendar,
  type SchoolYearCalendarItem,
} from '@baken/db/calendar'
