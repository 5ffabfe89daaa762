import { describe, expect, it } from 'vitest';
import { type Candidate, rankCandidates, scoreCandidate } from './recommend';

/** Segment: 高端纱线研发制造 (upstream of Liaoyuan socks), divisions 17 纺织业 and 28 化学纤维. */
const yarn = { divisions: ['17', '28'], keywords: ['纱线'] };

const base: Omit<Candidate, 'id' | 'name'> = {
  industrySection: null,
  industryDivision: null,
  tags: [],
  registeredCapitalWan: null,
  investsInProvince: false,
  contacted: false,
};

/** A fixed data set; each comment carries the hand-computed score. */
const candidates: Candidate[] = [
  // division 17 (40) + top500 (20) + listed (10) + capital 150000 ≥ 100000 (15) = 85
  {
    ...base,
    id: 'a',
    name: '恒力纺织集团',
    industrySection: 'C',
    industryDivision: '17',
    tags: ['china_top_500', 'listed'],
    registeredCapitalWan: '150000',
  },
  // division 28 (40) + specialized (10) + capital 5000 ≥ 1000 (5) + province (10) + contact (5) = 70
  {
    ...base,
    id: 'b',
    name: '吉林化纤纱线有限公司',
    industrySection: 'C',
    industryDivision: '28',
    tags: ['specialized'],
    registeredCapitalWan: '5000',
    investsInProvince: true,
    contacted: true,
  },
  // keyword 纱线 without division (25) + capital 20000 ≥ 10000 (10) + listed (10) = 45
  { ...base, id: 'c', name: '华孚纱线股份有限公司', tags: ['listed'], registeredCapitalWan: '20000' },
  // section C via division 18 (15) + fortune 500 (20) + capital 999.99 < 1000 (0) = 35
  {
    ...base,
    id: 'd',
    name: '安踏服饰有限公司',
    industrySection: 'C',
    industryDivision: '18',
    tags: ['fortune_global_500'],
    registeredCapitalWan: '999.99',
  },
  // division 17 (40) = 40; ties with nobody
  { ...base, id: 'e', name: '辽源袜业有限公司', industrySection: 'C', industryDivision: '17' },
  // section I, no keyword: does not fit at all, whatever its tags
  {
    ...base,
    id: 'f',
    name: '阿里巴巴网络技术有限公司',
    industrySection: 'I',
    industryDivision: '64',
    tags: ['fortune_global_500', 'listed'],
    registeredCapitalWan: '1000000',
  },
  // keyword (25) + province (10) = 35: ties with d on score, d wins on nothing (15 < 25): g first
  { ...base, id: 'g', name: '东丰纱线加工厂', investsInProvince: true },
];

describe('targeted recommendations', () => {
  it('ranks the fixed data set in the hand-computed order with the hand-computed scores', () => {
    const ranked = rankCandidates(yarn, candidates);
    expect(ranked.map((r) => [r.candidate.id, r.score])).toEqual([
      ['a', 85],
      ['b', 70],
      ['c', 45],
      ['e', 40],
      ['g', 35],
      ['d', 35],
    ]);
  });

  it('shows the parts of each score, which add up to it', () => {
    const [first, second] = rankCandidates(yarn, candidates);
    expect(first!.parts.map((p) => [p.key, p.points])).toEqual([
      ['industry', 40],
      ['top500', 20],
      ['listed', 10],
      ['size', 15],
    ]);
    expect(second!.parts.map((p) => p.key)).toEqual(['industry', 'specialized', 'size', 'province', 'contact']);
    expect(second!.parts[0]!.reason.zh).toBe('行业大类 28 与环节一致');
    for (const r of rankCandidates(yarn, candidates)) {
      expect(r.parts.reduce((s, p) => s + p.points, 0)).toBe(r.score);
    }
  });

  it('leaves out an enterprise whose industry does not fit, however big', () => {
    expect(scoreCandidate(yarn, candidates[5]!)).toBeNull();
  });

  it('is deterministic: input order does not change the ranking; equal scores break by name then id', () => {
    const forward = rankCandidates(yarn, candidates).map((r) => r.candidate.id);
    const backward = rankCandidates(yarn, [...candidates].reverse()).map((r) => r.candidate.id);
    expect(backward).toEqual(forward);
    const twins = [
      { ...base, id: 'z', name: '纺织二号', industryDivision: '17' },
      { ...base, id: 'y', name: '纺织一号', industryDivision: '17' },
      { ...base, id: 'x', name: '纺织一号', industryDivision: '17' },
    ];
    expect(rankCandidates(yarn, twins).map((r) => r.candidate.id)).toEqual(['x', 'y', 'z']);
  });

  it('compares capital as decimals: 999.99万 is below the 1000万 band, 1000.00万 is in it', () => {
    const small = scoreCandidate(yarn, { ...base, id: 's', name: '纱线一', registeredCapitalWan: '999.99' })!;
    const edge = scoreCandidate(yarn, { ...base, id: 't', name: '纱线二', registeredCapitalWan: '1000.00' })!;
    expect(small.score).toBe(25);
    expect(edge.score).toBe(30);
  });

  it('honours the limit', () => {
    expect(rankCandidates(yarn, candidates, 2).map((r) => r.candidate.id)).toEqual(['a', 'b']);
  });
});
