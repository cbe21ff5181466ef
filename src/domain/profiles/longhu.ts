// 002 龙湖客户投诉处理流程 (4.1 工程类 is the main table; 4.2 销售承诺 and
// 4.3 规划设计 differ only in who is told first, and how soon).
import { everySeverity, type Profile } from './profile.js';

export const LONGHU: Profile = {
  name: 'longhu',
  title: { zh: '龙湖客户投诉处理流程', en: 'Longhu complaint procedure' },
  seed: '002',
  settings: {
    // 4.1 "物业客服中心在当日告知项目工程部" → dispatch by the end of the working day.
    ...everySeverity('dispatch', 'eod'),
    // 4.2 "客户中心接到报事后,24小时内与项目营销经理联系"; 4.3 "物业接到报事后,24小时内与项目客户经理联系".
    'deadline.category.sales_promise.dispatch': '24h',
    'deadline.category.planning_design.dispatch': '24h',
    // "24小时内核实现场,明确责任" (4.2 and 4.3 say 24小时内核实情况 / 收集相关情况 too).
    ...everySeverity('site_check', '24h'),
    // General: "48小时内拟定整改方案和计划" (4.2 "于48小时内提出处理方案", 4.3 "48小时内…提出解决方案").
    // The 重要投诉 rows (claims and disputes, up to the 20000元 and over that are
    // major): "拟定处理方案…并报项目总监、总经理审批(三个工作日)" in all three tables.
    'deadline.general.plan': '48h',
    'deadline.important.plan': '3wd',
    'deadline.major.plan': '3wd',
    // "(以上工作于收到整改方案起12小时完成)": approving the plan, 12h after it.
    // Steps count only from receipt, assignment or resolution, and the plan
    // counts from receipt, so the approval does too: 48h + 12h = 60h. Where
    // the approval is part of the 3-working-day plan (重要投诉), it is due with it.
    'step.plan_approval.define': 'receipt,方案审批,plan approval',
    'deadline.general.plan_approval': '60h',
    'deadline.important.plan_approval': '3wd',
    'deadline.major.plan_approval': '3wd',
    // "在投诉处理完毕后7个工作日内,进行回访" in every table.
    ...everySeverity('follow_up', '7wd'),
    // 3.4 "重大投诉由地区公司总经理…向集团总经理及战略及品牌部的相关岗位通报": the
    // group is told in writing; the seed gives no time, so the written report's 24h.
    'report_up.major': 'director/phone/1h,director/written/24h,group/written/24h',
    // 3.4's approval levels: 5000元以下 职能负责人, 5000–20000 总经理, 20000以上 集团赔付委员会
    // (the defaults; named so the profile shows them).
    'approval.general_manager_from_yuan': '5000',
    'approval.committee_from_yuan': '20000',
  },
};
