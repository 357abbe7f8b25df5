import { describe, expect, it } from 'vitest';
import type { MediationAgreementDocumentInput, PetitionOpinionDocumentInput } from '@gewu/domain';
import { AppError } from '../errors.ts';
import { pdfPages, pdfText, pdfTitle } from '../../../test/pdf-text.ts';
import { agreementFixture, petitionFixture } from './documents.fixtures.ts';
import { renderMediationAgreement, renderPetitionOpinion } from './index.ts';

/** The failure a render throws, for asserting on. */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('人民调解协议书', () => {
  it('prints the parties (two on each side), the facts, the terms, the dates in Chinese and the art. 33 sentence', async () => {
    const { pdf, unsupported } = await renderMediationAgreement(agreementFixture);
    const text = await pdfText(pdf);
    // Sizes seen: about 72 KB for this three-page agreement (two subset fonts, Regular and Bold).
    console.info(`人民调解协议书: ${pdf.length} bytes`);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(unsupported).toEqual([]);
    for (const s of [
      '人民调解协议书',
      '编号：〔2026〕格调字第1号',
      // 甲方: two persons
      '当事人（甲方）：张建国',
      '性别：男',
      '民族：汉族',
      '出生日期：1968年5月12日',
      '职业或职务：个体经营',
      '联系方式：13903711234',
      '单位或住址：河南省郑州市管城回族区明德路18号3单元201室',
      '当事人（甲方）：李秀英',
      '性别：女',
      '民族：回族',
      '年龄：52岁',
      // 乙方: an organisation and a person, and an agent
      '当事人（乙方）：郑州市管城回族区明德物业服务有限公司',
      '地址：河南省郑州市管城回族区明德路20号',
      '法定代表人：王立新',
      '职务：总经理',
      '联系方式：0371-66668888',
      '当事人（乙方）：刘洋',
      '委托代理人（乙方）：孙志强',
      // the sections, in the format's words
      '纠纷主要事实、争议事项：',
      '争议事项为漏水原因、维修责任和损失赔偿。',
      '经调解，自愿达成如下协议：',
      '一、乙方刘洋于2026年12月20日前自费请有资质的单位重做其住房卫生间防水层，完工后进行48小时闭水试验，甲方可到场查看（履行期限：2026年12月20日前）。',
      '二、乙方郑州市管城回族区明德物业服务有限公司负责更换18号楼3单元公共排水立管，费用由其承担（履行期限：2026年12月15日前）。',
      '三、乙方刘洋一次性赔偿甲方吊顶、墙面修复费用人民币叁仟伍佰元整（￥3500.00），甲方收到后不再就本次漏水向乙方主张其他权利。',
      '履行方式、时限：',
      '第三项赔偿款于本协议生效之日起十日内以银行转账方式支付至甲方张建国指定账户。',
      // 人民调解法 arts. 29, 31, 33
      '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。',
      '经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
      '双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。',
      // four parties and the committee
      '本协议一式五份，当事人、人民调解委员会各持一份。',
      // signatures and seal
      '甲方（签名盖章或按指印）',
      '乙方（签名盖章或按指印）',
      '孙志强（委托代理人）',
      '人民调解员（签名）',
      '周敏',
      '吴海涛',
      '记录人（签名）',
      '郑小燕',
      '格物街道明德社区人民调解委员会2026年12月4日',
    ]) {
      expect(text, s).toContain(s);
    }
    // The 甲方 parties come before the 乙方 ones.
    expect(text.indexOf('李秀英')).toBeLessThan(text.indexOf('郑州市管城回族区明德物业服务有限公司'));
  });

  it('numbers every page 第N页 共M页 and names no party in the PDF title', async () => {
    const { pdf } = await renderMediationAgreement(agreementFixture);
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.foot)).toEqual(pages.map((_, i) => `第${i + 1}页共${pages.length}页`));
    expect(await pdfTitle(pdf)).toBe('人民调解协议书');
  });

  it('embeds subsets of the font, not the 15 MB files', async () => {
    const { pdf } = await renderMediationAgreement(agreementFixture);
    const raw = pdf.toString('latin1');
    // A subset font's name carries a six-letter tag: /BaseFont /ABCDEF+NotoSerifSC-Regular.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Bold/);
    expect(pdf.length).toBeLessThan(500_000);
  });

  it('keeps every word of long terms that run over page breaks', async () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    const terms = numerals.map((_, i) => ({
      text:
        `乙方于第${i + 1}期工程中修复第${i + 1}处墙面、顶棚和地面的渗水部位，` +
        '更换损坏的吊顶龙骨、石膏板和防水涂层，清理霉变部分并重新刷漆，' +
        '施工前书面通知甲方，施工期间保持楼道清洁，不得影响邻里正常生活，' +
        `完工后请甲方验收并签字确认，验收不合格的返工费用由乙方承担（第${i + 1}项完）。`,
    }));
    const input: MediationAgreementDocumentInput = { ...agreementFixture, terms };
    const { pdf } = await renderMediationAgreement(input);
    const pages = await pdfPages(pdf);
    const all = pages.map((p) => p.body).join('');
    console.info(`人民调解协议书 with 12 long terms: ${pages.length} pages, ${pdf.length} bytes`);

    expect(pages.length).toBeGreaterThanOrEqual(4);
    terms.forEach((t, i) => expect(all, `term ${i + 1}`).toContain(`${numerals[i]}、${t.text}`));
    // At least one term is split by a page break: no single page holds it, the pages together do.
    const split = terms.filter((t) => !pages.some((p) => p.body.includes(t.text)));
    expect(split.length).toBeGreaterThan(0);
    // The closing still ends the document.
    expect(pages.at(-1)!.body).toContain('格物街道明德社区人民调解委员会2026年12月4日');
  });

  it('leaves the date blank for the signing day when none is given', async () => {
    const { date: _date, ...undated } = agreementFixture;
    const { pdf } = await renderMediationAgreement(undated);
    const text = await pdfText(pdf);
    expect(text).toContain('格物街道明德社区人民调解委员会年月日');
    expect(text).not.toContain('2026年12月4日');
  });

  it('counts the copies from the parties, or prints the number given', async () => {
    const twoParties: MediationAgreementDocumentInput = {
      ...agreementFixture,
      parties: [agreementFixture.parties[0]!, agreementFixture.parties[3]!],
    };
    expect(await pdfText((await renderMediationAgreement(twoParties)).pdf)).toContain('本协议一式三份');
    const twelve = { ...agreementFixture, copies: 12 };
    expect(await pdfText((await renderMediationAgreement(twelve)).pdf)).toContain('本协议一式十二份');
  });

  it('reports the characters the font cannot draw', async () => {
    const rare: MediationAgreementDocumentInput = {
      ...agreementFixture,
      parties: agreementFixture.parties.map((p, i) => (i === 0 ? { ...p, name: '张𠮷' } : p)),
    };
    const { unsupported } = await renderMediationAgreement(rare);
    expect(unsupported).toEqual(['𠮷']);
  });

  it('refuses an agreement without terms, or without a party on each side, naming fields and no values', async () => {
    const noTerms = await failure(renderMediationAgreement({ ...agreementFixture, terms: [] }));
    expect(noTerms.status).toBe(400);
    expect(noTerms.code).toBe('document.invalid');
    expect(noTerms.details).toEqual([{ path: 'terms', message: '请填写协议内容' }]);

    const oneSide = await failure(
      renderMediationAgreement({
        ...agreementFixture,
        parties: agreementFixture.parties.filter((p) => p.side === 'a'),
      }),
    );
    expect(oneSide.details).toEqual([{ path: 'parties', message: '缺少乙方当事人' }]);

    const agentAlone = await failure(
      renderMediationAgreement({
        ...agreementFixture,
        parties: [...agreementFixture.parties, { kind: 'person', side: 'third', role: 'agent', name: '冯刚' }],
      }),
    );
    expect(agentAlone.details).toEqual([{ path: 'parties.5', message: '代理人所代理的一方没有当事人' }]);

    // A bad field: the error carries the field's path and a message, never what was sent.
    const badAge = await failure(
      renderMediationAgreement({
        ...agreementFixture,
        parties: agreementFixture.parties.map((p, i) => (i === 1 ? { ...p, age: 200, phone: '13803715678x' } : p)),
      }),
    );
    expect(badAge.details?.map((d) => d.path)).toEqual(['parties.1.age']);
    const said = JSON.stringify({ message: badAge.message, details: badAge.details });
    for (const personal of ['李秀英', '13803715678', '明德路18号', '200']) expect(said).not.toContain(personal);
  });
});

