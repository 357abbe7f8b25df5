import type { MediationAgreementDocumentInput, PetitionOpinionDocumentInput } from '@gewu/domain';

/** A neighbours' water-leak dispute: two parties on each side, an agent, three terms. Fictional people. */
export const agreementFixture: MediationAgreementDocumentInput = {
  number: { year: 2026, agency: '格调', serial: 1 },
  committee: '格物街道明德社区人民调解委员会',
  parties: [
    {
      kind: 'person',
      side: 'a',
      name: '张建国',
      gender: 'male',
      ethnicity: '汉族',
      birthDate: '1968-05-12',
      occupation: '个体经营',
      phone: '13903711234',
      address: '河南省郑州市管城回族区明德路18号3单元201室',
    },
    {
      kind: 'person',
      side: 'a',
      name: '李秀英',
      gender: 'female',
      ethnicity: '回族',
      age: 52,
      occupation: '退休职工',
      phone: '13803715678',
      address: '河南省郑州市管城回族区明德路18号3单元201室',
    },
    {
      kind: 'organisation',
      side: 'b',
      name: '郑州市管城回族区明德物业服务有限公司',
      address: '河南省郑州市管城回族区明德路20号',
      legalRepresentative: '王立新',
      legalRepresentativeTitle: '总经理',
      phone: '0371-66668888',
    },
    {
      kind: 'person',
      side: 'b',
      name: '刘洋',
      gender: 'male',
      ethnicity: '汉族',
      age: 35,
      occupation: '教师',
      phone: '15937104321',
      address: '河南省郑州市管城回族区明德路18号3单元301室',
    },
    {
      kind: 'person',
      side: 'b',
      role: 'agent',
      name: '孙志强',
      gender: 'male',
      occupation: '明德物业服务有限公司客服主管',
      phone: '13700371111',
    },
  ],
  facts:
    '2026年10月起，甲方住房卫生间顶棚多次渗水，墙面霉变、吊顶损坏。甲方认为系乙方刘洋住房卫生间防水层老化所致，物业公司未及时维修公共管道；乙方对漏水原因和损失数额有异议。争议事项为漏水原因、维修责任和损失赔偿。',
  terms: [
    {
      text: '乙方刘洋于2026年12月20日前自费请有资质的单位重做其住房卫生间防水层，完工后进行48小时闭水试验，甲方可到场查看。',
      dueDate: '2026-12-20',
    },
    {
      text: '乙方郑州市管城回族区明德物业服务有限公司负责更换18号楼3单元公共排水立管，费用由其承担。',
      dueDate: '2026-12-15',
    },
    {
      text: '乙方刘洋一次性赔偿甲方吊顶、墙面修复费用人民币叁仟伍佰元整（￥3500.00），甲方收到后不再就本次漏水向乙方主张其他权利。',
    },
  ],
  performance: '第一、二项按所列期限履行；第三项赔偿款于本协议生效之日起十日内以银行转账方式支付至甲方张建国指定账户。',
  mediators: ['周敏', '吴海涛'],
  recorder: '郑小燕',
  date: '2026-12-04',
};

/** A petition on a delayed resettlement payment, answered by the township. Fictional people. */
export const petitionFixture: PetitionOpinionDocumentInput = {
  stage: 'handling',
  number: { year: 2026, agency: '格信', serial: 3 },
  body: '郑州市管城回族区人民政府格物街道办事处',
  petitioners: [
    {
      name: '王桂兰',
      gender: 'female',
      ethnicity: '汉族',
      birthDate: '1959-02-27',
      phone: '13598761234',
      address: '河南省郑州市管城回族区格物街道知行村三组',
    },
  ],
  channel: 'visit',
  receivedOn: '2026-09-01',
  acceptedOn: '2026-09-08',
  matter: '信访人反映其承包地于2025年被征收后，青苗补偿款至今未足额发放，请求补发差额。',
  facts:
    '经查，知行村三组2025年被征收土地中，信访人承包地面积为1.2亩，依标准应得青苗补偿款人民币3600元，已发放2400元，差额1200元因村组核对面积时登记错误未予发放，情况属实。',
  opinion: '责成知行村民委员会于2026年11月15日前将差额1200元足额发放至信访人账户，并由街道农业农村办公室跟踪落实。',
  basis: '《中华人民共和国土地管理法》第四十八条、《信访工作条例》的有关规定。',
  reviewBody: '郑州市管城回族区人民政府',
  date: '2026-10-30',
};
