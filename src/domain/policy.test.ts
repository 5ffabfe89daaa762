import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inForce, parsePolicyPack, type PolicyPack, resolvePolicy } from './policy';

const dir = path.resolve(import.meta.dirname, '../../policies');
const packs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parsePolicyPack(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f));
const LIAOYUAN = ['000000', '220000', '220400'];
const DONGFENG = [...LIAOYUAN, '220421'];

describe('policy packs', () => {
  it('all five jurisdictions have a valid pack, every parameter citing its clause', () => {
    expect(packs.map((p) => p.id).sort()).toEqual(['gansu', 'jiangmen', 'jiaxing', 'jilin', 'liaoyuan']);
    for (const p of packs) {
      for (const param of Object.values(p.params)) expect(param?.source).toMatch(new RegExp(`^${p.id} `));
    }
  });

  it('Liaoyuan inherits Jilin and adds its own; a county below inherits both', () => {
    const eff = resolvePolicy(packs, DONGFENG, '2025-08-01');
    expect(eff.stalledMonths).toMatchObject({ value: 6, packId: 'jilin', source: 'jilin §三(一)' });
    expect(eff.reportDueDay).toMatchObject({ value: 20, packId: 'liaoyuan', regionCode: '220400' });
    expect(eff.escalationThresholdWan?.value).toBe('50000');
  });

  it('stalled redirect is Jilin’s (jilin §三(一)): inherited by Liaoyuan’s counties, absent elsewhere', () => {
    expect(resolvePolicy(packs, DONGFENG, '2025-08-01').stalledRedirect).toMatchObject({
      value: true,
      packId: 'jilin',
    });
    expect(resolvePolicy(packs, DONGFENG, '2025-04-01').stalledRedirect).toBeUndefined(); // before 吉政发〔2025〕7号
    expect(resolvePolicy(packs, ['000000', '330000', '330400'], '2025-08-01').stalledRedirect).toBeUndefined();
  });

  it('judges by the pack in force on the date of the event', () => {
    // Liaoyuan's pack starts on 2025-07-07: the day before, the platform default applies.
    expect(resolvePolicy(packs, LIAOYUAN, '2025-07-06').reportDueDay).toMatchObject({ value: 25, packId: null });
    expect(resolvePolicy(packs, LIAOYUAN, '2025-07-07').reportDueDay).toMatchObject({ value: 20, packId: 'liaoyuan' });
    // Jiaxing's pack runs 2024-04-01 to 2025-12-31 inclusive.
    const jx = ['000000', '330000', '330400'];
    expect(resolvePolicy(packs, jx, '2024-03-31').firstReport).toBeUndefined();
    expect(resolvePolicy(packs, jx, '2024-04-01').firstReport?.value.exclusivityMonths).toBe(1);
    expect(resolvePolicy(packs, jx, '2025-12-31').firstReport?.value.totalInvestmentWan).toBe('100000');
    expect(resolvePolicy(packs, jx, '2026-01-01').firstReport).toBeUndefined();
  });

  it('refuses an invalid pack naming the path', () => {
    const bad = { ...packs[0], params: { reportDueDay: { value: 40, source: 'x §1' } } };
    expect(() => parsePolicyPack(bad, 'bad.json')).toThrow(/params\.reportDueDay\.value/);
    expect(() => parsePolicyPack({ ...packs[0], validTo: '2000-01-01' }, 'bad.json')).toThrow(/validTo/);
  });
});

const arbDate = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const arbPack = (regionCode: string, id: string) =>
  fc
    .record({
      from: arbDate,
      len: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
      due: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
      stalled: fc.option(fc.integer({ min: 1, max: 36 }), { nil: undefined }),
    })
    .map(({ from, len, due, stalled }): PolicyPack => {
      const to = len === null ? null : new Date(Date.parse(from) + len * 86400_000).toISOString().slice(0, 10);
      return {
        id,
        name: { zh: id, en: id },
        document: id,
        regionCode,
        validFrom: from,
        validTo: to,
        params: {
          ...(due ? { reportDueDay: { value: due, source: `${id} §1` } } : {}),
          ...(stalled ? { stalledMonths: { value: stalled, source: `${id} §2` } } : {}),
        },
      };
    });

describe('policy resolution (properties)', () => {
  const lineage = ['000000', '220000', '220400'];
  const arbPacks = fc.tuple(arbPack('220000', 'prov'), arbPack('220400', 'city'), arbPack('330400', 'other'));

  it('does not depend on the order packs are listed in', () => {
    fc.assert(
      fc.property(arbPacks, arbDate, ([a, b, c], date) => {
        expect(resolvePolicy([a, b, c], lineage, date)).toEqual(resolvePolicy([c, b, a], lineage, date));
      }),
    );
  });

  it('takes each value from the deepest pack in force that sets it, never from another branch', () => {
    fc.assert(
      fc.property(arbPacks, arbDate, ([prov, city, other], date) => {
        const eff = resolvePolicy([prov, city, other], lineage, date);
        const expected =
          inForce(city, date) && city.params.reportDueDay
            ? 'city'
            : inForce(prov, date) && prov.params.reportDueDay
              ? 'prov'
              : null;
        expect(eff.reportDueDay?.packId ?? null).toBe(expected);
        expect(eff.stalledMonths?.packId).not.toBe('other');
      }),
    );
  });
});
