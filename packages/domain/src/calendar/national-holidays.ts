// The national holidays are computed beside the schema, so the demo seed skips the same days the
// domain's school calendar does.
export { easterSunday, FIRST_SUPPORTED_YEAR, GOOD_FRIDAY_NOTE, isLiberationDayLustrum, koningsdag, liberationDayNote, NATIONAL_HOLIDAY_KEYS, nationalHolidays, nationalHolidaysBetween, type NationalHoliday, type NationalHolidayKey } from '@baken/db/calendar'
// The days of the Algemene termijnenwet (no term ends on them), a list apart from the school days.
export { isTermijnenwetHoliday, isTermijnenwetRestDay, TERMIJNENWET_DAY_KEYS, termijnenwetDays, termijnenwetEnd, type TermijnenwetDay, type TermijnenwetDayKey } from '@baken/db/calendar'
