"""Metric classification, case by case for each core metric (wording of real reports)."""
from __future__ import annotations

import pytest

from pipeline.extract import extract_text
from pipeline.extract.metrics import lexicon, metric_table

CASES = [
    ("严肃查处群众身边腐败和作风问题71起", 71, "cases_investigated"),
    ("全国共查处违反中央八项规定精神问题5434起", 5434, "cases_investigated"),
    ("今年以来共发现小微违纪问题13起", 13, "cases_investigated"),
    ("受理查处乱收费、乱办班案件7件", 7, "cases_investigated"),
    ("全市共查处扶贫领域腐败和作风问题156个，处理217人", 156, "cases_investigated"),
    ("立案3起", 3, "cases_filed"),
    ("今年以来，该街对2名违纪干部迅速立案处理", 2, "cases_filed"),
    ("立案纪检监察干部2482人", 2482, "cases_filed"),
    ("全县纪检监察机关共立案审查调查案件156件，给予党纪政务处分142人", 156, "cases_filed"),
    ("立案查处违纪违法案件1027件", 1027, "cases_investigated"),  # the verb nearer the figure governs it
    ("给予党纪政务处分68人", 68, "people_disciplined"),
    ("处分党员干部3人", 3, "people_disciplined"),
    ("对两名校长给予党内警告处分", 2, "people_disciplined"),
    ("给予涉事的5名党员干部党内严重警告处分", 5, "people_disciplined"),  # 给予 people, then the action
    # each form of party and government discipline
    ("其中，开除党籍2人，留党察看1人，撤销党内职务3人，严重警告4人，警告5人", 3, "people_disciplined"),
    ("其中，开除党籍2人，留党察看1人，撤销党内职务3人，严重警告4人，警告5人", 5, "people_disciplined"),
    ("给予政务记过处分4人、记大过6人、降级2人", 2, "people_disciplined"),
    ("其中，处分厅局级干部54人、县处级干部285人", 285, "people_disciplined"),
    ("运用第一、二种形态对34人进行追责问责", 34, "people_held_accountable"),
    ("共查处问题13件、处理22人", 22, "people_held_accountable"),
    ("查处10名违反廉洁自律规定的干部", 10, "people_held_accountable"),
    ("查处各类“微腐败”案件49件52人", 52, "people_held_accountable"),
    ("批评教育帮助和处理8185人", 8185, "people_held_accountable"),
    ("通报批评15人", 15, "people_admonished"),
    ("就办升学宴问题实施诫勉谈话6人(次)", 6, "people_admonished"),
    ("发现并告诫违反机关工作纪律18人(次)", 18, "people_admonished"),
    ("对6名督查对象进行了诫勉谈话", 6, "people_admonished"),
    ("诫勉谈话23人，批评教育89人次，责令检查15人", 15, "people_admonished"),  # the lighter forms of 四种形态
    ("对8名党员干部责令作出书面检查", 8, "people_admonished"),
    ("通报曝光典型案例4起", 4, "cases_publicized"),
    ("对4起典型问题进行通报曝光", 4, "cases_publicized"),
    # 对…进行/予以: the action after the verb, not a word describing the object, names the figure
    ("市纪委对3起整治群众身边不正之风问题进行通报", 3, "cases_publicized"),
    ("省纪委监委通报曝光3批21起典型问题", 21, "cases_publicized"),
    # a trigger right before 的 describes what the verb before it, or the action after it, acts on
    ("会上通报了近期查处的4起典型案例", 4, "cases_publicized"),
    ("对查处的12起问题进行通报", 12, "cases_publicized"),
    ("中央纪委国家监委对10起加重基层负担的形式主义、官僚主义典型问题进行公开通报", 10, "cases_publicized"),
    ("今年查处的56起案件中，涉及村干部的占六成", 56, "cases_investigated"),
    ("通报查处违反中央八项规定精神问题12起", 12, "cases_investigated"),
    ("累计通报曝光查处的典型问题85起", 85, "cases_publicized"),
    ("立案查处的案件12件", 12, "cases_investigated"),  # filing and investigating: one procedure
    ("督促整改巡察发现的问题123个", 123, "problems_rectified"),
    ("网站开设曝光专区，通报8期40起典型案例", 40, "cases_publicized"),
    ("对5起查处不力的问题予以通报曝光", 5, "cases_publicized"),
    ("对2名处理问题不力的干部进行诫勉谈话", 2, "people_admonished"),
    ("公开通报十起违反中央八项规定精神典型问题", 10, "cases_publicized"),
    ("已受理各类举报13件", 13, "reports_received"),
    ("目前，已收到信件137封", 137, "reports_received"),
    ("举报平台共收到反映问题149件", 149, "reports_received"),
    ("截至目前，共收到问题线索257件", 257, "reports_received"),
    ("查实8件", 8, "reports_verified"),
    ("查实问题45件，查实率达到31.7%", 45, "reports_verified"),  # verified, not only investigated
    ("违规收送、违规吃喝问题位列前两位，分别为10428起、6022起", 6022, "cases_investigated"),
    ("已处置党员干部57人", 57, "people_held_accountable"),
    ("拉动全县信访总量同比下降50%", -50, "petition_change_pct"),
    ("受理检举控告类信访举报156件，同比下降12.4%", -12.4, "petition_change_pct"),
    ("查处问题156件，同比下降12.4%", -12.4, "other"),
    ("立案审查调查32件，结案51件", 51, "cases_investigated"),
    ("85%的村实行了重大事项全民表决制度", 85, "coverage_pct"),
    ("全县村级监督委员会建成率达100%", 100, "coverage_pct"),
    ("全市九成以上的村（社区）建立了村务监督委员会", 90, "coverage_pct"),
    # a share that names nothing of its own is the share of the units counted just before it
    ("全县已有213个村（社区）完成党务村务财务公开，占比98.6%", 98.6, "coverage_pct"),
    ("全市156个村实现“三务”公开，占全市行政村总数的92.3%", 92.3, "coverage_pct"),
    ("开展廉政谈话1200人次，占比35%", 35, "other"),
    ("全市开展专项检查38次，发现问题156个，占比42%", 42, "other"),
    ("乡镇纪委自办案件108件，占全县立案总数的67.5%", 67.5, "other"),
    ("目前全市33个社区公示了180余名社区干部", 180, "disclosure_count"),
    ("新津县更新公开栏41张，发放公开信58600份", 58600, "disclosure_count"),
    # matters and information made public (公开…事项, 公布…信息); 公开信息 is not an open letter (公开信)
    # 处理 right after a measure names that measure (给予诫勉谈话处理), not a holding to account
    ("给予诫勉谈话处理9人", 9, "people_admonished"),
    ("给予通报批评处理6人，组织处理3人", 6, "people_admonished"),
    ("共对48名党员干部作出组织调整", 48, "people_held_accountable"),  # an organisational measure
    ("给予党纪政务处分处理12人", 12, "people_disciplined"),
    ("批评教育帮助和处理1256人次", 1256, "people_held_accountable"),
    ("全市公开村级财务事项4万余条", 40000, "disclosure_count"),
    ("全县累计公开党务信息1200余条", 1200, "disclosure_count"),
    ("全区公开村级事务8 600余项", 8600, "disclosure_count"),
    ("全县共公开村级财务收支明细2.3万条", 23000, "disclosure_count"),
    ("公开村级账目1 200余笔", 1200, "disclosure_count"),
    ("公开招聘工作人员12名", 12, "other"),
    ("在网站公布重大事项52项", 52, "disclosure_count"),
    ("发现公开信息不及时问题23个", 23, "other"),
    ("公开招聘工作人员12名", 12, "other"),
    ("通过服务平台發布政務資訊1200條", 1200, "disclosure_count"),  # 資訊: information, in traditional usage
    ("向区民政局制发纪检监察建议书11份", 11, "recommendations_issued"),
    ("监督建设工程招投标项目28个，涉及金额6 600万元", 66000000, "amount_yuan"),
    ("纠正涉及农村“三资”问题40多个", 40, "problems_rectified"),
    ("全市各试点单位共建立健全相关制度机制469个，解决问题794个", 794, "problems_rectified"),
    ("协调教育、卫生等单位整改问题6个", 6, "problems_rectified"),
    ("发现问题1256个，已整改1180个", 1180, "problems_rectified"),
    # a bare 整改/纠正/立行立改 names what it counts only right before the figure
    ("一年来，共开展监督检查426次，发现问题1 230个，督促整改1 186个", 1186, "problems_rectified"),
    ("共发现各类问题236个，已立行立改185个", 185, "problems_rectified"),
    ("抽调骨干力量成立整改专班5个", 5, "other"),
    ("对辖区内广场8.69亩耕地“非农化”问题进行整改", 8.69, "other"),
    # a label before a colon names the figure after it
    ("立案数：125件；处分人数：98人；信访举报受理数：1 024件", 125, "cases_filed"),
    ("立案数：125件；处分人数：98人；信访举报受理数：1 024件", 98, "people_disciplined"),
    ("立案数：125件；处分人数：98人；信访举报受理数：1 024件", 1024, "reports_received"),
    ("检查组数：12个", 12, "other"),
    # what is still being rectified is not rectified
    ("已完成整改78项，正在整改12项", 12, "other"),
    ("未整改到位问题3个", 3, "other"),
    # a difference from another period is no count of this one
    ("给予党纪政务处分108人，比去年同期多处分12人", 12, "other"),
    ("较2022年多立案15件", 15, "other"),
    ("处分人数同比增加，共处分108人", 108, "people_disciplined"),
    ("问责党组织12个、党员干部56人", 56, "people_held_accountable"),
    # the comma of a thousands group does not end the clause that the list stands in
    ("处分省部级及以上干部58人、厅局级干部3,191人、县处级干部2.5万人", 25000, "people_disciplined"),
    # a breakdown opened by 其中 counts what the figure before it counted, unless it names its own
    ("给予党纪政务处分62人，其中处级干部3人", 3, "people_disciplined"),
    ("处分13名干部，其中1名厅级干部", 1, "people_disciplined"),  # the total's noun after it
    ("共有党员干部1200名参加培训，其中处级干部30名", 30, "other"),
    ("查处违反中央八项规定精神问题97起，处理128人，其中女性12人", 12, "people_held_accountable"),
    ("点名道姓通报违反中央八项规定精神问题案例204起，其中72起涉及违规吃喝问题", 72, "cases_publicized"),
    ("举报平台共收到反映问题149件，其中问题线索31件", 31, "other"),
    ("给予党纪政务处分62人，其中移送检察机关5人", 5, "other"),
    ("立案12件（其中县处级干部2件）", 2, "cases_filed"),
    # a sentence that opens by naming what it breaks down (从立案人员看): its items count that
    ("从立案人员看，省管干部17人，县处级干部186人，乡科级干部712人", 186, "cases_filed"),
    ("从处分人员看，省部级干部2人、厅局级干部31人，县处级干部286人", 286, "people_disciplined"),
    ("从产量上看，全省粮食产量连续七年超过1.3万亿斤，带动农民5万人", 50000, "other"),
    ("从通报的10起典型案件看，涉及干部12人", 12, "other"),
    # a clause of a place and a figure after one that opened with a place: the same measure
    ("其中，北京查处问题1,203起，天津986起，河北3,156起", 986, "cases_investigated"),
    ("其中，北京查处问题1,203起，天津986起，河北3,156起", 3156, "cases_investigated"),
    ("静海区处理干部31人，武清区36人", 36, "people_held_accountable"),
    ("查处问题23起，处理干部12人，另有村干部5人参加培训", 5, "other"),
    # ... or the whole its items are parts of (在处分人员中)
    ("在处分人员中，县处级以上干部48人，乡科级干部512人", 512, "people_disciplined"),
    ("受处分人员中，乡科级干部45人，村干部120人", 45, "people_disciplined"),
    ("在被问责的干部中，科级干部21人、村干部30人", 30, "people_held_accountable"),
    ("全年工作中，村干部38人参加培训", 38, "other"),
    # a sentence that opens with a label, then places each with a figure
    ("各区查处问题数：静海区23起、武清区27起", 27, "cases_investigated"),
    ("处理人数：静海区31人，武清区36人", 31, "people_held_accountable"),
    ("通报：静海区3名干部违规吃喝", 3, "other"),
    # ... and so does each later item that names a kind of the same sort and nothing more
    ("处分党员干部85人，其中乡科级干部12人，一般干部31人", 31, "people_disciplined"),
    ("运用“四种形态”处理450人次，其中第一种形态320人次，占71.1%；第二种形态96人次", 96, "people_held_accountable"),
    ("处理63人，其中党纪政务处分38人，涉及村干部20人", 20, "other"),
    # places break a total down too
    ("甘肃省共查处违反中央八项规定精神问题1023起，其中兰州市218起，天水市97起", 218, "cases_investigated"),
    ("甘肃省共查处违反中央八项规定精神问题1023起，其中兰州市218起，天水市97起", 97, "cases_investigated"),
    ("全省查处问题1023起，其中省直单位51起", 51, "other"),
    # an item of the same kind as the one before it, alone in its clause, continues the list
    ("处分省部级干部49人，厅局级干部3,191人，县处级干部2.5万人，乡科级干部8.4万人", 84000, "people_disciplined"),
    ("处分党员干部12人，村干部5人参加了培训", 5, "other"),
    # ... and so does another kind of people (其他人员 after 一般干部), but only alone in its clause
    ("处分一般干部9.4万人，农村、企业等其他人员41.7万人。", 417000, "people_disciplined"),
    ("其中，处分县处级干部5人，乡科级干部12人，其他人员30人参加培训", 30, "other"),
    ("共培训村干部500人，乡镇干部120人", 120, "other"),
    ("县委巡察组进驻期间共受理群众来信来访96件，立行立改问题32个", 32, "problems_rectified"),
    # the last item of a list joined by 和 continues it, bare or naming a kind
    ("河北、山西、辽宁三省分别立案123件、98件和76件", 76, "cases_filed"),
    ("处分厅局级干部5人和县处级干部23人", 23, "people_disciplined"),
    ("处分干部5人和移送司法机关3人", 3, "other"),
    ("给予党纪政务处分62人，其中处级干部3人，移送司法机关5人", 5, "other"),
    # ... also where the item repeats the noun of what was counted after its kind
    ("共立案审查调查案件87件，其中乡科级干部案件21件", 21, "cases_filed"),
    ("共立案审查调查案件87件，其中乡科级干部案件21件，村（社区）干部案件49件", 49, "cases_filed"),
    # objects joined by 和 share 对 and the action after the last of them
    ("对履行主体责任不力的23个党组织和46名党员领导干部实施问责", 46, "people_held_accountable"),
    ("对3名处级干部和12名科级干部予以党纪政务处分", 3, "people_disciplined"),
    # the people named in a public notice are counted with the cases made public
    ("全市通报曝光典型问题12起18人", 18, "cases_publicized"),
    ("严肃查处并公开通报了青海省6名党员领导干部违反中央八项规定精神问题", 6, "cases_publicized"),
    ("公开通报批评3人", 3, "people_admonished"),
    # the people of the cases filed (that metric counts people too); not of the problems investigated
    ("万全区纪委监委今年共立案52件，其中乡科级干部11人", 11, "cases_filed"),
    ("全县共查处问题87起，其中科级干部3人", 3, "other"),
    # names listed before 分别 pair with the figures listed after it
    ("全市立案数和处分人数分别为456件和402人", 402, "people_disciplined"),
    ("处分人数和立案数分别为402人和456件", 456, "cases_filed"),
    ("处分人数和立案数分别为402人和456件", 402, "people_disciplined"),
    ("全县查处问题数、处理人数、处分人数分别为56起、78人、45人", 78, "people_held_accountable"),
    ("全县查处问题数、处理人数、处分人数分别为56起、78人、45人", 45, "people_disciplined"),
    ("静海区和武清区分别查处问题23起和27起", 27, "cases_investigated"),  # places, not names of measures
    # the same measure for another period
    ("2023年全市立案数为456件，2022年为389件", 389, "cases_filed"),
    ("全县处分45人，去年38人", 38, "people_disciplined"),
    ("2024年，全区共开展培训12次，2023年为8次", 8, "other"),
    # a clause that only states the change of the total leaves the breakdown after it the total's
    ("全市共处分1 102人，同比增长8.3%，其中处级干部12人", 12, "people_disciplined"),
    ("全市共立案1 234件，同比增长15.2%，其中乡科级干部案件210件", 210, "cases_filed"),
    ("全县共处分86人，比上年增加12人，其中科级干部9人", 9, "people_disciplined"),
    ("全县共处分86人，比上年增加12人，其中科级干部9人", 12, "other"),
    ("全市共立案1 234件，同比增长15.2%，其中移送检察机关12人", 12, "other"),
    ("全县共查处问题87起，同比增长10%，其中科级干部3人", 3, "other"),
    ("该区发现问题43个，整改完成41个", 41, "problems_rectified"),
    ("目前仍有3个问题未整改完成", 3, "other"),
    # a number before 受处分人员 counts people described as once disciplined, not a discipline
    ("对327名受处分处理人员开展回访教育", 327, "other"),
    ("全年回访受处分人员215人", 215, "other"),
    ("今年共有45人受到党纪处分", 45, "people_disciplined"),
    # the units that acted, before a figure of the action's own
    ("全县12个乡镇立案45件", 12, "other"),
    ("全县12个乡镇立案45件", 45, "cases_filed"),
    ("该县3个乡镇查处问题45起", 3, "other"),
    ("12个单位整改问题45个", 12, "other"),
    ("目前全市33个社区公示了180余名社区干部", 33, "disclosure_count"),
    # others: counted things that are none of the core metrics
    ("全市各试点单位共建立健全相关制度机制469个", 469, "other"),
    ("确定党风廉政建设、从源头上预防和治理腐败、解决和纠正损害群众利益的突出问题等四个方面24项责任分工", 24, "other"),
    ("组织公开工作专项检查4次", 4, "other"),
    ("简阳市高明乡集中查找出“办事流程不公开、民主决策不到位”等风险点62个", 62, "other"),
    ("组织14个行风重点参评单位在电视台进行公开承诺", 14, "other"),
    ("移送司法机关73人", 73, "other"),
    ("占比达到74.3%", 74.3, "other"),
    # a clause that names nothing but the change is about what the sentence named last
    ("信访举报量连续三年下降，2023年下降12%", -12, "petition_change_pct"),
    ("全县共收到检举控告类信访举报213件，同比减少31件，下降12.7%", -12.7, "petition_change_pct"),
    ("受理信访举报213件，立案56件，同比下降12%", -12, "other"),
    # the level a share fell or rose to is no change
    ("检举控告类信访举报占比下降至65.3%", 65.3, "other"),
    ("重复信访举报件次同比下降23%", -23, "petition_change_pct"),
    ("信访举报总量同比降幅达15.2%", -15.2, "petition_change_pct"),
    ("信访举报量增幅为3.1%", 3.1, "petition_change_pct"),
    ("越级访同比下降31.4%，初信初访化解率达95%", -31.4, "petition_change_pct"),
    ("越级访同比下降31.4%，初信初访化解率达95%", 95, "other"),
    ("全县初信初访量同比下降22.1%", -22.1, "petition_change_pct"),  # first letters and visits
    ("全市受理初信初访236件，同比下降15.4%", 236, "reports_received"),
    ("全市受理初信初访236件，同比下降15.4%", -15.4, "petition_change_pct"),
    ("村务公开率提高了5%", 5, "other"),  # a rise of the share, not the share itself
    ("信访举报量同比下降23%，检举控告量同比下降18.6%", -18.6, "petition_change_pct"),
    # a share of people who hold a view is no coverage, even with 落实 in the clause
    ("调查显示，95.7%的受访群众对中央八项规定精神贯彻落实成效表示肯定", 95.7, "other"),
    # money in another currency is not yuan
    ("收受私营企业主港币2万元及高档白酒14瓶", 20000, "other"),
    ("收受礼金共计3.6万美元", 36000, "other"),
    # a target or a forecast is no result
    ("力争实现信访举报总量同比下降10%以上", -10, "other"),
    ("已偿还债务500余万元，预计全年归还欠款不低于300万元", 3000000, "other"),
    ("已偿还债务500余万元，预计全年归还欠款不低于300万元", 5000000, "amount_yuan"),
    # a threshold that picks out what is looked at, a price or a rate: no money involved
    ("对超过100万元的大额资金支出实行集体决策", 1000000, "other"),
    ("对超过人民币100万元的大额资金支出实行集体决策", 1000000, "other"),
    ("其中，违纪金额在10万元以上的案件5件", 100000, "other"),
    ("挽回经济损失在1000万元以上", 10000000, "amount_yuan"),
    ("完善400万元以下工程项目等的监督管理办法", 4000000, "other"),  # a bound before what it sorts
    ("并处5万元以上罚款", 50000, "other"),
    ("涉案金额500万元以上", 5000000, "amount_yuan"),
    ("对单价超过500元的盒装月饼进行重点检查", 500, "other"),
    ("人均补贴200元", 200, "other"),
    ("挽回经济损失超过3000万元", 30000000, "amount_yuan"),
    ("收受价值18.3万余元的生肖纪念金币", 183000, "amount_yuan"),
    # 问题 inside 问题线索 is no problem found, alone or as the second word of 发现…问题
    ("截至目前，共发现问题线索270件", 270, "other"),
    ("通过数据对比，从中发现“四风”问题线索24件", 24, "other"),
    ("对全县17个乡镇开展交叉巡察，共发现问题213个、移交问题线索19件", 19, "other"),
    ("全省纪检监察机关共办理申诉案件128件", 128, "other"),  # appeals, not cases investigated
    # problem clues handled, and their change, are no reports received (接收…问题线索 are)
    ("处置反映党员干部问题线索1,356件，同比上升9.8%", 1356, "other"),
    ("处置反映党员干部问题线索1,356件，同比上升9.8%", 9.8, "other"),
    ("共接收反映党员干部问题线索1,356件", 1356, "reports_received"),
    ("查实问题线索12条，部分属实8条", 12, "reports_verified"),
    ("其中，属实12件，部分属实8件，不属实45件", 8, "reports_verified"),
    ("其中，属实12件，部分属实8件，不属实45件", 45, "other"),  # found untrue
    ("全年共受理群众信访举报案件238件", 238, "reports_received"),  # petitions, though called 案件
    ("受理群众举报案件38件，查实12件", 38, "reports_received"),
    # complaints received are reports received; a complaint named but not received is not
    ("共受理群众投诉152件，办结148件", 152, "reports_received"),
    ("收到涉及村干部的投诉37件，经核查属实12件", 37, "reports_received"),
    ("对群众投诉的问题逐一核查，共整改问题15个", 15, "problems_rectified"),
    ("共查处违纪违法案件38件", 38, "cases_investigated"),
    # the words after 、 belong to the next figure, not to the one before it
    ("共发现问题98个、整改问题87个", 98, "other"),
    # an item that opens with another measure's verb is no more of the list
    ("其中给予党纪政务处分2.3万人、移送检察机关680人", 680, "other"),
    ("移送司法机关处理7人", 7, "other"),  # handed to the judiciary, not dealt with
    ("将8名涉嫌犯罪人员移送检察机关依法处理", 8, "other"),
    ("全市纪检监察机关处理党员干部326人", 326, "people_held_accountable"),
    ("处分5人、2人被移送司法机关", 2, "other"),  # the item's own verb names another measure
    ("处分5人和2人移送检察机关", 2, "other"),
    # a list of people that undergoes one passive action: each item is its object
    ("共有3名处级干部、12名科级干部被立案审查", 3, "cases_filed"),
    ("3名村干部和2名乡镇干部受到党纪处分", 3, "people_disciplined"),
    ("5名村干部、2名乡镇干部被移送司法机关", 5, "other"),
    ("建立公开网站13个、电子屏幕35个", 35, "disclosure_count"),
    ("日前，中央纪委国家监委对6起形式主义、官僚主义典型问题进行公开通报", 6, "cases_publicized"),
    # a breakdown in a sentence of its own that opens with 其中
    ("该县运用“四种形态”处理654人次。其中，第一种形态368人次，占56.3%；第二种形态231人次", 368,
     "people_held_accountable"),
    ("该县运用“四种形态”处理654人次。其中，第一种形态368人次，占56.3%；第二种形态231人次", 231,
     "people_held_accountable"),
    ("镇纪委收到群众信访33件，已办理31件", 33, "reports_received"),
    ("全年共受理群众信访52件", 52, "reports_received"),
    # the subject of a passive, however long the cause before 被
    ("截至3月13日，已有8名党员领导干部因收送“红包”问题被给予党纪政纪处分", 8, "people_disciplined"),
    ("已有8名党员领导干部因违规收送“红包”礼金问题受到党纪处分", 8, "people_disciplined"),
    # the people of the cases: what the action before both did to them
    ("给予党纪政纪处分5起5人", 5, "people_disciplined"),
    ("查处各类“微腐败”问题12起15人", 15, "people_held_accountable"),
    # the everyday words for a reminder or a criticism
    ("对党员领导干部咬咬耳朵、扯扯袖子21人次", 21, "people_admonished"),
    # the rate of a change of the petitions named before it; the change of a share of them is none
    ("去年共接受信访举报430件，比上年同期298件上升了132件、上升率44%", 44, "petition_change_pct"),
    ("信访举报总量同比下降28.8%，检举控告类占比下降5.2%", -5.2, "other"),
    ("署名举报占比量略有增长，与去年同期占比47.5%相比，增长10.3%", 10.3, "other"),
    ("来信占比35%，网络举报同比下降20%", -20, "petition_change_pct"),
    # a figure stated before, said again
    ("从查处的这219件问题看，违规吃喝问题最多", 219, "other"),
    ("这7起典型问题暴露出一些党员干部纪法意识淡薄", 7, "other"),
    ("因此5名干部受到党纪处分", 5, "people_disciplined"),
    # an action the figure undergoes right after it, not the noun before it
    ("市纪委严查违规发放福利问题 8起被通报", 8, "cases_publicized"),
    # the people of what counts no metric count none either
    ("向被巡察单位移交问题线索2件3人", 3, "other"),
    ("共查处问题16起，党政纪处理24人，组织处理10人", 24, "people_disciplined"),
    ("共有14人受到“双开”等处罚", 14, "people_disciplined"),
    ("全省共处理处分4031人，其中党纪政务处分2015人", 4031, "people_held_accountable"),
    ("先后约谈和函询市管干部60人", 60, "other"),  # talks and letters of inquiry
    ("共接受信访举报线索46条", 46, "reports_received"),
    ("巡察发现问题452个，已整改销号386个", 386, "problems_rectified"),
    ("巡察组拟立案9起", 9, "other"),  # planned
    # a list of people before a passive with a long cause: each item undergoes it
    ("有5名地厅级干部、11名县处级干部、207名乡科级干部因违反中央八项规定精神受到党纪政纪处分", 5, "people_disciplined"),
    ("有5名地厅级干部、11名县处级干部、207名乡科级干部因违反中央八项规定精神受到党纪政纪处分", 11, "people_disciplined"),
    # the petitions a clause right after names
    ("与上年共接收68件相比，今年一季度增加了47件，同比上升69.1%，信访举报总量呈明显上升趋势", 69.1, "petition_change_pct"),
    ("全年共收到的处置问题线索197.6万件", 1976000, "other"),  # clues handled, though received
    ("2014年有23646人因违反八项规定受党纪政纪处分", 23646, "people_disciplined"),
    # items of party, village and finance affairs made public
    ("录入党务公开信息220条、村务公开信息298条、财务公开信息148条", 298, "disclosure_count"),
    ("全年村级党务、村务、财务公开1731条", 1731, "disclosure_count"),
    ("经常性开展咬耳扯袖、红脸出汗36人次", 36, "people_admonished"),
    # cases concluded, people punished, the people of the cases filed
    ("该县纪委已查结2483件", 2483, "cases_investigated"),
    ("官方至今已惩处超过720万人", 7200000, "people_held_accountable"),
    ("查纠问题862个，处理党员干部610人", 862, "cases_investigated"),
    ("县纪委监委已立案160件、涉及203人", 203, "cases_filed"),
    # what other bodies handle, and what is only screened or checked first, is no case of theirs
    ("开除党籍10人，移送司法机关查处3人", 3, "other"),
    ("对过去两年侦破的涉黑涉恶案件逐案过筛，共筛查案件4956件", 4956, "other"),
    ("全区共初核问题7649件", 7649, "other"),
    # 受 with the action after it, however far from the figure
    ("56名党员干部和公职人员受处理", 56, "people_held_accountable"),
    ("清理扶贫领域腐败和作风问题3.4万多件 639人受到纪律处分", 639, "people_disciplined"),
    # a clause that ranks what it names, then the figure
    ("从问责情形看，党纪政务处分最多，698人次", 698, "people_disciplined"),
    ("受理信访举报30件，同比增25%", 25, "petition_change_pct"),
    # the months of a series continue its metric
    ("今年7月全国查处违规吃喝问题893起，8月892起，9月1030起", 1030, "cases_investigated"),
    # a list whose later items count other things in other units
    ("推动整改问题1029个、建立健全制度172项、协助构建数字化应用场景7个", 172, "other"),
    ("推动整改问题1029个、建立健全制度172项、协助构建数字化应用场景7个", 7, "other"),
    # an object of 对 that runs past a comma to its action, but not into another object's
    ("市纪委监委还对4名管党治党不力，工作推动不力的领导干部进行严肃追责", 4, "people_held_accountable"),
    ("目前，该区已对24名干部启动履责调查，对相关责任人给予批评教育", 24, "other"),
    # a verb right before the figure and its noun right after it
    ("共受理52件信访举报", 52, "reports_received"),
    ("巡察期间对10个单位巡察，仅收到37件信访件", 37, "reports_received"),
    ("今年以来收到23件群众来信", 23, "reports_received"),
    # items that open with another measure's verb, people of clues handled, a breakdown moved on
    ("立案11件、列入排查21件、初核213件", 21, "other"),
    ("立案11件、列入排查21件、初核213件", 213, "other"),
    ("受理处置垂管单位问题线索6件8人", 8, "other"),
    ("开除党籍30人（其中6人移送检察机关）", 6, "other"),
    ("全市范围内共查处了违规购车等典型案例18宗", 18, "cases_investigated"),
    # a rate per person, a bound on spending
    ("每人加收修路工费8元，共计3920元", 8, "other"),
    ("每人加收修路工费8元，共计3920元", 3920, "amount_yuan"),
    ("一万元以上支出由街道统一招标", 10000, "other"),
    # the people of the cases filed without 、; of a count of problems handled
    ("山东省纪检监察机关立案633件涉及675人，组织处理316人", 675, "cases_filed"),
    ("截至目前，绵阳市纪委监委查处问题50个72人", 72, "people_held_accountable"),
    ("2023年以来，全省立案校园餐问题521件530人", 521, "cases_filed"),
    # clues and people handed on to another body are no measure of the body that hands them on
    ("移送村干部涉嫌违规违纪问题线索63件，目前已组织处理18人", 63, "other"),
    ("审计署共移送案件线索970多件", 970, "other"),
    ("共受理民警违法违纪案件线索370起，查处民警违纪违法案件32起", 370, "other"),
    ("涉及金额300多亿元，280多人被移送纪检监察等部门处理", 280, "other"),
    ("审计发现问题，移送司法、纪检监察机关处理7人", 7, "other"),
    ("全市纪检监察机关处理党员干部326人", 326, "people_held_accountable"),
    # prices per quantity of goods and the money of the economy
    ("负责人在粮食入库环节再以0.1元/斤套取价差", 0.1, "other"),
    ("合作社以每百斤低于市场价至少12元的价格收购湿稻", 12, "other"),
    ("在村里头办事儿招待宾客，每桌饭菜350元左右", 350, "other"),
    ("2019年云霄县的国内生产总值为260.72亿元", 26072000000, "other"),
    # files screened or reviewed, reports found untrue, inquiries concluded
    ("对“减、假、暂”案件倒查20年，共排查案件8万余件", 80000, "other"),
    ("今年1至10月，共协审评查案件54件", 54, "other"),
    ("其中反映失实予以澄清了结2.8万件（次）", 28000, "other"),
    ("已对276名省管领导干部进行了谈话函询，已有处置结果的202人", 202, "other"),
    # a list item that names only the noun of the first item's verb and noun; cases corrected
    ("整改干警违规经商办企业问题7012件、违规参股借贷问题3278件", 3278, "problems_rectified"),
    ("依法纠正违规违法“减假暂”案件10279件", 10279, "problems_rectified"),
    # an action the figure undergoes right after it, not the action of the figure before
    ("22名一把手被约谈 768人被查处", 768, "people_held_accountable"),
    ("对1.6万件违法用地案件进行立案查处", 16000, "cases_investigated"),
    # kinds of what is counted are no count of it
    ("共整改问题12类35个", 12, "other"),
    ("共整改问题12类35个", 35, "problems_rectified"),
    ("明确了提出监察建议的7种情形", 7, "other"),
    # a company's books and an entitlement are no money of discipline work
    ("国资监管企业资产总额近6万亿元", 6e12, "other"),
    ("全年实现利润总额1470.31亿元", 147031000000, "other"),
    ("死亡后可领取一次性丧葬补助费1400元", 1400, "other"),
    ("违规领取丧葬补助费1400元", 1400, "amount_yuan"),
    # clues, whatever is done with them, are no cases; clues found true are reports verified
    ("查结上级交办、转办的各类重点线索68件", 68, "other"),
    ("已处理12人，另有15起问题线索正在查办中", 15, "other"),
    ("查处社会救助领域问题线索3件，给予党纪处分2人", 3, "other"),
    ("查处社会救助领域问题线索3件，给予党纪处分2人", 2, "people_disciplined"),
    ("查实问题线索8234条，涉及资金1723.1万元", 8234, "reports_verified"),
    ("收到举报线索12条", 12, "reports_received"),
    # problems made public; batches of them are no count of cases
    ("发现整改问题52个，通报问题13个", 13, "cases_publicized"),
    ("通报曝光典型问题5批12起，涉及18人", 5, "other"),
    ("通报曝光典型问题5批12起，涉及18人", 12, "cases_publicized"),
    ("党纪政纪处分6人、警示提醒6人", 6, "people_admonished"),
    ("1名领导干部作出深刻检查", 1, "people_admonished"),
    ("140个具体问题得到整改", 140, "problems_rectified"),
    # the object of 对 runs up to its comma, and its action comes right after (分别给予)
    ("对分管领导等10名责任人，分别给予党内严重警告、行政降级等处分", 10, "people_disciplined"),
    # an item with a passive of its own is no subject of the passive after the list
    ("2023年全年20人被查、12人被处分", 20, "other"),
    ("2023年全年20人被查、12人被处分", 12, "people_disciplined"),
    # 一把手 is a chief: no 把 makes the figure an object
    ("留置教育系统一把手两人，给予党纪政务处分88人", 2, "other"),
    # a clause of people handed on is no item of the discipline before it
    ("处分县处级以上干部4,698人，移送司法机关的县处级以上干部961人", 961, "other"),
    # the people a figure counts, then their action at once
    ("对3名科级干部诫勉谈话，5名违法违纪公职人员立案调查", 5, "cases_filed"),
    # newly filed cases; measures of land and goods count no metric; a forest's cover is no coverage
    ("今年1至6月，全省纪检监察机关新立案件5588件5704人", 5588, "cases_filed"),
    ("巡察组协调镇政府尽快解决全镇3万余亩田间淤涝问题", 30000, "other"),
    ("全省森林覆盖率41.1%", 41.1, "other"),
    ("该县已公布行政权力2668项", 2668, "disclosure_count"),
    ("全市教辅材料征订总额降至5600余万元，生均减负89元", 89, "other"),
    # typical cases released or reported; people 查办 or made accountable; problems dealt with
    ("市纪委监委集中发布5起违规吃喝典型案例", 5, "cases_publicized"),
    ("区纪委对全区的6个典型案例进行通报", 6, "cases_publicized"),
    ("全区共查办9名科级干部", 9, "people_held_accountable"),
    ("共查处案件56件共71人", 71, "people_held_accountable"),
    ("追究相关领导责任6人", 6, "people_held_accountable"),
    ("排查出隐患问题320个，已完成整治298个", 298, "problems_rectified"),
    # criminal or legal liability, and a prosecutor's cases, are the courts' (not discipline)
    ("移送司法机关追究刑事责任15人", 15, "other"),
    ("3人被追究法律责任", 3, "other"),
    ("检察机关查办职务犯罪42人", 42, "other"),
    # a change right before a count or a sum; a reward offered; an investment; a threshold of 大案
    ("今年受理信访举报的数量增加了320件", 320, "other"),
    ("全县住院费用同比下降120元", 120, "other"),
    ("信访举报总量下降为356件", 356, "reports_received"),
    ("举报属实的，将获得500元奖励", 500, "other"),
    ("举报违规操办酒席奖500元", 500, "other"),
    ("违规发放奖金3.2万元", 32000, "amount_yuan"),
    ("开发区完成投资额约18亿元", 1800000000, "other"),
    ("挪用公款20万元以上大案15件", 200000, "other"),
    # exempted from discipline; discipline named with other handling; 追究 alone; 严查 problems
    ("其中给予党纪处分36人，免予处分2人", 2, "other"),
    ("34名公职人员受到撤职、免职等处理", 34, "people_held_accountable"),
    ("76名责任人分别受到党纪政纪处分、问责处理或诫勉谈话", 76, "people_held_accountable"),
    ("给予党纪政纪处分或组织处理46名责任人员", 46, "people_held_accountable"),
    ("给予党纪政务处分36人、组织处理12人", 36, "people_disciplined"),
    ("全年共追究3972人", 3972, "people_held_accountable"),
    ("对27名责任人进行了警示追究", 27, "people_held_accountable"),
    ("刑事追究331人", 331, "other"),
    ("全县严查乡村建设腐败问题45个", 45, "cases_investigated"),
    # cases handed to the police; reports received as information; typical cases found
    ("全市移送公安机关违法案件159起", 159, "other"),
    ("该区共接到举报信息118条", 118, "reports_received"),
    ("检查发现违规使用公车典型案例3起", 3, "cases_investigated"),
    # people counted with 个人; a price of one of a thing
    ("会上点名批评了10个人", 10, "people_admonished"),
    ("墓地最高的1.98万元一套", 19800, "other"),
    # problems not yet rectified, alone or after a list item that is
    ("有涉及11家市属国有企业的52个问题未完成整改", 52, "other"),
    ("已整改问题617个、限期整改问题294个", 294, "other"),
    ("已整改问题617个、限期整改问题294个", 617, "problems_rectified"),
    # 教育提醒 admonishes; a count in brackets after the figure leaves it its action
    ("诫勉1人，教育提醒11人", 11, "people_admonished"),
    ("已对213名(217人次)相关人员进行处理", 213, "people_held_accountable"),
    # prices and rates: per meal, per month, a standard, prices that vary; a bank's books
    ("一顿仅7元钱的学生午餐", 7, "other"),
    ("每月发放管理费250元", 250, "other"),
    ("以一套校服2元的标准收取会费", 2, "other"),
    ("按照每套资料30元、50元不等的价格收取", 50, "other"),
    ("截至年末，该银行不良贷款8982.12万元", 89821200, "other"),
    ("丹阳粮储开具了一张1000万元的汇票", 10000000, "amount_yuan"),  # the sum in the case
    # bodies counted: the people after them take the action before both; problems handed to them are no rectification
    ("给予追责处理5个单位27人", 27, "people_held_accountable"),
    ("亲自向巡察整改涉及的29个单位交办整改问题清单", 29, "other"),
    ("指出整改存在问题200余条", 200, "other"),
    ("抽查案件103件，占全年结案总数的11.18%", 103, "other"),
    # problems solved; a ranking clause then 达 or 为; a list after 其余依次为; averages
    ("发现问题42个，督促推动解决39个", 39, "problems_rectified"),
    ("四川问责人数最多，达707人，其余依次为吉林省238人、新疆209人", 707, "people_held_accountable"),
    ("四川问责人数最多，达707人，其余依次为吉林省238人、新疆209人", 209, "people_held_accountable"),
    ("平均每个省市区查处2.48人", 2.48, "other"),
    ("人平近8万元", 80000, "other"),
    # visits are petitions; the second of two changes joined takes the first one's metric
    ("国家信访局登记接待的来访量同比下降22.8%", -22.8, "petition_change_pct"),
    ("接待来访群众571批825人次，与去年同期相比分别下降13.2%和18.3%", -18.3, "petition_change_pct"),
]


