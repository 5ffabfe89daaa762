/**
 * Word lists for realistic Chinese enterprise and project names, report texts and people.
 * Simplified characters only. Industries carry their GB/T 4754-2017 division.
 */

export interface IndustryTheme {
  /** GB/T 4754-2017 division (大类). */
  division: string;
  /** Industry words that sit between 字号 and legal form: 恒信「汽车零部件」有限公司. */
  words: readonly string[];
  /** What a project builds: 「汽车轻量化铝合金部件」项目. */
  products: readonly string[];
  /** Output unit for 年产 names, or null when the product is not counted. */
  outputUnit: string | null;
  /** 万元 of investment per 亩 of land; null for projects that need no land. */
  wanPerMu: number | null;
  weight: number;
}

export const INDUSTRY_THEMES: readonly IndustryTheme[] = [
  {
    division: '36',
    words: ['汽车零部件', '汽车电子', '汽车部件', '车桥'],
    products: ['汽车零部件生产基地', '新能源汽车电驱动系统', '汽车轻量化铝合金部件', '汽车线束', '汽车座椅总成'],
    outputUnit: '万套',
    wanPerMu: 150,
    weight: 9,
  },
  {
    division: '38',
    words: ['新能源科技', '电池科技', '储能技术', '电气'],
    products: ['锂电池正极材料', '储能电池系统集成', '动力电池模组', '智能电网设备', '光伏组件'],
    outputUnit: 'GWh',
    wanPerMu: 200,
    weight: 10,
  },
  {
    division: '39',
    words: ['电子科技', '半导体', '光电科技', '微电子'],
    products: ['半导体封装测试', '光电显示模组', '电子元器件', '智能终端', '传感器芯片'],
    outputUnit: '万片',
    wanPerMu: 260,
    weight: 6,
  },
  {
    division: '27',
    words: ['医药', '生物科技', '药业', '制药'],
    products: ['中药饮片加工', '生物制药产业化', '原料药及制剂', '人参精深加工', '医疗器械'],
    outputUnit: '吨',
    wanPerMu: 180,
    weight: 8,
  },
  {
    division: '13',
    words: ['食品', '粮油', '农产品加工', '肉业'],
    products: ['玉米深加工', '肉牛屠宰及精深加工', '杂粮精深加工', '冷链食品加工', '马铃薯淀粉加工'],
    outputUnit: '万吨',
    wanPerMu: 80,
    weight: 8,
  },
  {
    division: '15',
    words: ['酒业', '饮品', '葡萄酒业'],
    products: ['酒庄及葡萄种植基地', '白酒酿造', '饮用水及饮料生产线'],
    outputUnit: '千升',
    wanPerMu: 90,
    weight: 2,
  },
  {
    division: '26',
    words: ['化工', '新材料', '精细化工'],
    products: ['高性能新材料', '精细化学品', '氢能及燃料电池材料', '有机硅材料', '电子化学品'],
    outputUnit: '万吨',
    wanPerMu: 160,
    weight: 6,
  },
  {
    division: '32',
    words: ['铝业', '有色金属', '金属材料'],
    products: ['高端铝合金型材', '有色金属精深加工', '铜箔生产'],
    outputUnit: '万吨',
    wanPerMu: 140,
    weight: 4,
  },
  {
    division: '30',
    words: ['建材', '新型建材', '玻璃'],
    products: ['装配式建筑构件', '新型墙体材料', '特种玻璃'],
    outputUnit: '万立方米',
    wanPerMu: 70,
    weight: 3,
  },
  {
    division: '34',
    words: ['机械', '重工', '装备制造'],
    products: ['高端装备制造基地', '工业机器人', '数控机床', '液压件生产'],
    outputUnit: '台',
    wanPerMu: 130,
    weight: 5,
  },
  {
    division: '35',
    words: ['智能装备', '专用设备', '农机'],
    products: ['智能农机装备', '环保专用设备', '矿山装备再制造'],
    outputUnit: '台',
    wanPerMu: 120,
    weight: 3,
  },
  {
    division: '17',
    words: ['纺织', '纺织科技'],
    products: ['功能性纺织面料', '高档纺织品', '纺纱及织造'],
    outputUnit: '万米',
    wanPerMu: 90,
    weight: 3,
  },
  {
    division: '18',
    words: ['袜业', '服饰', '针织'],
    products: ['智能袜业产业园', '品牌服饰生产基地', '针织服装加工'],
    outputUnit: '万双',
    wanPerMu: 60,
    weight: 3,
  },
  {
    division: '44',
    words: ['新能源', '风电', '光伏发电', '能源'],
    products: ['风电场', '光伏发电', '风光储一体化', '源网荷储一体化', '生物质热电联产'],
    outputUnit: null,
    wanPerMu: 300,
    weight: 7,
  },
  {
    division: '65',
    words: ['信息技术', '数字科技', '软件', '网络科技'],
    products: ['数据中心', '工业互联网平台', '软件研发中心', '算力中心', '数字经济产业园'],
    outputUnit: null,
    wanPerMu: null,
    weight: 5,
  },
  {
    division: '59',
    words: ['物流', '供应链管理', '仓储'],
    products: ['冷链物流园', '智慧物流仓储中心', '陆港物流枢纽', '农产品集散中心'],
    outputUnit: null,
    wanPerMu: 60,
    weight: 5,
  },
  {
    division: '01',
    words: ['农业发展', '农业科技', '种业'],
    products: ['现代农业产业园', '设施农业基地', '高标准蔬菜基地', '种业研发基地'],
    outputUnit: null,
    wanPerMu: 10,
    weight: 4,
  },
  {
    division: '03',
    words: ['牧业', '畜牧'],
    products: ['肉牛养殖基地', '万头奶牛牧场', '生猪养殖'],
    outputUnit: '头',
    wanPerMu: 25,
    weight: 3,
  },
  {
    division: '72',
    words: ['文化旅游', '旅游开发', '商业管理'],
    products: ['文旅综合体', '康养度假区', '冰雪旅游小镇', '特色商业街区'],
    outputUnit: null,
    wanPerMu: 50,
    weight: 4,
  },
  {
    division: '77',
    words: ['环保科技', '环境工程', '再生资源'],
    products: ['固废综合利用', '污水处理及中水回用', '废旧电池回收利用'],
    outputUnit: '万吨',
    wanPerMu: 90,
    weight: 2,
  },
];

