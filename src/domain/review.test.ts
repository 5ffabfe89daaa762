import { describe, expect, it } from 'vitest';
import { averageScore, checkReview, checkReviewGate, perMuWan, RISK_KEYS, type ReviewInput } from './review';

const allPass = RISK_KEYS.map((key) => ({ key, result: 'pass' as const }));
const base: ReviewInput = {
  meetingDate: '2025-05-10',
  members: ['张三', '李四', '王五'],
  scores: [{ criterion: '产业契合度', score: 18, max: 20 }],
  risks: allPass,
  decision: 'approve',
  minutes: '会议同意引进',
};

describe('checkReview', () => {
  it('accepts a complete collective decision', () => {
    expect(checkReview(base)).toEqual([]);
  });
  it('needs three members, minutes and every risk item answered', () => {
    const errors = checkReview({ ...base, members: ['张三', ' '], minutes: '', risks: allPass.slice(1) });
    expect(errors.map((e) => e.field)).toEqual(['members', 'minutes', 'risks']);
    expect(errors[2]!.zh).toContain('市场准入负面清单');
  });
  it('asks why for a concern and refuses to approve a failed item', () => {
    const risks = allPass.map((r) =>
      r.key === 'negativeList' ? { ...r, result: 'fail' as const, note: '属于禁止准入类' } : r,
    );
    risks[5] = { key: 'fairCompetition', result: 'concern' } as never;
    const errors = checkReview({ ...base, risks });
    expect(errors.map((e) => e.field)).toEqual(['risks.5.note', 'decision']);
    expect(checkReview({ ...base, risks, decision: 'reject' }).map((e) => e.field)).toEqual(['risks.5.note']);
  });
  it('rejects a score above its maximum', () => {
    expect(checkReview({ ...base, scores: [{ criterion: 'x', score: 21, max: 20 }] })[0]!.field).toBe('scores.0.score');
  });
});

describe('averageScore / perMuWan', () => {
  it('averages exactly as a percentage', () => {
    expect(
      averageScore([
        { criterion: 'a', score: 18, max: 20 },
        { criterion: 'b', score: 7, max: 10 },
      ]),
    ).toBe('83.33');
    expect(averageScore([])).toBeNull();
  });
  it('divides money by area without floating point', () => {
    expect(perMuWan('30000', '100')).toBe('300');
    expect(perMuWan('10000', '3')).toBe('3333.3333');
    expect(perMuWan('1', '0')).toBeNull();
  });
});

describe('checkReviewGate', () => {
  const rule = { value: '500000', source: 'jiaxing §三(四)' };
  it('lets a signing under the threshold through without review', () => {
    expect(checkReviewGate({ amountWan: '499999.99', signingDate: '2025-06-01', rule, reviews: [] })).toBeNull();
    expect(checkReviewGate({ amountWan: '900000', signingDate: '2025-06-01', rule: null, reviews: [] })).toBeNull();
  });
  it('needs an approving review held by the signing date at or over the threshold', () => {
    const none = checkReviewGate({ amountWan: '500000', signingDate: '2025-06-01', rule, reviews: [] });
    expect(none?.zh).toContain('jiaxing §三(四)');
    expect(none?.en).toContain('no review');
    const later = [{ decision: 'approve' as const, meetingDate: '2025-06-02' }];
    expect(checkReviewGate({ amountWan: '600000', signingDate: '2025-06-01', rule, reviews: later })).not.toBeNull();
    const ok = [{ decision: 'approve' as const, meetingDate: '2025-05-20' }];
    expect(checkReviewGate({ amountWan: '600000', signingDate: '2025-06-01', rule, reviews: ok })).toBeNull();
  });
  it('follows the latest decision: a deferral after an approval blocks', () => {
    const reviews = [
      { decision: 'approve' as const, meetingDate: '2025-05-01' },
      { decision: 'defer' as const, meetingDate: '2025-05-15' },
    ];
    expect(checkReviewGate({ amountWan: '600000', signingDate: '2025-06-01', rule, reviews })?.zh).toContain('暂缓');
  });
});
