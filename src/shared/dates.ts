/** The programme works in Dutch time: "today" is the calendar day in Europe/Amsterdam, on server and web alike. */
export const programmeTimeZone = 'Europe/Amsterdam';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: programmeTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The programme's calendar day of a moment, as `YYYY-MM-DD` (00:30 Dutch time is already the new day). */
export const programmeDay = (at: Date) => dayFormat.format(at);
