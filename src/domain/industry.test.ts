import { describe, expect, it } from 'vitest';
import raw from './gbt4754-2017.json';
import {
  checkIndustry,
  findDivision,
  findSection,
  industryTree,
  parseIndustryClassification,
  sectionOfDivision,
} from './industry';

describe('GB/T 4754-2017 data', () => {
  it('has the 20 sections A–T and the 97 divisions 01–97 in order', () => {
    const tree = industryTree();
    expect(tree.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    const divisions = tree.flatMap((s) => s.divisions.map((d) => d.code));
    expect(divisions).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('carries known entries in both languages', () => {
    expect(findSection('C')).toMatchObject({ zh: '制造业', en: 'Manufacturing' });
    expect(findDivision('39')).toMatchObject({ zh: '计算机、通信和其他电子设备制造业' });
    expect(findDivision('27')?.zh).toBe('医药制造业');
    expect(findDivision('65')?.zh).toBe('软件和信息技术服务业');
    expect(findSection('I')?.zh).toBe('信息传输、软件和信息技术服务业');
    expect(findDivision('97')?.zh).toBe('国际组织');
    // Section sizes in the standard.
    const sizes = Object.fromEntries(industryTree().map((s) => [s.code, s.divisions.length]));
    expect(sizes).toMatchObject({ A: 5, B: 7, C: 31, D: 3, G: 8, K: 1, S: 6, T: 1 });
  });

  it('finds the section of a division', () => {
    expect(sectionOfDivision('39')?.code).toBe('C');
    expect(sectionOfDivision('05')?.code).toBe('A');
    expect(sectionOfDivision('70')?.code).toBe('K');
    expect(sectionOfDivision('98')).toBeUndefined();
  });

  it('refuses a malformed document', () => {
    expect(() => parseIndustryClassification({ ...raw, sections: [{ code: 'Z', zh: 'x', en: 'x' }] })).toThrow();
    const duplicated = { ...raw, sections: [...raw.sections, raw.sections[0]] };
    expect(() => parseIndustryClassification(duplicated)).toThrow(/twice/);
  });
});

describe('checkIndustry', () => {
  it('accepts a division of its section, or either alone', () => {
    expect(checkIndustry('C', '39')).toBeNull();
    expect(checkIndustry('C', null)).toBeNull();
    expect(checkIndustry(null, '39')).toBeNull();
    expect(checkIndustry(undefined, undefined)).toBeNull();
  });

  it('names the wrong field in both languages', () => {
    expect(checkIndustry('Z', null)).toMatchObject({ field: 'industrySection' });
    expect(checkIndustry('C', '99')).toMatchObject({ field: 'industryDivision' });
    expect(checkIndustry('I', '39')).toMatchObject({
      field: 'industryDivision',
      zh: '行业大类 39 属于门类 C 制造业，不属于门类 I',
      en: expect.stringContaining('belongs to section C'),
    });
  });
});
