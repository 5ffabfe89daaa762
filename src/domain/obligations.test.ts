import { describe, expect, it } from 'vitest';
import { addDays, checkExemption, obligationStatus, supportShortening } from './obligations';

describe('obligationStatus', () => {
  const start = { kind: 'start_construction' as const, dueDate: '2025-06-30' };
  it('moves from pending to due to late to breached as days pass', () => {
    expect(obligationStatus(start, '2025-05-01')).toBe('pending');
    expect(obligationStatus(start, '2025-05-31')).toBe('due');
    expect(obligationStatus(start, '2025-06-30')).toBe('due');
    expect(obligationStatus(start, '2025-07-01')).toBe('late');
    expect(obligationStatus(start, addDays('2025-06-30', 180))).toBe('late');
    expect(obligationStatus(start, addDays('2025-06-30', 181))).toBe('breached');
  });
  it('is met once a date is recorded, even late; an exemption stays', () => {
    expect(obligationStatus({ ...start, metOn: '2025-08-01' }, '2026-01-01')).toBe('met');
    expect(obligationStatus({ ...start, exempted: true }, '2027-01-01')).toBe('exempted');
  });
  it('judges measured obligations by the value reached', () => {
    const tax = { kind: 'tax_per_mu' as const, dueDate: '2026-12-31', targetValue: '30' };
    expect(obligationStatus({ ...tax, actualValue: '30.00' }, '2027-01-05')).toBe('met');
    expect(obligationStatus({ ...tax, actualValue: '29.99' }, '2026-12-01')).toBe('due');
    expect(obligationStatus({ ...tax, actualValue: '29.99' }, '2027-01-05')).toBe('breached');
    expect(obligationStatus(tax, '2027-01-05')).toBe('late');
  });
});

describe('supportShortening (gansu §(二十二))', () => {
  const rule = { value: true };
  const late = { kind: 'start_production' as const, dueDate: '2025-06-30', metOn: '2025-09-28' };
  it('shortens support by the days of an enterprise-caused delay', () => {
    expect(supportShortening({ ...late, delayCause: 'enterprise' }, rule)).toBe(90);
  });
  it('does not for objective causes, other kinds, or without the rule', () => {
    expect(supportShortening({ ...late, delayCause: 'objective' }, rule)).toBe(0);
    expect(supportShortening({ ...late, kind: 'tax_per_mu', delayCause: 'enterprise' }, rule)).toBe(0);
    expect(supportShortening({ ...late, delayCause: 'enterprise' }, null)).toBe(0);
  });
});

describe('checkExemption (jiaxing §三(四))', () => {
  const rule = { value: true, source: 'jiaxing §三(四)' };
  const steps = {
    application: { date: '2025-03-01', note: '嘉商〔2025〕1号' },
    verification: { date: '2025-03-10', note: '核实意见' },
    decision: { date: '2025-03-20', note: '会议纪要第3期' },
  };
  it('accepts an objective cause after review with the full procedure in order', () => {
    expect(checkExemption({ cause: 'market_change', steps, reviewedBeforeAdmission: true, rule })).toEqual([]);
  });
  it('names every missing condition', () => {
    const errors = checkExemption({
      cause: 'investor_withdrew',
      steps: { application: steps.application },
      reviewedBeforeAdmission: false,
      rule,
    });
    expect(errors.map((e) => e.field)).toEqual(['cause', 'review', 'steps.verification', 'steps.decision']);
  });
  it('refuses where the pack provides none, and steps out of order', () => {
    expect(checkExemption({ cause: 'force_majeure', steps, reviewedBeforeAdmission: true, rule: null })[0]!.field).toBe(
      'cause',
    );
    const swapped = { ...steps, decision: { date: '2025-03-05', note: 'x' } };
    expect(
      checkExemption({ cause: 'force_majeure', steps: swapped, reviewedBeforeAdmission: true, rule })[0]!.field,
    ).toBe('steps');
  });
});
