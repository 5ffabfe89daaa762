import type { units } from '../db/schema';

type UnitSeed = Pick<typeof units.$inferInsert, 'name' | 'nameEn' | 'kind' | 'regionCode'>;

/**
 * The units the seeds name as responsible for investment attraction, per jurisdiction:
 * commerce departments, investment promotion centres, industry departments and outposts.
 */
export const SEED_UNITS: UnitSeed[] = [
  { name: '平台运维中心', nameEn: 'Platform Operations', kind: 'other', regionCode: '000000' },
  // 吉林省 — jilin §一(一)(二)(三)
  { name: '吉林省商务厅', nameEn: 'Jilin Department of Commerce', kind: 'department', regionCode: '220000' },
  { name: '吉林省投资促进中心', nameEn: 'Jilin Investment Promotion Centre', kind: 'centre', regionCode: '220000' },
  {
    name: '吉林省工业和信息化厅',
    nameEn: 'Jilin Department of Industry and IT',
    kind: 'department',
    regionCode: '220000',
  },
  {
    name: '吉林省政府驻上海办事处',
    nameEn: 'Jilin Government Office in Shanghai',
    kind: 'outpost',
    regionCode: '220000',
  },
  {
    name: '吉林省政府驻北京办事处',
    nameEn: 'Jilin Government Office in Beijing',
    kind: 'outpost',
    regionCode: '220000',
  },
  {
    name: '吉林省政府驻深圳办事处',
    nameEn: 'Jilin Government Office in Shenzhen',
    kind: 'outpost',
    regionCode: '220000',
  },
  // 辽源市 — liaoyuan §二, §三
  { name: '辽源市商务局', nameEn: 'Liaoyuan Bureau of Commerce', kind: 'department', regionCode: '220400' },
  { name: '辽源市投资促进中心', nameEn: 'Liaoyuan Investment Promotion Centre', kind: 'centre', regionCode: '220400' },
  {
    name: '辽源市工业和信息化局',
    nameEn: 'Liaoyuan Bureau of Industry and IT',
    kind: 'department',
    regionCode: '220400',
  },
  {
    name: '辽源市发展和改革委员会',
    nameEn: 'Liaoyuan Development and Reform Commission',
    kind: 'department',
    regionCode: '220400',
  },
  {
    name: '辽源市自然资源局',
    nameEn: 'Liaoyuan Bureau of Natural Resources',
    kind: 'department',
    regionCode: '220400',
  },
  { name: '东丰县人民政府', nameEn: 'Dongfeng County Government', kind: 'government', regionCode: '220421' },
  { name: '东辽县人民政府', nameEn: 'Dongliao County Government', kind: 'government', regionCode: '220422' },
  { name: '龙山区人民政府', nameEn: 'Longshan District Government', kind: 'government', regionCode: '220402' },
  { name: '西安区人民政府', nameEn: 'Xi’an District Government', kind: 'government', regionCode: '220403' },
  {
    name: '辽源高新区管委会',
    nameEn: 'Liaoyuan High-tech Zone Administration',
    kind: 'zone_committee',
    regionCode: '2204Z1',
  },
  // 甘肃省 — gansu §(十二)(二十六)
  { name: '甘肃省商务厅', nameEn: 'Gansu Department of Commerce', kind: 'department', regionCode: '620000' },
  { name: '甘肃省经济合作中心', nameEn: 'Gansu Economic Cooperation Centre', kind: 'centre', regionCode: '620000' },
  { name: '兰州市商务局', nameEn: 'Lanzhou Bureau of Commerce', kind: 'department', regionCode: '620100' },
  { name: '兰州新区管委会', nameEn: 'Lanzhou New Area Administration', kind: 'zone_committee', regionCode: '6201Z1' },
  // 江门市 — jiangmen §(一)(九)
  { name: '江门市商务局', nameEn: 'Jiangmen Bureau of Commerce', kind: 'department', regionCode: '440700' },
  { name: '江门市投资促进中心', nameEn: 'Jiangmen Investment Promotion Centre', kind: 'centre', regionCode: '440700' },
  {
    name: '江门市驻深圳招商小分队',
    nameEn: 'Jiangmen Stationed Team in Shenzhen',
    kind: 'outpost',
    regionCode: '440700',
  },
  // 嘉兴市 — jiaxing §二(一)
  { name: '嘉兴市商务局', nameEn: 'Jiaxing Bureau of Commerce', kind: 'department', regionCode: '330400' },
  { name: '嘉兴市投资促进中心', nameEn: 'Jiaxing Investment Promotion Centre', kind: 'centre', regionCode: '330400' },
  {
    name: '嘉兴经济技术开发区管委会',
    nameEn: 'Jiaxing ETDZ Administration',
    kind: 'zone_committee',
    regionCode: '3304Z1',
  },
  { name: '平湖市商务局', nameEn: 'Pinghu Bureau of Commerce', kind: 'department', regionCode: '330482' },
];

/** Demo accounts: one per role, spread over several regions (password: DEMO_PASSWORD). */
export const DEMO_USERS: Array<{
  username: string;
  displayName: string;
  role: 'leader' | 'officer' | 'liaison' | 'viewer' | 'security' | 'auditor';
  unit: string;
}> = [
  { username: 'jilin.leader', displayName: '吉林省商务厅 王厅长', role: 'leader', unit: '吉林省商务厅' },
  { username: 'jilin.officer', displayName: '吉林省投促中心 李明', role: 'officer', unit: '吉林省投资促进中心' },
  { username: 'jilin.outpost', displayName: '驻沪办 周洁', role: 'officer', unit: '吉林省政府驻上海办事处' },
  { username: 'liaoyuan.leader', displayName: '辽源市 张市长', role: 'leader', unit: '辽源市商务局' },
  { username: 'liaoyuan.officer', displayName: '辽源市投促中心 刘洋', role: 'officer', unit: '辽源市投资促进中心' },
  { username: 'liaoyuan.liaison', displayName: '辽源市工信局 陈静', role: 'liaison', unit: '辽源市工业和信息化局' },
  { username: 'liaoyuan.viewer', displayName: '辽源市 观察员', role: 'viewer', unit: '辽源市商务局' },
  { username: 'dongfeng.officer', displayName: '东丰县 赵磊', role: 'officer', unit: '东丰县人民政府' },
  { username: 'gansu.leader', displayName: '甘肃省商务厅 马厅长', role: 'leader', unit: '甘肃省商务厅' },
  { username: 'gansu.officer', displayName: '甘肃省经合中心 杨帆', role: 'officer', unit: '甘肃省经济合作中心' },
  { username: 'jiangmen.leader', displayName: '江门市 黄局长', role: 'leader', unit: '江门市商务局' },
  { username: 'jiangmen.officer', displayName: '江门市投促中心 梁敏', role: 'officer', unit: '江门市投资促进中心' },
  { username: 'jiaxing.leader', displayName: '嘉兴市 沈局长', role: 'leader', unit: '嘉兴市商务局' },
  { username: 'jiaxing.officer', displayName: '嘉兴市投促中心 钱程', role: 'officer', unit: '嘉兴市投资促进中心' },
  { username: 'jiaxing.viewer', displayName: '嘉兴市 观察员', role: 'viewer', unit: '嘉兴市商务局' },
  // 三权分立: the security and audit administrators beside the system administrator `admin`.
  { username: 'security', displayName: '安全管理员', role: 'security', unit: '平台运维中心' },
  { username: 'auditor', displayName: '审计管理员', role: 'auditor', unit: '平台运维中心' },
];
