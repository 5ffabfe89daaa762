import { describe, expect, test } from 'vitest';
import {
  type Deployment,
  type LeaderQuotaRule,
  leaderQuotaProgress,
  outOn,
  peopleSent,
  type QuotaActivity,
  type QuotaProject,
  stationedTeams,
} from './quotas';

const LIAOYUAN: LeaderQuotaRule = {
  tripsPerYear: 5,
  signedProjects: 5,
  signedMinWan: '5000',
  landedProjects: 2,
  industrialSections: ['B', 'C', 'D'],
};

let seq = 0;
function trip(leaderName: string, startDate: string, projectIds: string[] = []): QuotaActivity {
  return { id: `a${++seq}`, kind: 'trip', leaderName, startDate, projectIds };
}
function project(id: string, overrides: Partial<QuotaProject> = {}): QuotaProject {
  return {
    id,
    code: id,
    name: id,
    stage: 'signed',
    totalInvestmentWan: '5000',
    registeredDate: null,
    startDate: null,
    productionDate: null,
    achievedDate: null,
    stageEnteredOn: '2025-03-01',
    industrySection: 'C',
    signingDate: '2025-03-01',
    responsibleLeader: null,
    ...overrides,
  };
}

describe('leader quotas (liaoyuan §二)', () => {
  test('counts trips led in the year, the industrial ≥5000万元 projects signed and the projects landed', () => {
    const activities = [
      trip('王县长', '2025-02-10', ['p1']),
      trip('王县长', '2025-04-01'),
      trip('王县长', '2024-12-30'), // last year: not a 2025 trip, but its results still belong to him
      { id: 'x', kind: 'expo' as const, leaderName: '王县长', startDate: '2025-05-01', projectIds: ['p2'] },
      trip('李区长', '2025-06-01', ['p5']),
    ];
    const projects = [
      project('p1'), // via trip, 5000万 exactly, manufacturing: counts
      project('p2', { totalInvestmentWan: '4999.99' }), // too small
      project('p3', { responsibleLeader: '王县长', industrySection: 'I' }), // software: not industrial
      project('p4', {
        responsibleLeader: ' 王 县长 ',
        stage: 'registered',
        registeredDate: '2025-09-09',
        signingDate: '2024-11-01',
      }), // signed last year, landed this year
      project('p5'), // 李区长's
      project('p6', { responsibleLeader: '王县长', stage: 'terminated' }), // terminated: no credit
    ];
    const [li, wang] = leaderQuotaProgress({ year: 2025, rule: LIAOYUAN, activities, projects });
    expect(wang).toEqual({
      leaderName: '王县长',
      trips: { done: 2, required: 5, met: false },
      signed: { done: 1, required: 5, met: false, projectIds: ['p1'] },
      landed: { done: 1, required: 2, met: false, projectIds: ['p4'] },
    });
    expect(li).toMatchObject({ leaderName: '李区长', trips: { done: 1 }, signed: { done: 1, projectIds: ['p5'] } });
  });

  test('five trips meet the trip quota; Traditional spelling of a name is the same leader', () => {
    const activities = ['01', '03', '05', '07', '09'].map((m) =>
      trip(m === '09' ? '張市長' : '张市长', `2025-${m}-15`),
    );
    const [row, ...rest] = leaderQuotaProgress({ year: 2025, rule: LIAOYUAN, activities, projects: [] });
    expect(rest).toEqual([]);
    expect(row!.trips).toEqual({ done: 5, required: 5, met: true });
  });

  test('without a rule in force the counts stand and nothing is required', () => {
    const [row] = leaderQuotaProgress({ year: 2025, rule: null, activities: [trip('甲', '2025-01-01')], projects: [] });
    expect(row!.trips).toEqual({ done: 1, required: null, met: null });
  });

  test('a leader named only in extraLeaders shows with zeros', () => {
    const rows = leaderQuotaProgress({
      year: 2025,
      rule: LIAOYUAN,
      activities: [],
      projects: [],
      extraLeaders: ['赵县长'],
    });
    expect(rows).toEqual([
      {
        leaderName: '赵县长',
        trips: { done: 0, required: 5, met: false },
        signed: { done: 0, required: 5, met: false, projectIds: [] },
        landed: { done: 0, required: 2, met: false, projectIds: [] },
      },
    ]);
  });
});

describe('stationed teams (jiangmen §(九)) and people sent (jiaxing §二(三)11)', () => {
  const teams: Deployment[] = [
    { destination: '上海', members: ['甲', '乙'], fromDate: '2025-01-01', toDate: '2025-03-31' },
    { destination: '深圳市南山区', members: ['乙', '丙'], fromDate: '2025-03-01', toDate: null },
    { destination: '成都', members: ['丁'], fromDate: '2025-02-01', toDate: null },
    { destination: '北京', members: ['戊'], fromDate: '2024-05-01', toDate: '2024-12-31' },
  ];
  test('a team is out from its first to its last day inclusive', () => {
    expect(outOn(teams[0]!, '2025-03-31')).toBe(true);
    expect(outOn(teams[0]!, '2025-04-01')).toBe(false);
    expect(outOn(teams[1]!, '2030-01-01')).toBe(true);
  });
  test('teams out on a date against the minimum of 10', () => {
    expect(stationedTeams(teams, '2025-03-15', 10)).toEqual({ done: 3, required: 10, met: false });
    expect(stationedTeams(teams, '2025-04-01', 2)).toEqual({ done: 2, required: 2, met: true });
  });
  test('distinct people sent in the year to the named cities', () => {
    const cities = ['北京', '上海', '深圳', '苏州'];
    expect(peopleSent(teams, 2025, cities, 30)).toEqual({
      done: 3,
      required: 30,
      met: false,
      people: ['丙', '甲', '乙'],
    });
    expect(peopleSent(teams, 2024, cities, 1)).toEqual({ done: 1, required: 1, met: true, people: ['戊'] });
  });
});
