import type { StopReason, TrajectoryStatus } from '../../shared/participants.ts';
import { positiveStopReasons } from '../../shared/participants.ts';
import { DomainError } from '../context.ts';
import { appointmentRules } from '../../shared/limits.ts';
import { programmeDay, programmeInstant } from '../../shared/dates.ts';

export type TrajectoryAction = 'start_intake' | 'start' | 'complete' | 'stop';

/** Which action leads from which status to which. Anything else is refused. */
const transitions: Record<TrajectoryAction, { from: readonly TrajectoryStatus[]; to: TrajectoryStatus }> = {
  start_intake: { from: ['referred'], to: 'intake' },
  start: { from: ['intake'], to: 'active' },
  complete: { from: ['active'], to: 'completed' },
  stop: { from: ['referred', 'intake', 'active'], to: 'stopped' },
};

export const openStatuses: readonly TrajectoryStatus[] = ['referred', 'intake', 'active'];

/** The status after `action`, or a `trajectory.transition_not_allowed` error saying from where to where. */
export function nextStatus(current: TrajectoryStatus, action: TrajectoryAction): TrajectoryStatus {
  const rule = transitions[action];
  if (!rule.from.includes(current))
    throw new DomainError('trajectory.transition_not_allowed', {
      from: current,
      action,
      allowedFrom: rule.from,
    });
  return rule.to;
}

/** Actions the UI may offer in a status. */
export const allowedActions = (current: TrajectoryStatus) =>
  (Object.keys(transitions) as TrajectoryAction[]).filter((action) =>
    transitions[action].from.includes(current),
  );

/** Stopping early because the participant found work or a study is a good result, not a drop-out. */
export const isEarlyPositiveExit = (reason: StopReason | null) =>
  reason !== null && positiveStopReasons.includes(reason);

/** ISO date (yyyy-mm-dd) plus whole months; the 31st of a short month becomes its last day. */
export function addMonths(isoDate: string, months: number) {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** "Month 2 of 6": the month of the trajectory `today` falls in, counted from 1. */
export function monthOfTrajectory(startedOn: string, today: string) {
  let month = 0;
  while (month < 120 && addMonths(startedOn, month + 1) <= today) month++;
  return month + 1;
}

/** An extension must move the end later; the reason and approver are recorded by the caller. */
export function assertExtension(currentEnd: string, newEnd: string) {
  if (newEnd <= currentEnd)
    throw new DomainError('trajectory.extension_not_later', { field: 'newEndOn', currentEnd });
}

/**
 * Dates a person types can be wrong by a decade. Event dates must lie within five years back and one year ahead.
 */
export function assertPlausibleDate(
  field: string,
  value: string,
  today: string,
  { yearsBack = 5, yearsAhead = 1 } = {},
) {
  if (value < addMonths(today, -12 * yearsBack) || value > addMonths(today, 12 * yearsAhead))
    throw new DomainError('request.date_out_of_range', {
      field,
      min: addMonths(today, -12 * yearsBack),
      max: addMonths(today, 12 * yearsAhead),
    });
}

/** The moment `days` working days (Monday to Friday) before `from`. */
export function minusWorkingDays(from: Date, days: number) {
  const at = new Date(from);
  for (let left = days; left > 0;) {
    at.setUTCDate(at.getUTCDate() - 1);
    if (at.getUTCDay() !== 0 && at.getUTCDay() !== 6) left--;
  }
  return at;
}

/**
 * When the reminder of an appointment goes: the day before, at the set hour (Dutch time). Planned later than
 * that but before the day itself: at once. Planned for today: none (the coach told them just now).
 */
export function reminderMoment(startsAt: Date, now: Date): Date | null {
  const day = programmeDay(startsAt);
  const at = programmeInstant(
    addDays(day, -1),
    `${String(appointmentRules.reminderHour).padStart(2, '0')}:00`,
  );
  if (at.getTime() > now.getTime()) return at;
  return day > programmeDay(now) ? now : null;
}
