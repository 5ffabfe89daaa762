import { describe, expect, it } from 'vitest';
import { arbiterRegionCode, classifyDuplicate, duplicateOutcome, sameEnterprise } from './duplicates';
import { nameCore } from './names';

describe('duplicates across regions', () => {
  it('the same enterprise by credit code, or by name core across region prefixes, legal forms and Traditional script', () => {
    const a = { creditCode: '91320700134567890X', nameCore: nameCore('江苏恒瑞医药股份有限公司') };
    expect(sameEnterprise(a, { creditCode: '91320700134567890X', nameCore: 'x' })).toBe(true);
    expect(sameEnterprise(a, { creditCode: null, nameCore: nameCore('嘉興恒瑞醫藥有限公司') })).toBe(true);
    expect(sameEnterprise(a, { creditCode: null, nameCore: nameCore('连云港恒瑞医药有限公司') })).toBe(true);
    expect(sameEnterprise(a, { creditCode: '91330400MA2B000000', nameCore: nameCore('恒瑞物流有限公司') })).toBe(false);
    expect(sameEnterprise({ nameCore: '' }, { nameCore: '' })).toBe(false);
  });

  const other = { firstRegionCode: '330411', exclusivityEndsOn: '2025-04-10' };
  it('inside another region’s window: conflict; on its last day too; the day after: warning', () => {
    expect(classifyDuplicate(other, { firstRegionCode: '330402' }, '2025-04-09')).toBe('conflict');
    expect(classifyDuplicate(other, { firstRegionCode: '330402' }, '2025-04-10')).toBe('conflict');
    expect(classifyDuplicate(other, { firstRegionCode: '330402' }, '2025-04-11')).toBe('warning');
  });

  it('the same region, or a candidate without a window, is only a warning', () => {
    expect(classifyDuplicate(other, { firstRegionCode: '330411' }, '2025-04-01')).toBe('warning');
    expect(classifyDuplicate({ ...other, exclusivityEndsOn: null }, { firstRegionCode: '330402' }, '2025-04-01')).toBe(
      'warning',
    );
  });

  it('any conflict wins; nothing found is null', () => {
    expect(duplicateOutcome([])).toBeNull();
    expect(duplicateOutcome(['warning', 'warning'])).toBe('warning');
    expect(duplicateOutcome(['warning', 'conflict'])).toBe('conflict');
  });

  it('the arbiter is the lowest region over both', () => {
    expect(arbiterRegionCode('/000000/330000/330400/330402/', '/000000/330000/330400/330411/')).toBe('330400');
    expect(arbiterRegionCode('/000000/330000/330400/', '/000000/330000/330400/330411/')).toBe('330400');
    expect(arbiterRegionCode('/000000/330000/330400/', '/000000/220000/220400/')).toBe('000000');
    expect(arbiterRegionCode('/000000/220000/220400/220421/', '/000000/220000/220400/2204Z1/')).toBe('220400');
  });
});
