import { describe, expect, test } from 'vitest';
import { addDays, checkExpiry, decideHold, type HoldState, releaseDateFor } from './reservation';

const active = { stage: 'negotiating', stalledSince: null };
const hold = (over: Partial<HoldState> = {}): HoldState => ({
  expiresOn: '2025-06-30',
  releaseCause: null,
  releaseDueOn: null,
  ...over,
});

describe('expiry: notice 7 days before, release the day after the last day', () => {
  test('nothing happens before the notice window', () => {
    expect(decideHold(hold(), active, '2025-06-22')).toEqual({ action: 'keep' });
  });
  test('on 2025-06-23 (7 days before 06-30) the holder is told it goes on 07-01', () => {
    expect(decideHold(hold(), active, '2025-06-23')).toEqual({
      action: 'notify',
      cause: 'expiry',
      releaseOn: '2025-07-01',
    });
  });
  test('after the notice, the hold stays through its last day and is released on 07-01', () => {
    const noticed = hold({ releaseCause: 'expiry', releaseDueOn: '2025-07-01' });
    expect(decideHold(noticed, active, '2025-06-30')).toEqual({ action: 'keep' });
    expect(decideHold(noticed, active, '2025-07-01')).toEqual({ action: 'release', cause: 'expiry' });
  });
  test('a hold found already past expiry without a notice is noticed first, released the next day', () => {
    expect(decideHold(hold(), active, '2025-07-05')).toEqual({
      action: 'notify',
      cause: 'expiry',
      releaseOn: '2025-07-06',
    });
  });
  test('an extended hold withdraws the notice', () => {
    const extended = hold({ expiresOn: '2025-08-31', releaseCause: 'expiry', releaseDueOn: '2025-07-01' });
    expect(decideHold(extended, active, '2025-06-28')).toEqual({ action: 'withdraw_notice' });
  });
});

describe('stalled and terminated projects', () => {
  test('a stalled project: notice now, release 14 days later unless it moves again', () => {
    const long = hold({ expiresOn: '2025-12-31' });
    const stalled = { stage: 'negotiating', stalledSince: '2025-06-01' };
    expect(decideHold(long, stalled, '2025-06-10')).toEqual({
      action: 'notify',
      cause: 'stalled',
      releaseOn: '2025-06-24',
    });
    const noticed = hold({ expiresOn: '2025-12-31', releaseCause: 'stalled', releaseDueOn: '2025-06-24' });
    expect(decideHold(noticed, stalled, '2025-06-23')).toEqual({ action: 'keep' });
    expect(decideHold(noticed, stalled, '2025-06-24')).toEqual({ action: 'release', cause: 'stalled' });
    // the project reported progress: the notice is withdrawn and the hold stays
    expect(decideHold(noticed, active, '2025-06-20')).toEqual({ action: 'withdraw_notice' });
  });
  test('a stalled project never keeps a hold past its expiry', () => {
    const stalled = { stage: 'negotiating', stalledSince: '2025-06-01' };
    expect(releaseDateFor('stalled', hold({ expiresOn: '2025-06-15' }), '2025-06-10')).toBe('2025-06-16');
    expect(decideHold(hold({ expiresOn: '2025-06-15' }), stalled, '2025-06-10')).toMatchObject({
      releaseOn: '2025-06-16',
    });
  });
  test('a terminated project: notice today, release tomorrow; termination overrides an expiry notice', () => {
    const terminated = { stage: 'terminated', stalledSince: null };
    const noticed = hold({ releaseCause: 'expiry', releaseDueOn: '2025-07-01' });
    expect(decideHold(noticed, terminated, '2025-06-25')).toEqual({
      action: 'notify',
      cause: 'terminated',
      releaseOn: '2025-06-26',
    });
    const now = hold({ releaseCause: 'terminated', releaseDueOn: '2025-06-26' });
    expect(decideHold(now, terminated, '2025-06-25')).toEqual({ action: 'keep' });
    expect(decideHold(now, terminated, '2025-06-26')).toEqual({ action: 'release', cause: 'terminated' });
  });
  test('a release always comes at least one day after its notice', () => {
    for (const cause of ['expiry', 'stalled', 'terminated'] as const) {
      for (const expiresOn of ['2025-06-01', '2025-06-10', '2025-06-11', '2025-09-01']) {
        expect(releaseDateFor(cause, hold({ expiresOn }), '2025-06-10') > '2025-06-10').toBe(true);
      }
    }
  });
});

describe('requested expiry', () => {
  test('after today and at most 180 days ahead', () => {
    expect(checkExpiry('2025-06-10', '2025-06-10')?.en).toBe('The hold must end after today');
    expect(checkExpiry(addDays('2025-06-10', 180), '2025-06-10')).toBeNull();
    expect(checkExpiry(addDays('2025-06-10', 181), '2025-06-10')?.zh).toBe('预留期最长 180 天（至 2025-12-07）');
  });
  test('addDays crosses months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