/** First and second characters of 字号 (trade names): 恒 + 信 → 恒信. */
export const TRADE_NAME_FIRST = [
  ...'恒华鑫泰宏瑞源盛嘉金通天中新东博远宇昊润安亚兴丰凯锦永德百海光力顺立弘捷汇鼎晟铭星腾航正合欣俊奥坤晨圣富',
];
export const TRADE_NAME_SECOND = [
  ...'信达隆昌泰源盛达通远华邦科润丰利安成鑫诚凯悦翔辉宇岳晟宏锐创航立顺祥康和威胜峰茂铭洋嘉森益旺',
];

export const LEGAL_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['有限公司', 60],
  ['股份有限公司', 15],
  ['有限责任公司', 10],
  ['集团有限公司', 10],
  ['集团股份有限公司', 5],
];

/** Regions outside the platform's tree that investors often come from: prefix, GB/T 2260 code. */
export const OUTSIDE_REGIONS: ReadonlyArray<readonly [string, string]> = [
  ['北京', '110000'],
  ['上海', '310000'],
  ['天津', '120000'],
  ['深圳市', '440300'],
  ['广州', '440100'],
  ['杭州', '330100'],
  ['宁波', '330200'],
  ['苏州', '320500'],
  ['无锡', '320200'],
  ['南京', '320100'],
  ['成都', '510100'],
  ['武汉', '420100'],
  ['青岛', '370200'],
  ['厦门', '350200'],
  ['长沙', '430100'],
  ['西安', '610100'],
  ['沈阳', '210100'],
  ['大连', '210200'],
  ['哈尔滨', '230100'],
  ['合肥', '340100'],
];

export const FOREIGN_COUNTRIES: ReadonlyArray<{
  code: string;
  prefix: string;
  names: readonly string[];
  form: string;
}> = [
  {
    code: 'DE',
    prefix: '德国',
    names: ['施密特', '瓦格纳', '霍夫曼', '贝克尔', '舒尔茨', '克莱因', '沃尔夫'],
    form: '股份公司',
  },
  { code: 'JP', prefix: '日本', names: ['山田', '松本', '住野', '高桥', '丰和', '三和', '大和'], form: '株式会社' },
  { code: 'US', prefix: '美国', names: ['哈里森', '威尔逊', '安德森', '卡特', '摩尔', '布鲁克'], form: '公司' },
  { code: 'KR', prefix: '韩国', names: ['韩星', '大元', '东亚', '世宇', '晓成', '新元'], form: '株式会社' },
];

export const PHASES = ['', '', '', '（一期）', '（二期）', '扩建'] as const;

export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
export const GIVEN_NAMES = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文斌辉鹏宇浩亮晨欣怡佳琪海波鑫凯雪梅',
];

export const LEADER_TITLES = ['副市长', '副县长', '副区长', '党工委副书记', '副厅长', '副局长', '主任'] as const;

export const PROGRESS_TEXTS: Record<string, readonly string[]> = {
  negotiating: [
    '与企业就项目选址、用地规模和配套政策进行洽谈，双方已形成初步共识。',
    '企业高层来我地实地考察项目选址，对基础设施和产业配套表示认可。',
    '赴企业总部开展对接，介绍我地资源禀赋和产业基础，企业表示将加快内部论证。',
    '组织有关部门与企业召开专题对接会，研究项目用地、用能需求。',
  ],
  intent: [
    '企业已提交投资意向书，正在细化合作条件和投资协议文本。',
    '双方就协议核心条款达成一致，待企业董事会审议。',
    '完成项目可行性研究报告初稿，正在组织专家论证。',
  ],
  signed: [
    '投资协议已签订，正在办理公司注册和项目备案手续。',
    '协调项目用地，完成土地组卷报批材料。',
    '组建项目包保专班，推进前期手续办理。',
  ],
  registered: [
    '项目公司已注册，完成立项备案，正在办理用地规划许可。',
    '完成施工图设计审查，正在办理施工许可。',
    '完成土地摘牌，正在开展场地平整。',
  ],
  started: [
    '厂房主体结构施工中，本月完成投资约{funds}万元。',
    '主要设备采购合同已签订，部分设备进场安装。',
    '综合办公楼封顶，生产车间钢结构吊装完成。',
  ],
  producing: [
    '一期生产线投入试运行，本月实现产值约{funds}万元。',
    '产能逐步释放，新增就业岗位，企业正在推进二期建设论证。',
    '项目达产达效评估准备中，企业运营平稳。',
  ],
};

export const NO_PROGRESS_TEXTS = [
  '本月与企业保持电话联系，暂无实质性进展。',
  '企业内部投资决策尚未完成，等待企业反馈。',
  '受企业资金安排影响，项目推进暂缓。',
  '企业负责人调整，对接工作暂停。',
] as const;

export const PROBLEMS = [
  '项目用地指标紧张，需上级协调解决。',
  '环评审批周期较长，影响开工进度。',
  '企业融资进度滞后。',
  '配套电力增容需协调供电部门。',
  '园区道路和管网等基础设施尚不完善。',
  '企业对优惠政策兑现方式有疑虑。',
] as const;
