import { describe, expect, it } from 'vitest';
import { keyChainShare, percentOf, periodOf, ratioToPercent } from './chain-indicators';

const p = (signingDate: string | null, totalInvestmentWan: string, onKeyChain: boolean, stage = 'signed') => ({
  signingDate,
  totalInvestmentWan,
  onKeyChain,
  stage,
});

describe('key-chain investment share', () => {
  it('names periods by year, quarter and month', () => {
    expect(periodOf('2024-03-31', 'year')).toBe('2024');
    expect(periodOf('2024-03-31', 'quarter')).toBe('2024-Q1');
    expect(periodOf('2024-04-01', 'quarter')).toBe('2024-Q2');
    expect(periodOf('2024-12-01', 'quarter')).toBe('2024-Q4');
    expect(periodOf('2024-07-09', 'month')).toBe('2024-07');
  });

  it('rounds percentages half up exactly', () => {
    expect(percentOf(1n, 3n)).toBe('33.33');
    expect(percentOf(2n, 3n)).toBe('66.67');
    expect(percentOf(1n, 8n)).toBe('12.50');
    expect(percentOf(1n, 1n)).toBe('100.00');
    expect(ratioToPercent(0.8)).toBe('80.00');
  });

  it('computes the Jiangmen share per quarter against 80%, leaving out unsigned and terminated projects', () => {
    const rows = keyChainShare(
      [
        p('2024-01-15', '40000.50', true),
        p('2024-02-01', '9999.50', false),
        p('2024-03-30', '0.10', true, 'started'),
        p('2024-05-01', '30000', true),
        p('2024-06-01', '10000', false),
        p('2024-06-02', '999999', false, 'terminated'),
        p(null, '5000000', false, 'negotiating'),
      ],
      'quarter',
      '80.00',
    );
    expect(rows).toEqual([
      {
        period: '2024-Q1',
        projects: 3,
        keyChainProjects: 2,
        totalWan: '50000.1',
        keyChainWan: '40000.6',
        sharePercent: '80.00', // 40000.6 / 50000.1 = 0.800010… → 80.00, meets
        meetsTarget: true,
      },
      {
        period: '2024-Q2',
        projects: 2,
        keyChainProjects: 1,
        totalWan: '40000',
        keyChainWan: '30000',
        sharePercent: '75.00',
        meetsTarget: false,
      },
    ]);
  });

  it('has no verdict without a target, and no share for an empty period', () => {
    expect(keyChainShare([p('2025-01-01', '0', false)], 'year', null)).toEqual([
      {
        period: '2025',
        projects: 1,
        keyChainProjects: 0,
        totalWan: '0',
        keyChainWan: '0',
        sharePercent: null,
        meetsTarget: null,
      },
    ]);
  });
});