@pytest.mark.parametrize("text,value,metric", CASES, ids=[c[0][:14] for c in CASES])
def test_metric(text, value, metric):
    figures = {f["value"]: f["metric"] for f in extract_text("case", text)}
    assert figures.get(value) == metric, figures


def test_every_core_metric_has_a_case():
    core = {m.id for m in lexicon()[1]}
    assert len(core) == 14
    assert core <= {c[2] for c in CASES}


def test_metric_table_has_labels():
    rows = metric_table()
    assert {r["metric_id"] for r in rows} >= {"cases_investigated", "amount_yuan"}
    assert all(r["zh"] and r["en"] for r in rows)


def test_word_alignment_read_off_the_ends_agrees_with_jieba(seed_paths):
    """`_Bounds.either` answers for a fragment's two ends without segmenting it: on every clause
    of the seeds and every pair of positions, it agrees with jieba's own boundaries."""
    import re

    from pipeline.extract import read_document
    from pipeline.extract.metrics import _Bounds, word_bounds
    from pipeline.extract.normalize import normalize

    checked = 0
    for path in seed_paths:
        text = normalize(read_document(path).text).text
        for clause in re.split(r"[，,；;。！？!?\n：:]", text)[:40]:
            if len(clause) < 4:
                continue
            truth = word_bounds(clause)
            for s in range(len(clause)):
                for e in range(s + 1, min(len(clause), s + 5) + 1):
                    assert _Bounds(clause).either(s, e) == (s in truth or e in truth), (clause, s, e)
                    checked += 1
    assert checked > 1000