describe('信访事项处理意见书', () => {
  it('prints the petitioner, the matter, the facts, the opinion and its basis, the 复查 right and the dates in Chinese', async () => {
    const { pdf, unsupported } = await renderPetitionOpinion(petitionFixture);
    const text = await pdfText(pdf);
    // Sizes seen: about 46 KB for this two-page opinion.
    console.info(`信访事项处理意见书: ${pdf.length} bytes`);

    expect(unsupported).toEqual([]);
    for (const s of [
      '信访事项处理意见书',
      '〔2026〕格信字第3号',
      '信访人：王桂兰',
      '性别：女',
      '出生日期：1959年2月27日',
      '联系电话：13598761234',
      '住址：河南省郑州市管城回族区格物街道知行村三组',
      '王桂兰于2026年9月1日以来访方式向本机关提出信访事项。本机关于2026年9月8日依法受理。',
      '信访事项：信访人反映其承包地于2025年被征收后，青苗补偿款至今未足额发放，请求补发差额。',
      '经调查核实：经查，知行村三组2025年被征收土地中',
      '差额1200元因村组核对面积时登记错误未予发放，情况属实。',
      '处理意见：责成知行村民委员会于2026年11月15日前将差额1200元足额发放至信访人账户',
      '处理依据：《中华人民共和国土地管理法》第四十八条、《信访工作条例》的有关规定。',
      '信访人对本处理意见不服的，可以自收到本意见书之日起30日内，向郑州市管城回族区人民政府请求复查。',
      '郑州市管城回族区人民政府格物街道办事处2026年10月30日',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('复核');
    expect(await pdfTitle(pdf)).toBe('信访事项处理意见书');
  });

  it('as a 复查意见书 states the right to 复核 instead', async () => {
    const review: PetitionOpinionDocumentInput = {
      ...petitionFixture,
      stage: 'review',
      number: { year: 2026, agency: '管信复', serial: 12 },
      body: '郑州市管城回族区人民政府',
      receivedOn: '2026-11-20',
      acceptedOn: undefined,
      opinion: '维持格物街道办事处的处理意见。',
      reviewBody: '郑州市人民政府',
      date: '2026-12-18',
    };
    const text = await pdfText((await renderPetitionOpinion(review)).pdf);
    for (const s of [
      '信访事项复查意见书',
      '〔2026〕管信复字第12号',
      '王桂兰不服信访事项处理意见，于2026年11月20日以来访方式向本机关请求复查。',
      '复查意见：维持格物街道办事处的处理意见。',
      '信访人对本复查意见不服的，可以自收到本意见书之日起30日内，向郑州市人民政府请求复核。',
      '郑州市管城回族区人民政府2026年12月18日',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('依法受理');
  });

  it('as a 复核意见书 answers the 复核 request and closes the matter (no further review)', async () => {
    const reexamination: PetitionOpinionDocumentInput = {
      ...petitionFixture,
      stage: 'reexamination',
      number: { year: 2027, agency: '郑信核', serial: 4 },
      body: '郑州市人民政府',
      receivedOn: '2027-01-08',
      acceptedOn: undefined,
      opinion: '维持郑州市管城回族区人民政府的复查意见。',
      reviewBody: '',
      date: '2027-02-05',
    };
    const { pdf } = await renderPetitionOpinion(reexamination);
    const text = await pdfText(pdf);
    for (const s of [
      '信访事项复核意见书',
      '〔2027〕郑信核字第4号',
      '信访人：王桂兰',
      '王桂兰不服信访事项复查意见，于2027年1月8日以来访方式向本机关请求复核。',
      '信访事项：信访人反映其承包地于2025年被征收后，青苗补偿款至今未足额发放，请求补发差额。',
      '复核意见：维持郑州市管城回族区人民政府的复查意见。',
      '本复核意见为该信访事项的最终处理意见。信访人对本复核意见不服，仍然以同一事实和理由提出投诉请求的，各级机关、单位不再受理。',
      '郑州市人民政府2027年2月5日',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('请求复查。');
    expect(text).not.toContain('30日内');
    expect(await pdfTitle(pdf)).toBe('信访事项复核意见书');
  });

  it('requires the body for the next review on a 处理意见书 and a 复查意见书, not on a 复核意见书', async () => {
    for (const stage of ['handling', 'review'] as const) {
      const err = await failure(renderPetitionOpinion({ ...petitionFixture, stage, reviewBody: '' }));
      expect([err.code, err.details]).toEqual([
        'document.invalid',
        [{ path: 'reviewBody', message: '请填写受理复查（复核）的机关' }],
      ]);
    }
  });

  it('lists several petitioners', async () => {
    const two: PetitionOpinionDocumentInput = {
      ...petitionFixture,
      channel: 'letter',
      petitioners: [...petitionFixture.petitioners, { name: '赵铁柱', gender: 'male', address: '知行村三组' }],
    };
    const text = await pdfText((await renderPetitionOpinion(two)).pdf);
    expect(text).toContain('信访人：赵铁柱性别：男住址：知行村三组');
    expect(text).toContain('王桂兰、赵铁柱于2026年9月1日以来信方式向本机关提出信访事项。');
  });

  it('refuses an opinion without a petitioner or a basis', async () => {
    const err = await failure(renderPetitionOpinion({ ...petitionFixture, petitioners: [], basis: ' ' }));
    expect(err.code).toBe('document.invalid');
    expect(err.details).toEqual([
      { path: 'petitioners', message: '请填写信访人' },
      { path: 'basis', message: '请填写处理依据' },
    ]);
  });
});
