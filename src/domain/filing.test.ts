import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPreSigningFiling, latestFilingDate } from './filing';
import { parsePolicyPack, resolvePolicy } from './policy';

const dir = path.resolve(import.meta.dirname, '../../policies');
const packs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parsePolicyPack(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f));

describe('pre-signing filing (jiaxing §二(一)3)', () => {
  const param = resolvePolicy(packs, ['000000', '330000', '330400', '330411'], '2025-05-08').preSigningFiling!;
  const base = { signingDate: '2025-05-08', filings: [], hasException: false, rule: param.value, source: param.source };

  it('Jiaxing: a week before, from 10亿元', () => {
    expect(param).toMatchObject({ value: { days: 7, thresholdWan: '100000' }, source: 'jiaxing §二(一)3' });
    expect(latestFilingDate('2025-05-08', 7)).toBe('2025-05-01');
    expect(latestFilingDate('2025-03-03', 7)).toBe('2025-02-24');
  });

  it('below the threshold no filing is needed; exactly 10亿元 needs one', () => {
    expect(checkPreSigningFiling({ ...base, amountWan: '99999.9999' })).toEqual({ ok: true, basis: 'not_required' });
    const refused = checkPreSigningFiling({ ...base, amountWan: '100000' });
    expect(refused).toMatchObject({ ok: false, latestFilingDate: '2025-05-01' });
    if (!refused.ok) {
      expect(refused.error.zh).toContain('jiaxing §二(一)3');
      expect(refused.error.en).toContain('2025-05-01');
    }
  });

  it('filed exactly a week before passes; six days before is refused; eight days before passes', () => {
    const at = (filedOn: string) =>
      checkPreSigningFiling({ ...base, amountWan: '100000', filings: [{ filedOn, plannedSigningDate: '2025-05-08' }] });
    expect(at('2025-05-01')).toEqual({ ok: true, basis: 'filed' });
    expect(at('2025-05-02').ok).toBe(false);
    expect(at('2025-04-30')).toEqual({ ok: true, basis: 'filed' });
  });

  it('a filing for a later date does not cover a signing brought forward; a postponed one is covered', () => {
    const run = (planned: string, signing: string) =>
      checkPreSigningFiling({
        ...base,
        signingDate: signing,
        amountWan: '200000',
        filings: [{ filedOn: '2025-04-01', plannedSigningDate: planned }],
      }).ok;
    expect(run('2025-05-20', '2025-05-10')).toBe(false);
    expect(run('2025-05-10', '2025-05-20')).toBe(true);
  });

  it('a leader’s exception lets it through', () => {
    expect(checkPreSigningFiling({ ...base, amountWan: '100000', hasException: true })).toEqual({
      ok: true,
      basis: 'exception',
    });
  });

  it('no rule outside Jiaxing, nor in Jiaxing after the pack expired', () => {
    const liaoyuan = resolvePolicy(packs, ['000000', '220000', '220400'], '2025-08-01').preSigningFiling;
    expect(liaoyuan).toBeUndefined();
    expect(resolvePolicy(packs, ['000000', '330000', '330400'], '2026-01-01').preSigningFiling).toBeUndefined();
    expect(checkPreSigningFiling({ ...base, amountWan: '900000', rule: liaoyuan?.value })).toEqual({
      ok: true,
      basis: 'not_required',
    });
  });
});
