import { useTranslation } from 'react-i18next';
import type { Appointment } from '../shared/contracts/trajectories.ts';
import { programmeTimeZone } from '../shared/dates.ts';

export type { Appointment };

/**
 * An appointment's day and time as the reader says them, in Dutch time wherever the browser is (the programme
 * works in Europe/Amsterdam), with the Gregorian calendar and Western digits as elsewhere in Opstap.
 */
export function useAppointmentFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const common = { timeZone: programmeTimeZone, calendar: 'gregory', numberingSystem: 'latn' } as const;
  const day = new Intl.DateTimeFormat(language, {
    ...common,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  const time = new Intl.DateTimeFormat(language, {
    ...common,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return {
    day: (a: Pick<Appointment, 'startsAt'>) => day.format(new Date(a.startsAt)),
    time: (a: Pick<Appointment, 'startsAt' | 'endsAt'>) =>
      `${time.format(new Date(a.startsAt))}–${time.format(new Date(a.endsAt))}`,
  };
}

/** A map of an address, for the participant to find the way (OpenStreetMap: no account, no tracking cookie). */
export const mapLink = (address: string) =>
  `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
