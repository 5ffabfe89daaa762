import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldName, foldText, nameCore, pinyinFull, pinyinInitials } from './names';

// A verbatim copy of the Jiaxing notice as published: Traditional characters with inline pinyin.
const jiaxingPath = new URL('./__fixtures__/jiaxing-city-2024.txt', import.meta.url);

describe('foldText', () => {
  it('turns Traditional into Simplified (mainland forms)', () => {
    expect(foldText('華為技術有限公司')).toBe('华为技术有限公司');
    expect(foldText('著力引進')).toBe('着力引进');
  });

  it('turns full-width ASCII into half-width and keeps Chinese-only punctuation', () => {
    expect(foldText('ＡＢＣ１２３（中国）：有限公司，一、二。〔嘉兴港区〕')).toBe(
      'ABC123(中国):有限公司,一、二。〔嘉兴港区〕',
    );
  });

  it('strips inline pinyin after a character but keeps other brackets', () => {
    expect(foldText('各縣(市、區(qū))人民政府')).toBe('各县(市、区)人民政府');
    expect(foldText('發(fā)展')).toBe('发展');
    expect(foldText('項(xiàng)目（二）(China)')).toBe('项目(二)(China)');
  });

  it('collapses spaces, keeps line breaks, trims', () => {
    expect(foldText('  恒瑞　 医药\t\t股份 \r\n\r\n\r\n\r\n有限公司 ')).toBe('恒瑞 医药 股份\n\n有限公司');
    expect(foldName(' 恒瑞\n医药 ')).toBe('恒瑞 医药');
  });

  it('folds the whole Jiaxing notice into readable Simplified text', () => {
    const folded = foldText(fs.readFileSync(jiaxingPath, 'utf8'));
    expect(folded).toContain('嘉兴市进一步推动招大引强工作实施方案');
    expect(folded).toContain('浙江乍浦经济开发区〔嘉兴港区〕');
    expect(folded).toContain('首报首谈');
    expect(folded).toContain('各县(市、区)人民政府,市政府各部门、直属各单位');
    expect(folded).not.toMatch(/\p{Script=Han}\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/u);
    expect(folded).not.toMatch(/[區發實強進項]/u);
  });
});

describe('nameCore', () => {
  it.each([
    ['江苏恒瑞医药股份有限公司', '恒瑞医药'],
    ['江蘇恆瑞醫藥股份有限公司', '恒瑞医药'],
    ['恒瑞医药', '恒瑞医药'],
    ['重庆长安汽车股份有限公司', '长安汽车'],
    ['阿里巴巴（中国）有限公司', '阿里巴巴'],
    ['博世(中国)投资有限公司', '博世投资'],
    ['苏州昆山好孩子集团有限公司', '好孩子'],
    ['海尔集团公司', '海尔'],
    ['嘉兴市第一棉纺厂', '第一棉纺'],
    ['吉林省东丰县长丰药业有限公司', '长丰药业'],
    ['新疆维吾尔自治区天山集团', '天山'],
    ['延边朝鲜族自治州长白山有限公司', '长白山'],
    ['北京小米科技有限责任公司', '小米科技'],
    ['东方电气股份有限公司', '东方电气'],
    ['Siemens AG', 'siemens'],
    ['Bosch (China) Investment Co., Ltd.', 'bosch investment'],
    ['ＡＢＣ　科技 有限公司', 'abc科技'],
  ])('%s → %s', (name, core) => {
    expect(nameCore(name)).toBe(core);
  });

  it('never returns an empty core', () => {
    expect(nameCore('有限公司')).toBe('有限公司');
    expect(nameCore('嘉兴市公司')).toBe('嘉兴市');
  });

  it('gives the same core to the variants of one enterprise', () => {
    const variants = ['江苏恒瑞医药股份有限公司', '恒瑞医药股份有限公司', '连云港恒瑞医药有限公司', '江蘇恆瑞醫藥'];
    expect(new Set(variants.map(nameCore))).toEqual(new Set(['恒瑞医药']));
  });
});

describe('pinyin', () => {
  it('gives initials and full pinyin without tones', () => {
    expect(pinyinInitials('恒瑞医药')).toBe('hryy');
    expect(pinyinFull('恒瑞医药')).toBe('hengruiyiyao');
  });

  it('reads polyphonic characters in context and folds Traditional first', () => {
    expect(pinyinFull('重庆长安')).toBe('chongqingchangan');
    expect(pinyinInitials('銀行')).toBe('yh');
  });

  it('keeps latin letters and digits, drops punctuation', () => {
    expect(pinyinInitials('ABC（中国）3号')).toBe('abczg3h');
  });
});
