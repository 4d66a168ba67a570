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

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: programmeTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The programme's wall-clock time of a moment, as `HH:MM` (Europe/Amsterdam). */
export function programmeTime(at: Date) {
  const parts = Object.fromEntries(partsFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}`;
}

/** Minutes Europe/Amsterdam is ahead of UTC at a moment (60 in winter, 120 in summer). */
function offsetMinutes(at: number) {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return (
    (Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(at / 60_000) * 60_000) / 60_000
  );
}

/**
 * The moment of a day and wall-clock time in the programme's time zone (`2026-03-30`, `09:30` → 07:30 UTC in
 * summer time). A time the clocks skip (02:30 on the last Sunday of March) becomes the hour after.
 */
export function programmeInstant(day: string, time: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  const first = asUtc - offsetMinutes(asUtc) * 60_000;
  return new Date(asUtc - offsetMinutes(first) * 60_000);
}
