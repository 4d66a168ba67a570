import { describe, expect, it } from 'vitest';
import { trajectoryStatuses } from '../../shared/participants.ts';
import { DomainError } from '../context.ts';
import {
  minusWorkingDays,
  reminderMoment,
  addMonths,
  allowedActions,
  assertExtension,
  assertPlausibleDate,
  isEarlyPositiveExit,
  monthOfTrajectory,
  nextStatus,
  type TrajectoryAction,
} from './trajectories.rules.ts';

const allowed: [string, TrajectoryAction, string][] = [
  ['referred', 'start_intake', 'intake'],
  ['referred', 'stop', 'stopped'],
  ['intake', 'start', 'active'],
  ['intake', 'stop', 'stopped'],
  ['active', 'complete', 'completed'],
  ['active', 'stop', 'stopped'],
];
const actions: TrajectoryAction[] = ['start_intake', 'start', 'complete', 'stop'];

describe('trajectory state machine', () => {
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from as never, action)).toBe(to);
  });

  const refused = trajectoryStatuses.flatMap((from) =>
    actions
      .filter((action) => !allowed.some(([f, a]) => f === from && a === action))
      .map((action) => [from, action] as const),
  );
  it.each(refused)('%s --%s--> refused', (from, action) => {
    expect(() => nextStatus(from, action)).toThrow(DomainError);
    try {
      nextStatus(from, action);
    } catch (error) {
      expect((error as DomainError).code).toBe('trajectory.transition_not_allowed');
    }
  });

  it('has 14 refused transitions and ends in completed or stopped', () => {
    expect(refused).toHaveLength(14);
    expect(allowedActions('completed')).toEqual([]);
    expect(allowedActions('stopped')).toEqual([]);
  });

  it('counts found work and started education as an early positive exit', () => {
    expect(isEarlyPositiveExit('found_work')).toBe(true);
    expect(isEarlyPositiveExit('started_education')).toBe(true);
    expect(isEarlyPositiveExit('moved_away')).toBe(false);
    expect(isEarlyPositiveExit(null)).toBe(false);
  });
});

describe('trajectory dates', () => {
  it('adds months, clamping to the end of short months', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-03-01', -12)).toBe('2025-03-01');
  });

  it('tells the month of the trajectory', () => {
    expect(monthOfTrajectory('2026-01-15', '2026-01-15')).toBe(1);
    expect(monthOfTrajectory('2026-01-15', '2026-02-14')).toBe(1);
    expect(monthOfTrajectory('2026-01-15', '2026-02-15')).toBe(2);
    expect(monthOfTrajectory('2026-01-15', '2026-06-20')).toBe(6);
  });

  it('refuses an extension that is not later than the current end', () => {
    expect(() => assertExtension('2026-07-01', '2026-07-01')).toThrow(DomainError);
    expect(() => assertExtension('2026-07-01', '2026-09-01')).not.toThrow();
  });

  it('refuses dates far in the past or future, naming the field', () => {
    expect(() => assertPlausibleDate('startedOn', '2016-01-01', '2026-06-01')).toThrow(/date_out_of_range/);
    expect(() => assertPlausibleDate('startedOn', '2029-01-01', '2026-06-01')).toThrow(DomainError);
    expect(() => assertPlausibleDate('startedOn', '2026-05-01', '2026-06-01')).not.toThrow();
  });
});

describe('working days', () => {
  it('skips Saturday and Sunday when counting back', () => {
    // Tuesday 10:00 minus two working days is Friday 10:00; Wednesday minus two is Monday.
    expect(minusWorkingDays(new Date('2026-03-03T10:00:00Z'), 2).toISOString()).toBe(
      '2026-02-27T10:00:00.000Z',
    );
    expect(minusWorkingDays(new Date('2026-03-04T10:00:00Z'), 2).toISOString()).toBe(
      '2026-03-02T10:00:00.000Z',
    );
  });
});

describe('the reminder of an appointment', () => {
  const now = new Date('2026-03-02T09:00:00Z'); // Monday 10:00 in Amsterdam
  it('goes the day before at the set hour, in Dutch time (summer and winter)', () => {
    expect(reminderMoment(new Date('2026-03-04T13:00:00Z'), now)?.toISOString()).toBe(
      '2026-03-03T09:00:00.000Z',
    );
    expect(reminderMoment(new Date('2026-07-08T07:00:00Z'), now)?.toISOString()).toBe(
      '2026-07-07T08:00:00.000Z',
    );
  });
  it('goes at once when planned after that moment for tomorrow, and not at all for today', () => {
    expect(reminderMoment(new Date('2026-03-03T08:00:00Z'), now)).toEqual(now);
    expect(reminderMoment(new Date('2026-03-02T15:00:00Z'), now)).toBeNull();
  });
});
