// Every word a person reads, in Chinese and English. Enum values keep their
// English keys in JSON and CSV; here they get their labels.
import type { Params } from '../domain/errors.js';

export type Lang = 'zh' | 'en';


type Pair = { en: string; zh: string };

const LABELS: Record<string, Pair> = {
  // statuses
  'status.registered': { en: 'registered', zh: '已登记' },
  'status.assigned': { en: 'in progress', zh: '处理中' },
  'status.resolved': { en: 'resolved, awaiting call-back', zh: '已处理待回访' },
  'status.closed': { en: 'closed', zh: '已关闭' },
  // channels
  'channel.phone': { en: 'phone', zh: '来电' },
  'channel.visit': { en: 'visit', zh: '来访' },
  'channel.letter': { en: 'letter', zh: '来函' },
  'channel.fax': { en: 'fax', zh: '传真' },
  'channel.email': { en: 'e-mail', zh: '邮件' },
  'channel.online': { en: 'online / owners\' group', zh: '网络/业主群' },
  'channel.sms': { en: 'SMS', zh: '短信' },
  'channel.transfer': { en: 'transfer', zh: '转交' },
  'channel.other': { en: 'other', zh: '其他' },
  // kinds
  'kind.complaint': { en: 'complaint', zh: '投诉' },
  'kind.suggestion': { en: 'suggestion', zh: '建议' },
  'kind.inquiry': { en: 'inquiry', zh: '咨询' },
  'kind.praise': { en: 'praise', zh: '表扬' },
  // categories
  'category.planning_design': { en: 'planning & design', zh: '规划设计' },
  'category.construction_quality': { en: 'construction quality', zh: '工程质量' },
  'category.sales_promise': { en: 'sales promise', zh: '销售承诺' },
  'category.property_service': { en: 'property service', zh: '物业管理' },
  'category.other': { en: 'other', zh: '其他' },
  // subcategories (suggested)
  'subcategory.security': { en: 'security', zh: '安保' },
  'subcategory.cleaning': { en: 'cleaning', zh: '保洁' },
  'subcategory.landscaping': { en: 'landscaping', zh: '绿化' },
  'subcategory.repair': { en: 'repair', zh: '维修' },
  'subcategory.parking': { en: 'parking', zh: '停车' },
  'subcategory.fees': { en: 'fees', zh: '收费' },
  'subcategory.noise': { en: 'noise', zh: '噪音' },
  'subcategory.attitude': { en: 'service attitude', zh: '服务态度' },
  'subcategory.facilities': { en: 'facilities', zh: '公共设施' },
  'subcategory.leak': { en: 'leak', zh: '渗漏' },
  // severities
  'severity.general': { en: 'general', zh: '一般' },
  'severity.important': { en: 'important', zh: '重要' },
  'severity.major': { en: 'major', zh: '重大' },
  // validity
  'validity.unverified': { en: 'unverified', zh: '待核实' },
  'validity.valid': { en: 'valid', zh: '有效' },
  'validity.invalid': { en: 'invalid', zh: '无效' },
  'validity.malicious': { en: 'malicious', zh: '恶意' },
  // call-back
  'method.phone': { en: 'phone', zh: '电话' },
  'method.visit': { en: 'visit', zh: '上门' },
  'method.sms': { en: 'SMS', zh: '短信' },
  'method.other': { en: 'other', zh: '其他' },
  'outcome.no_answer': { en: 'no answer', zh: '无人接听' },
  'outcome.wrong_number': { en: 'wrong number', zh: '号码错误' },
  'outcome.refused': { en: 'refused', zh: '拒绝回访' },
  'outcome.call_later': { en: 'call later', zh: '稍后再打' },
  'satisfaction.1': { en: 'very satisfied', zh: '很满意' },
  'satisfaction.2': { en: 'satisfied', zh: '满意' },
  'satisfaction.3': { en: 'fair', zh: '基本满意' },
  'satisfaction.4': { en: 'unsatisfied', zh: '不满意' },
  'satisfaction.5': { en: 'very unsatisfied', zh: '很不满意' },
  'approval.department_head': { en: 'department head', zh: '部门负责人' },
  'approval.general_manager': { en: 'general manager', zh: '总经理' },
  'approval.compensation_committee': { en: 'compensation committee', zh: '赔偿委员会' },
  // actions in the timeline
  'action.register': { en: 'registered', zh: '登记' },
  'action.classify': { en: 'classified', zh: '分类' },
  'action.assign': { en: 'assigned', zh: '派单' },
  'action.transfer': { en: 'transferred', zh: '转派' },
  'action.contact': { en: 'contacted complainant', zh: '联系客户' },
  'action.note': { en: 'note', zh: '备注' },
  'action.resolve': { en: 'resolved', zh: '处理完成' },
  'action.follow-up': { en: 'called back', zh: '回访' },
  'action.follow-up-attempt': { en: 'call-back attempt', zh: '回访未果' },
  'action.reopen': { en: 'reopened', zh: '重新处理' },
  'action.close': { en: 'closed', zh: '关闭' },
  'action.escalate': { en: 'escalated', zh: '升级' },
  'action.extend': { en: 'deadline extended', zh: '延期' },
  'action.sweep': { en: 'sweep', zh: '定时检查' },
  'action.import': { en: 'imported', zh: '导入' },
  // export, import, attachments, backup, doctor
  'action.attach': { en: 'file attached', zh: '添加附件' },
  // deadlines
  'deadline.contact': { en: 'contact', zh: '首次联系' },
  'deadline.resolve': { en: 'resolve', zh: '处理完成' },
  'deadline.followUp': { en: 'call-back', zh: '回访' },
  // field names
  'field.ticket': { en: 'Ticket', zh: '编号' },
  'field.receivedAt': { en: 'Received', zh: '受理时间' },
  'field.channel': { en: 'Channel', zh: '渠道' },
  'field.kind': { en: 'Kind', zh: '类型' },
  'field.category': { en: 'Category', zh: '类别' },
  'field.subcategory': { en: 'Subcategory', zh: '子类' },
  'field.severity': { en: 'Severity', zh: '级别' },
  'field.validity': { en: 'Validity', zh: '有效性' },
  'field.status': { en: 'Status', zh: '状态' },
  'field.name': { en: 'Complainant', zh: '投诉人' },
  'field.phone': { en: 'Phone', zh: '电话' },
  'field.estate': { en: 'Estate', zh: '项目' },
  'field.unit': { en: 'Unit', zh: '房号' },
  'field.subject': { en: 'Subject', zh: '主题' },
  'field.description': { en: 'Description', zh: '投诉内容' },
  'field.demand': { en: 'Demand', zh: '诉求' },
  'field.receiver': { en: 'Received by', zh: '首问责任人' },
  'field.department': { en: 'Department', zh: '责任部门' },
  'field.officeCode': { en: 'Code', zh: '代码' },
  'field.officeName': { en: 'Office', zh: '服务中心' },
  'field.assignee': { en: 'Assignee', zh: '处理人' },
  'field.households': { en: 'Households', zh: '涉及户数' },
  'field.claim': { en: 'Claim', zh: '索赔金额' },
  'field.safety': { en: 'Safety hazard', zh: '安全隐患' },
  'field.media': { en: 'Media / regulator', zh: '媒体/监管介入' },
  'field.contactedAt': { en: 'First contact', zh: '首次联系' },
  'field.resolvedAt': { en: 'Resolved', zh: '处理时间' },
  'field.resolution': { en: 'Resolution', zh: '处理结果' },
  'field.cost': { en: 'Cost', zh: '赔偿/费用' },
  'field.responsible': { en: 'Responsible', zh: '责任方' },
  'field.approvedBy': { en: 'Approved by', zh: '审批人' },
  'field.followUp': { en: 'Call-back', zh: '回访' },
  'field.closedAt': { en: 'Closed', zh: '关闭时间' },
  'field.closeReason': { en: 'Close reason', zh: '关闭原因' },
  'field.repeatOf': { en: 'Repeat of', zh: '重复投诉' },
  'field.flagged': { en: 'For management meeting', zh: '提交管理层会议' },
  'field.deadlines': { en: 'Deadlines', zh: '时限' },
  'field.timeline': { en: 'Timeline', zh: '处理记录' },
  'field.due': { en: 'Due', zh: '到期' },
  'field.actor': { en: 'By', zh: '操作人' },
  'field.extendedUntil': { en: 'Extended until', zh: '延期至' },
  'field.attempts': { en: 'Call-back attempts', zh: '回访尝试' },
  // calendar
  'action.calendar-set': { en: 'calendar day set', zh: '设置日历' },
  'action.calendar-unset': { en: 'calendar day unset', zh: '取消日历调整' },
  'action.recount': { en: 'deadlines recounted (calendar changed)', zh: '日历变更，时限重算' },
  'weekday.1': { en: 'Mon', zh: '周一' },
  'weekday.2': { en: 'Tue', zh: '周二' },
  'weekday.3': { en: 'Wed', zh: '周三' },
  'weekday.4': { en: 'Thu', zh: '周四' },
  'weekday.5': { en: 'Fri', zh: '周五' },
  'weekday.6': { en: 'Sat', zh: '周六' },
  'weekday.7': { en: 'Sun', zh: '周日' },
  'weekday.short.1': { en: 'Mo', zh: '一' },
  'weekday.short.2': { en: 'Tu', zh: '二' },
  'weekday.short.3': { en: 'We', zh: '三' },
  'weekday.short.4': { en: 'Th', zh: '四' },
  'weekday.short.5': { en: 'Fr', zh: '五' },
  'weekday.short.6': { en: 'Sa', zh: '六' },
  'weekday.short.7': { en: 'Su', zh: '日' },
  'dayreason.weekday': { en: 'working day', zh: '工作日' },
  'dayreason.weekend': { en: 'weekend', zh: '周末' },
  'dayreason.holiday': { en: 'holiday', zh: '放假' },
  'dayreason.workday': { en: 'working day', zh: '上班' },
  'dayreason.workedWeekend': { en: 'worked weekend', zh: '周末调休上班' },
  'daykind.holiday': { en: 'holiday', zh: '放假' },
  'daykind.workday': { en: 'working day', zh: '上班' },
  'daymark.holiday': { en: 'H', zh: '休' },
  'daymark.workday': { en: 'W', zh: '班' },
  'daysource.official': { en: 'official', zh: '国务院安排' },
  'daysource.office': { en: 'office setting', zh: '本单位调整' },
  // calendar: provisional years (statutory days until the notice is loaded)
  'daysource.statutory': { en: 'statutory day off, provisional', zh: '法定假日，暂定' },
  'change.new': { en: 'new', zh: '新增' },
  'change.changed': { en: 'changed', zh: '修改' },
  'change.unchanged': { en: 'unchanged', zh: '不变' },
  'word.yes': { en: 'yes', zh: '是' },
  'word.warning': { en: 'warning', zh: '警告' },
  'word.hint': { en: 'warning', zh: '提示' },
  'word.error': { en: 'error', zh: '错误' },
  'word.no': { en: 'no', zh: '否' },
  'word.none': { en: '—', zh: '—' },
  'word.active': { en: 'active', zh: '启用' },
  'word.disabled': { en: 'disabled', zh: '停用' },
  // report
  'report.title.monthly': { en: 'Monthly complaint report', zh: '投诉月报' },
  'report.title.weekly': { en: 'Weekly complaint report', zh: '投诉周报' },
  'report.title.range': { en: 'Complaint report', zh: '投诉统计报告' },
  'report.period': { en: 'Period', zh: '统计期间' },
  'report.computedAt': { en: 'Computed at', zh: '统计时间' },
  'report.summary': { en: 'Summary', zh: '总体情况' },
  'report.received': { en: 'Received', zh: '受理总数' },
  'report.invalid': { en: 'Invalid or malicious', zh: '无效/恶意' },
  'report.contactedOnTimeRate': { en: 'Contacted on time', zh: '及时联系率' },
  'report.resolved': { en: 'Resolved', zh: '处理完成' },
  'report.resolvedOnTime': { en: 'Resolved on time', zh: '按时处理' },
  'report.resolvedOnTimeRate': { en: 'Resolved on time (rate)', zh: '按时处理率' },
  'report.extended': { en: 'Extended (agreed)', zh: '延期（经客户同意）' },
  'report.medianResolveWorkdays': { en: 'Median working days to resolve', zh: '处理用时中位数（工作日）' },
  'report.meanResolveWorkdays': { en: 'Mean working days to resolve', zh: '平均处理用时（工作日）' },
  'report.followUpRate': { en: 'Call-back rate (target 100%)', zh: '回访率（目标 100%）' },
  'report.satisfactionRate': { en: 'Satisfaction rate (scores 1–3)', zh: '满意率（1–3 分）' },
  'report.repeats': { en: 'Repeat complaints', zh: '重复投诉' },
  'report.escalated': { en: 'Escalated', zh: '升级' },
  'report.openAtEnd': { en: 'Open at period end', zh: '期末未关闭' },
  'report.overdueAtEnd': { en: 'Overdue at period end', zh: '期末超期' },
  'report.compensationTotal': { en: 'Compensation paid (yuan)', zh: '赔偿/维修费用（元）' },
  'report.byKind': { en: 'By kind', zh: '按类型' },
  'report.byCategory': { en: 'By category', zh: '按类别' },
  'report.bySubcategory': { en: 'By subcategory', zh: '按子类' },
  'report.bySeverity': { en: 'By severity', zh: '按级别' },
  'report.byChannel': { en: 'By channel', zh: '按渠道' },
  'report.byDepartment': { en: 'By department', zh: '按责任部门' },
  'report.byEstate': { en: 'By estate', zh: '按项目' },
  'report.satisfaction': { en: 'Satisfaction of call-backs', zh: '回访满意度' },
  'report.compensation': { en: 'Payments recorded in the period, by responsible department (yuan)', zh: '本期支付的赔偿/维修费用（按责任部门，元）' },
  'report.major': { en: 'Major complaints', zh: '重大投诉' },
  'report.groups': { en: 'Possible group complaints', zh: '可能的群诉' },
  'report.trend': { en: 'Received, last 12 months', zh: '近 12 个月受理量' },
  'report.rates': { en: 'On-time rates', zh: '时效与满意' },
  'report.none': { en: '(none)', zh: '（无）' },
  'report.col.ticket': { en: 'Ticket', zh: '编号' },
  'report.col.subject': { en: 'Subject', zh: '主题' },
  'report.col.status': { en: 'Status', zh: '状态' },
  'report.col.department': { en: 'Department', zh: '部门' },
  'report.col.estate': { en: 'Estate', zh: '项目' },
  'report.col.category': { en: 'Category', zh: '类别' },
  'report.col.subcategory': { en: 'Subcategory', zh: '子类' },
  'report.col.units': { en: 'Units', zh: '户数' },
  'report.col.tickets': { en: 'Tickets', zh: '编号' },
  'report.col.figure': { en: 'Figure', zh: '指标' },
  // a group's report (SPEC §14)
  'report.offices': { en: 'By office', zh: '按服务中心' },
  // report --by (figures for assessment, SPEC §12)
  'report.by.department': { en: 'By department', zh: '按部门' },
  'report.by.person': { en: 'By person handling', zh: '按处理人' },
  'report.by.receiver': { en: 'By receiver', zh: '按受理人' },
  'report.byKey.department': { en: 'Department', zh: '部门' },
  'report.byKey.person': { en: 'Person', zh: '处理人' },
  'report.byKey.receiver': { en: 'Receiver', zh: '受理人' },
  'report.byCol.received': { en: 'Received', zh: '受理' },
  'report.byCol.valid': { en: 'Valid', zh: '有效' },
  'report.byCol.atFault': { en: 'At fault', zh: '有责' },
  'report.byCol.stepsLate': { en: 'Steps late / due', zh: '超时环节 / 到期环节' },
  'report.byCol.resolvedOnTimeRate': { en: 'Resolved on time', zh: '按时办结率' },
  'report.byCol.callBackOnTimeRate': { en: 'Call-backs on time', zh: '按时回访率' },
  'report.byCol.satisfactionRate': { en: 'Satisfaction', zh: '满意率' },
  'report.byCol.payments': { en: 'Payments (yuan)', zh: '赔付（元）' },
  'report.groupTotal': { en: 'Group total', zh: '集团合计' },
  'report.office.code': { en: 'Code', zh: '代码' },
  'report.office.name': { en: 'Office', zh: '服务中心' },
  'report.office.received': { en: 'Received', zh: '受理' },
  'report.office.resolved': { en: 'Resolved', zh: '办结' },
  'report.office.resolvedOnTimeRate': { en: 'Resolved on time', zh: '按时办结率' },
  'report.office.followUpRate': { en: 'Called back', zh: '回访率' },
  'report.office.satisfactionRate': { en: 'Satisfied', zh: '满意率' },
  'report.office.compensation': { en: 'Compensation (yuan)', zh: '赔偿（元）' },
  'report.office.openAtEnd': { en: 'Open at end', zh: '期末未结' },
  'report.office.overdueAtEnd': { en: 'Overdue at end', zh: '期末超期' },
  'report.col.value': { en: 'Value', zh: '数值' },
  'config.col.key': { en: 'key', zh: '设置项' },
  // the procedure's steps (SPEC §11)
  'step.dispatch': { en: 'dispatch', zh: '派单' },
  'step.contact': { en: 'first contact', zh: '首次联系' },
  'step.site_check': { en: 'site check', zh: '核实现场' },
  'step.plan': { en: 'plan', zh: '整改方案' },
  'step.resolve': { en: 'resolve', zh: '处理完成' },
  'step.feedback': { en: 'feedback to the desk', zh: '反馈首问' },
  'step.follow_up': { en: 'call-back', zh: '回访' },
  'action.step': { en: 'step done', zh: '完成步骤' },
  'action.report-up': { en: 'reported up', zh: '上报' },
  'action.deadline': { en: 'earlier deadline set', zh: '限期处理' },
  'step.report_up': { en: 'report up', zh: '上报' },
  'role.director': { en: 'service centre director', zh: '主任' },
  'role.dept_head': { en: 'department head', zh: '部门负责人' },
  'role.general_manager': { en: 'general manager', zh: '总经理' },
  'role.group': { en: 'the group', zh: '集团' },
  'via.phone': { en: 'by phone', zh: '电话' },
  'via.written': { en: 'in writing', zh: '书面' },
  'via.meeting': { en: 'at a meeting', zh: '会议' },
  'field.reportUps': { en: 'Reports up', zh: '上报' },
  'report.reportUps': { en: 'Reports up due in the period: made on time / due', zh: '本期到期的上报：按时 / 到期' },
  'config.col.value': { en: 'value', zh: '当前值' },
  'config.col.default': { en: 'default', zh: '默认值' },
  // payments, closing, snapshots (SPEC §12, §13, §7)
  'closeReason.invalid': { en: 'invalid', zh: '无效' },
  'closeReason.duplicate': { en: 'duplicate', zh: '重复登记' },
  'closeReason.withdrawn': { en: 'withdrawn', zh: '撤诉' },
  'closeReason.merged': { en: 'merged into a group complaint', zh: '并入群诉' },
  'closeReason.unreachable': { en: 'unreachable', zh: '联系不上' },
  'closeReason.followed_up': { en: 'called back', zh: '已回访' },
  'closeReason.answered': { en: 'answered', zh: '已答复' },
  'field.payments': { en: 'Payments', zh: '费用明细' },
  'field.duplicateOf': { en: 'Duplicate of', zh: '重复于' },
  'field.responsiblePerson': { en: 'Responsible person', zh: '责任人' },
  'report.steps': { en: 'Steps due in the period: done on time / due', zh: '本期到期的处理步骤：按时完成 / 到期' },
  'report.closedWithoutCallBack': { en: 'Closed without call-back', zh: '未回访关闭' },
  'report.snapshot': { en: 'Snapshot', zh: '快照' },
  // ── rounds of talks: contact --outcome, three failed rounds raise general to important (SPEC §11) ──
  'talk.agreed': { en: 'agreed', zh: '达成一致' },
  'talk.disagreed': { en: 'not agreed', zh: '未达成一致' },
  'field.disagreedTalks': { en: 'Talks without agreement', zh: '未达成一致的沟通' },
  // ── profiles and the settings file: config profile, config export/import, report_up settings (SPEC §11) ──
  'profile.col.name': { en: 'name', zh: '名称' },
  'profile.col.title': { en: 'title', zh: '流程' },
  'profile.col.seed': { en: 'seed', zh: '来源' },
  // ── money and accountability: staff, approvals, incident facts, cause and correction, spot checks, group complaints (SPEC §12) ──
  'staffRole.director': { en: 'service centre director', zh: '服务中心主任' },
  'staffRole.dept_head': { en: 'department head', zh: '部门负责人' },
  'staffRole.general_manager': { en: 'general manager', zh: '总经理' },
  'staffRole.committee': { en: 'compensation committee', zh: '赔偿委员会' },
  'field.staffName': { en: 'name', zh: '姓名' },
  'field.staffRole': { en: 'role', zh: '角色' },
  'action.approve': { en: 'compensation approved', zh: '赔偿审批' },
  'action.audit': { en: 'spot check', zh: '抽查' },
  'action.group': { en: 'linked into a group complaint', zh: '并为群诉' },
  'audit.pass': { en: 'pass', zh: '合格' },
  'audit.fail': { en: 'fail', zh: '不合格' },
  'field.about': { en: 'About', zh: '被投诉对象' },
  'field.happenedAt': { en: 'Happened', zh: '事发时间' },
  'field.place': { en: 'Place', zh: '事发地点' },
  'field.possiblyInvalid': { en: 'Possibly invalid', zh: '疑似无效' },
  'field.cause': { en: 'Cause', zh: '原因分析' },
  'field.correctiveAction': { en: 'Corrective action', zh: '改善措施' },
  'field.approvals': { en: 'Approved before the work', zh: '事前审批' },
  'field.audits': { en: 'Spot checks', zh: '抽查' },
  'field.group': { en: 'Group complaint', zh: '群诉' },
  'field.reviewedBy': { en: 'reviewed by', zh: '审核' },
  'report.audits': { en: 'Spot checks made in the period', zh: '本期抽查' },
  'report.audits.done': { en: 'Spot checks', zh: '抽查次数' },
  'report.audits.failed': { en: 'of which failed', zh: '其中不合格' },
  'report.confirmedGroups': { en: 'Group complaints confirmed in the period', zh: '本期确认的群诉' },
  'report.col.group': { en: 'group', zh: '群诉' },
  'report.col.at': { en: 'confirmed', zh: '确认时间' },
  'report.col.reason': { en: 'reason', zh: '原因' },
  // ── spreadsheets: workbooks, Chinese values, real registers (SPEC §15) ──
  'xlsx.sheet.complaints': { en: 'Complaints', zh: '投诉台账' },
  'xlsx.sheet.period': { en: 'Period', zh: '统计期间' },
  // ── the everyday desk: edit, undo, my work, today (SPEC §13, §16) ──
  'action.edit': { en: 'corrected', zh: '更正' },
  'action.undo': { en: 'last step undone', zh: '撤销上一步' },
  'word.undone': { en: 'undone', zh: '已撤销' },
  // ── estates and the prompts that ask what matters (SPEC §16) ──
  'field.estateAliases': { en: 'Also written', zh: '别名' },
  'report.by.estate': { en: 'By estate', zh: '按项目' },
  'report.byKey.estate': { en: 'Estate', zh: '项目' },
  // ── Chinese values, the parser's words, completion, help (SPEC §16) ──
  'status.open': { en: 'open (not closed)', zh: '未关闭' },
  'status.all': { en: 'all', zh: '全部' },
  'sort.newest': { en: 'newest first', zh: '最新' },
  'sort.oldest': { en: 'oldest first', zh: '最早' },
  'sort.due': { en: 'due first', zh: '到期' },
  'sort.severity': { en: 'severity', zh: '级别' },
  'sort.ticket': { en: 'ticket number', zh: '编号' },
  'headers.keys': { en: 'field keys', zh: '字段名' },
  'headers.en': { en: 'English', zh: '英文' },
  'headers.zh': { en: 'Chinese', zh: '中文' },
  'timeline.amount': { en: 'Amount', zh: '金额' },
  'timeline.assignedAt': { en: 'Assigned', zh: '派单时间' },
  'timeline.resolveFrom': { en: 'Resolve counted from', zh: '处理时限起算' },
  'timeline.approvalLevel': { en: 'Approval level', zh: '审批级别' },
  'timeline.outcome': { en: 'Outcome', zh: '结果' },
  'timeline.result': { en: 'Result', zh: '抽查结果' },
  'timeline.role': { en: 'Role', zh: '上报对象' },
  'timeline.to': { en: 'To', zh: '上报给' },
  'timeline.via': { en: 'Via', zh: '方式' },
  'timeline.step': { en: 'Step', zh: '环节' },
  'timeline.payment': { en: 'Payment', zh: '赔付' },
  'timeline.validityReason': { en: 'Validity reason', zh: '有效性说明' },
  'timeline.lastContactAt': { en: 'Last contact', zh: '最近联系' },
  'timeline.duplicateOf': { en: 'Duplicate of', zh: '重复于' },
  'timeline.method': { en: 'Method', zh: '方式' },
  'timeline.satisfaction': { en: 'Satisfaction', zh: '满意度' },
  'timeline.note': { en: 'Note', zh: '记录' },
  'timeline.at': { en: 'At', zh: '时间' },
  'timeline.reviewedBy': { en: 'Reviewed by', zh: '审核人' },
  'timeline.date': { en: 'Date', zh: '日期' },
  'timeline.undoneStep': { en: 'Step taken back', zh: '撤销的步骤' },
  'timeline.partSep': { en: ', ', zh: '，' },
  'word.listSep': { en: ', ', zh: '、' },
  'help.escalateTo': { en: 'the new severity', zh: '升至级别' },
  'help.subcategorySuggested': { en: 'subcategory, suggested', zh: '子类，建议' },
  'doctor.ok': { en: 'ok', zh: '正常' },
  'doctor.failed': { en: 'FAILED', zh: '异常' },
  'doctor.database': { en: 'Database', zh: '数据库' },
  'doctor.size': { en: 'Size', zh: '大小' },
  'doctor.schema': { en: 'Schema', zh: '结构版本' },
  'doctor.integrity': { en: 'Integrity', zh: '完整性' },
  'doctor.foreignKeys': { en: 'Foreign keys', zh: '外键' },
  'doctor.attachments': { en: 'Attachments (SHA-256)', zh: '附件校验' },
  'doctor.calendar': { en: 'Calendar', zh: '工作日历' },
  'doctor.table.complaints': { en: 'complaints', zh: '投诉' },
  'doctor.table.events': { en: 'events', zh: '处理记录' },
  'doctor.table.follow_ups': { en: 'call-backs', zh: '回访' },
  'doctor.table.departments': { en: 'departments', zh: '部门' },
  'doctor.table.attachments': { en: 'attachments', zh: '附件' },
  'promptKey.navigate': { en: 'navigate', zh: '移动' },
  'promptKey.select': { en: 'select', zh: '选定' },
  'help.title.Usage:': { en: 'Usage:', zh: '用法：' },
  'help.title.Options:': { en: 'Options:', zh: '选项：' },
  'help.title.Commands:': { en: 'Commands:', zh: '命令：' },
  'help.title.Arguments:': { en: 'Arguments:', zh: '参数：' },
  'help.title.Global Options:': { en: 'Global Options:', zh: '全局选项：' },
  'help.examples': { en: 'Examples:', zh: '示例：' },
  'help.example': { en: 'Example:', zh: '示例：' },
  // ── screens that fit: list's due column and footer, the pager, sizes (SPEC §16) ──
  'field.size': { en: 'Size', zh: '大小' },
};

const MESSAGES: Record<string, { en: (p: Params) => string; zh: (p: Params) => string }> = {
  // report --by
  'report.byOption': {
    en: () => 'figures per department, person handling, receiver or estate as well (部门/处理人/受理人/项目)',
    zh: () => '另按部门、处理人、受理人或项目列出各项指标（department 部门、person 处理人、receiver 受理人、estate 项目）',
  },
  'report.byChoices': {
    en: () => 'allowed: department (部门), person (处理人), receiver (受理人), estate (项目)',
    zh: () => '可选值：department（部门）、person（处理人）、receiver（受理人）、estate（项目）',
  },
  // output files: every file written for the user (export, report, attachments, backup), files read from the user, standard output
  'file.isDatabase': {
    en: (p) => `${p.file} is the database ${p.db} or one of its own files (-wal, -shm, -journal); writing there would destroy it. Give another file name.`,
    zh: (p) => `${p.file} 是数据库 ${p.db} 或其附属文件（-wal、-shm、-journal），写入会毁掉数据库。请换一个文件名。`,
  },
  'file.exists': {
    en: (p) => `${p.file} already exists. Give a new file name, or add --force to replace it.`,
    zh: (p) => `${p.file} 已存在。请换一个文件名，或加 --force 覆盖。`,
  },
  'file.noFolder': {
    en: (p) => `the folder of ${p.file} does not exist. Create it first, or give another path.`,
    zh: (p) => `${p.file} 所在的目录不存在。请先创建该目录，或换一个路径。`,
  },
  'file.isFolder': {
    en: (p) => `${p.file} is a folder. Give the name of a file (in that folder, for example).`,
    zh: (p) => `${p.file} 是一个目录。请给出文件名（例如该目录下的一个文件）。`,
  },
  'file.notPlain': {
    en: (p) => `${p.file} is not an ordinary file (a device, a pipe or a loop of links). Give the name of an ordinary file.`,
    zh: (p) => `${p.file} 不是普通文件（设备、管道或循环链接）。请给出普通文件的名称。`,
  },
  'file.denied': {
    en: (p) => `no permission to write ${p.file}. Choose a folder you can write to.`,
    zh: (p) => `没有权限写入 ${p.file}。请换一个可写的目录。`,
  },
  'file.diskFull': {
    en: (p) => `the disk is full: ${p.file} was not written, and nothing there was replaced. Free some space and try again.`,
    zh: (p) => `磁盘已满：未写入 ${p.file}，原有文件未被替换。请清理空间后重试。`,
  },
  'file.ioError': {
    en: (p) => `the disk failed while reading or writing ${p.file}; nothing there was replaced. Check the disk, then try again.`,
    zh: (p) => `读写 ${p.file} 时磁盘出错，原有文件未被替换。请检查磁盘后重试。`,
  },
  'file.missing': {
    en: (p) => `${p.file} does not exist. Check the path.`,
    zh: (p) => `${p.file} 不存在。请检查路径。`,
  },
  'file.notAFile': {
    en: (p) => `${p.file} is not a file. Give the path of a file.`,
    zh: (p) => `${p.file} 不是文件。请给出文件路径。`,
  },
  'file.noRead': {
    en: (p) => `no permission to read ${p.file}. Check the file's permissions.`,
    zh: (p) => `没有权限读取 ${p.file}。请检查文件权限。`,
  },
  'file.forceHelp': { en: () => 'replace the file if it exists', zh: () => '覆盖已存在的文件' },
  'stdout.failed': {
    en: () => 'cannot write to standard output (a full disk or a failing device?); the output is incomplete. Check where it is sent.',
    zh: () => '无法写入标准输出（磁盘已满或设备出错？），输出不完整。请检查输出的去向。',
  },
  // export, import, attachments, backup, doctor
  'export.done': { en: (p) => `Exported ${p.rows} complaint(s) to ${p.file} (${p.size}).`, zh: (p) => `已导出 ${p.rows} 条投诉到 ${p.file}（${p.size}）。` },
  'import.notCsv': {
    en: (p) => `${p.file} is not a readable CSV (line ${p.line}): ${p.detail}. Save it from the spreadsheet as CSV (UTF-8); nothing was imported.`,
    zh: (p) => `${p.file} 不是可读取的 CSV（第 ${p.line} 行）：${p.detail}。请在表格软件中另存为 CSV（UTF-8）；未导入任何内容。`,
  },
  'import.empty': {
    en: (p) => `${p.file} has no rows under its header. Nothing was imported.`,
    zh: (p) => `${p.file} 表头下没有数据行，未导入任何内容。`,
  },
  'import.invalid': {
    en: (p) => `${p.file}: ${p.count} problem(s); nothing was imported.\n${p.details}\nFix these cells and run the import again (--dry-run checks without writing).`,
    zh: (p) => `${p.file}：发现 ${p.count} 处问题，未导入任何内容。\n${p.details}\n请修改这些单元格后重新导入（可先用 --dry-run 只校验不写入）。`,
  },
  'import.more': { en: (p) => `… and ${p.n} more`, zh: (p) => `…… 另有 ${p.n} 处` },
  'import.err.missingColumn': {
    en: (p) => `the file has no column for ${p.column}. Add one (its header may be the key, the English or the Chinese name).`,
    zh: (p) => `文件缺少“${p.column}”列。请添加该列（表头可用字段名、英文或中文名）。`,
  },
  'import.err.duplicateColumn': {
    en: (p) => `these headers all mean ${p.column}; keep one.`,
    zh: (p) => `这些表头都表示“${p.column}”，请只保留一列。`,
  },
  'import.err.cellCount': {
    en: (p) => `the row has ${p.n} cells but the header has ${p.m}. Check for an unquoted comma.`,
    zh: (p) => `该行有 ${p.n} 个单元格，而表头只有 ${p.m} 列。请检查是否有未加引号的逗号。`,
  },
  'import.err.required': { en: () => 'is empty; it is required.', zh: () => '为空，此项必填。' },
  'import.err.badTime': {
    en: (p) => `"${p.value}" is not a date and time. Write 2026-09-12 10:00 or 2026-09-12T10:00:00+08:00.`,
    zh: (p) => `“${p.value}”不是日期时间。请写成 2026-09-12 10:00 或 2026-09-12T10:00:00+08:00。`,
  },
  'import.err.future': { en: (p) => `"${p.value}" is in the future.`, zh: (p) => `“${p.value}”晚于当前时间。` },
  'import.err.beforeReceived': { en: (p) => `"${p.value}" is before the received time.`, zh: (p) => `“${p.value}”早于受理时间。` },
  'import.err.badChoice': { en: (p) => `"${p.value}" is not one of: ${p.allowed}.`, zh: (p) => `“${p.value}”不是可选值之一：${p.allowed}。` },
  'import.err.badPhone': {
    en: (p) => `"${p.value}" is not a phone number. Give a mainland mobile (13800138000) or a landline with area code (010-12345678).`,
    zh: (p) => `“${p.value}”不是电话号码。请填写大陆手机号（13800138000）或带区号的座机（010-12345678）。`,
  },
  'import.err.maskedPhone': {
    en: (p) => `"${p.value}" is a masked phone. Import an export made without --mask.`,
    zh: (p) => `“${p.value}”是隐藏了部分数字的电话。请导入未加 --mask 导出的文件。`,
  },
  'import.err.badMoney': { en: (p) => `"${p.value}" is not an amount in yuan from 0 to ${p.max} (e.g. 5000 or 1200.50).`, zh: (p) => `“${p.value}”不是 0 到 ${p.max} 之间的金额（元），如 5000 或 1200.50。` },
  'import.err.badBool': { en: (p) => `"${p.value}" is not yes or no (true/false, 是/否, 1/0).`, zh: (p) => `“${p.value}”不是“是/否”（也可用 true/false、1/0）。` },
  'import.err.badSatisfaction': {
    en: (p) => `"${p.value}" is not a satisfaction of 1–5 (1 very satisfied … 5 very unsatisfied).`,
    zh: (p) => `“${p.value}”不是 1–5 的满意度（1 很满意 … 5 很不满意）。`,
  },
  'import.err.badTicket': {
    en: (p) => `"${p.value}" is not a ticket number (260912003 or 260912-3).`,
    zh: (p) => `“${p.value}”不是投诉编号（260912003 或 260912-3）。`,
  },
  'import.err.duplicateTicket': { en: (p) => `ticket ${p.value} is also on row ${p.other}.`, zh: (p) => `编号 ${p.value} 与第 ${p.other} 行重复。` },
  'import.err.ticketDate': {
    en: (p) => `ticket ${p.value} does not match the received date ${p.date} (its first six digits are YYMMDD).`,
    zh: (p) => `编号 ${p.value} 与受理日期 ${p.date} 不符（前六位应为年月日 YYMMDD）。`,
  },
  'import.err.ticketUsed': {
    en: (p) => `ticket ${p.value} is already in the database (was this file imported before?). Remove the row, or empty its ticket to give it a new number.`,
    zh: (p) => `编号 ${p.value} 已存在于数据库中（是否已导入过？）。请删除该行，或清空编号以分配新编号。`,
  },
  'import.err.statusNeeds': {
    en: (p) => `status ${p.status} needs a time in the column ${p.column}.`,
    zh: (p) => `状态“${label('zh', `status.${p.status}`)}”需要填写“${p.column}”。`,
  },
  'import.done': {
    en: (p) => `Imported ${p.rows} complaint(s) from ${p.file}: ${p.kept} kept their ticket numbers, ${p.renumbered} got new ones.`,
    zh: (p) => `已从 ${p.file} 导入 ${p.rows} 条投诉：${p.kept} 条保留原编号，${p.renumbered} 条分配了新编号。`,
  },
  'import.wouldImport': {
    en: (p) => `Dry run: ${p.file} is valid; ${p.rows} complaint(s) would be imported (${p.kept} keep their ticket numbers, ${p.renumbered} get new ones). Nothing was written.`,
    zh: (p) => `试运行：${p.file} 校验通过，可导入 ${p.rows} 条投诉（${p.kept} 条保留原编号，${p.renumbered} 条分配新编号）。未写入任何内容。`,
  },
  'import.departments': { en: (p) => `Departments added: ${p.names}.`, zh: (p) => `新增部门：${p.names}。` },
  'import.ignored': { en: (p) => `Columns not recognised, ignored: ${p.names}.`, zh: (p) => `未识别的列（已忽略）：${p.names}。` },
  'attach.tooLarge': {
    en: (p) => `${p.file} is ${p.size} bytes; attachments may be at most ${p.max} bytes. Shrink it, or raise the limit with \`complaints config set attachment.max_bytes <bytes>\`.`,
    zh: (p) => `${p.file} 大小为 ${p.size} 字节，附件上限为 ${p.max} 字节。请压缩文件，或用 \`complaints config set attachment.max_bytes <字节数>\` 调高上限。`,
  },
  'attach.done': {
    en: (p) => `${p.ticket}: attached ${p.name} as #${p.id} (${p.size}, SHA-256 ${p.sha}).`,
    zh: (p) => `${p.ticket}：已添加附件 ${p.name}，编号 #${p.id}（${p.size}，SHA-256 ${p.sha}）。`,
  },
  'attach.none': { en: (p) => `${p.ticket} has no attachments.`, zh: (p) => `${p.ticket} 没有附件。` },
  'attach.noSuch': {
    en: (p) => `${p.ticket} has no attachment #${p.id}. See \`complaints attachments ${p.ticket}\`.`,
    zh: (p) => `${p.ticket} 没有编号为 #${p.id} 的附件。请查看 \`complaints attachments ${p.ticket}\`。`,
  },
  'attach.outRequired': {
    en: () => '--extract needs --out <file>: where to write the attachment.',
    zh: () => '--extract 需要 --out <文件>：附件保存的位置。',
  },
  'attach.corrupt': {
    en: (p) => `attachment #${p.id} does not match its SHA-256 (stored ${p.expected}, read ${p.actual}); the database may be damaged. Run \`complaints doctor\`.`,
    zh: (p) => `附件 #${p.id} 与其 SHA-256 不符（记录为 ${p.expected}，读出为 ${p.actual}），数据库可能已损坏。请运行 \`complaints doctor\`。`,
  },
  'attach.extracted': { en: (p) => `Wrote #${p.id} ${p.name} to ${p.file} (${p.size}).`, zh: (p) => `已将 #${p.id} ${p.name} 写入 ${p.file}（${p.size}）。` },
  'backup.done': {
    en: (p) => `Backed up ${p.db} to ${p.file} (${p.size}, ${p.complaints} complaint(s)).`,
    zh: (p) => `已将 ${p.db} 备份到 ${p.file}（${p.size}，${p.complaints} 条投诉）。`,
  },
  'doctor.failed': {
    en: (p) => `the database ${p.file} has ${p.count} problem(s) (see above). Restore it from a backup (\`complaints backup\` makes one).`,
    zh: (p) => `数据库 ${p.file} 存在 ${p.count} 个问题（见上）。请从备份恢复（可用 \`complaints backup\` 备份）。`,
  },
  'doctor.ok': { en: () => 'No problems found.', zh: () => '未发现问题。' },
  'doctor.problem': { en: (p) => `problem: ${p.what}`, zh: (p) => `问题：${p.what}` },
  // errors: what was wrong, then how to do it right
  'usage.required': {
    en: (p) => `missing ${p.what}. Give it with ${p.flags}, or run at a terminal without --no-input to be asked.`,
    zh: (p) => `缺少${p.what}。请用 ${p.flags} 提供，或在终端中运行（不加 --no-input）按提示填写。`,
  },
  'usage.invalid': {
    en: (p) => `invalid ${p.what}: "${p.value}". ${p.hint}`,
    zh: (p) => `${p.what}无效：“${p.value}”。${p.hint}`,
  },
  'usage.badTicket': {
    en: (p) => `"${p.value}" is not a ticket number. Use the full number (260912003) or the short form (260912-3).`,
    zh: (p) => `“${p.value}”不是投诉编号。请输入完整编号（260912003）或简写（260912-3）。`,
  },
  'notFound.ticket': {
    en: (p) => `no complaint ${p.ticket}. Check the number with \`complaints list --search ${p.ticket}\`.`,
    zh: (p) => `没有编号为 ${p.ticket} 的投诉。可用 \`complaints list\` 查找编号。`,
  },
  'dept.unknown': {
    en: (p) => `no department "${p.name}". See \`complaints dept list\`, or add it with \`complaints dept add "${p.name}"\`.`,
    zh: (p) => `没有部门“${p.name}”。请查看 \`complaints dept list\`，或用 \`complaints dept add "${p.name}"\` 添加。`,
  },
  'dept.disabled': {
    en: (p) => `department "${p.name}" is disabled. Enable it with \`complaints dept enable "${p.name}"\` or choose another.`,
    zh: (p) => `部门“${p.name}”已停用。请用 \`complaints dept enable "${p.name}"\` 启用，或选择其他部门。`,
  },
  'dept.exists': {
    en: (p) => `a department "${p.name}" already exists.`,
    zh: (p) => `部门“${p.name}”已存在。`,
  },
  'state.notAllowed': {
    en: (p) => `cannot ${p.action} ${p.ticket}: it is ${p.status}. ${p.action} is allowed when the complaint is ${String(p.allowed).split('|').join(' or ')}.`,
    zh: (p) => `不能对 ${p.ticket} 执行 ${p.action}：当前状态为“${label('zh', `status.${p.status}`)}”。只有状态为${String(p.allowed).split('|').map((s) => `“${label('zh', `status.${s}`)}”`).join('或')}时才可以。`,
  },
  'assign.same': {
    en: (p) => `${p.ticket} is already with ${p.department} and that person. Name another department or person to transfer it.`,
    zh: (p) => `${p.ticket} 已由 ${p.department} 的该处理人负责。如需转派，请指定其他部门或处理人。`,
  },
  'register.future': {
    en: (p) => `the received time (${p.at}) is in the future. Give --received-at at or before now.`,
    zh: (p) => `受理时间（${p.at}）晚于当前时间。请把 --received-at 设为现在或更早。`,
  },
  'classify.validityReason': {
    en: (p) => `marking a complaint ${p.validity} needs a reason. Add --reason "…".`,
    zh: (p) => `标记为${p.validity === 'invalid' ? '无效' : '恶意'}投诉需要说明原因。请加 --reason "…"。`,
  },
  'classify.lowerReason': {
    en: (p) => `lowering severity from ${p.from} to ${p.to} needs a reason. Add --reason "…".`,
    zh: (p) => `降低级别（${p.from} → ${p.to}）需要说明原因。请加 --reason "…"。`,
  },
  'classify.nothing': {
    en: () => 'nothing to change. Give at least one of --kind, --category, --subcategory, --severity, --validity.',
    zh: () => '没有要修改的内容。请至少提供 --kind、--category、--subcategory、--severity、--validity 之一。',
  },
  'note.empty': {
    en: () => 'the note is empty. Write it after the ticket: complaints note 260912-3 "called the plumber".',
    zh: () => '备注为空。请在编号后写备注：complaints note 260912-3 "已联系维修工"。',
  },
  'resolve.resolutionRequired': {
    en: () => 'a resolution is required. Say what was done with --resolution "…".',
    zh: () => '缺少处理结果。请用 --resolution "…" 说明处理情况。',
  },
  'resolve.approvalRequired': {
    en: (p) => `a cost of ${Number(p.cost) / 100} yuan needs approval by the ${label('en', `approval.${p.level}`)}. Add --approved-by "<name>".`,
    zh: (p) => `费用 ${Number(p.cost) / 100} 元须由${label('zh', `approval.${p.level}`)}审批。请加 --approved-by "<姓名>"。`,
  },
  'followUp.notOwed': {
    en: (p) => `${p.ticket} is a ${p.kind}: only complaints are called back. It was closed when resolved.`,
    zh: (p) => `${p.ticket} 的类型是${label('zh', `kind.${p.kind}`)}：只有投诉需要回访。`,
  },
  'followUp.satisfaction': {
    en: (p) => `satisfaction must be 1–5 (1 very satisfied … 5 very unsatisfied), not "${p.value}".`,
    zh: (p) => `满意度须为 1–5（1 很满意 … 5 很不满意），而不是“${p.value}”。`,
  },
  'followUp.oneOf': {
    en: () => 'record either a call-back (--satisfaction 1–5) or a failed attempt (--attempt no_answer|wrong_number|refused|call_later), not both.',
    zh: () => '请记录回访结果（--satisfaction 1–5）或回访未果（--attempt no_answer|wrong_number|refused|call_later），二者选一。',
  },
  'reason.required': {
    en: (p) => `${p.action} needs a reason. Add --reason "…".`,
    zh: (p) => `${p.action} 需要说明原因。请加 --reason "…"。`,
  },
  'close.callBackOwed': {
    en: (p) => `${p.ticket} is owed a call-back. Record it with \`complaints follow-up ${p.ticket} --satisfaction N\`; after 3 failed attempts on different days close it with --reason unreachable.`,
    zh: (p) => `${p.ticket} 尚未回访。请用 \`complaints follow-up ${p.ticket} --satisfaction N\` 记录回访；不同日期 3 次联系不上后，可用 --reason unreachable 关闭。`,
  },
  'close.unreachableAttempts': {
    en: (p) => `${p.ticket} has failed call-back attempts on ${p.days} day(s); closing as unreachable needs 3 different days. Log each with \`complaints follow-up ${p.ticket} --attempt no_answer\`.`,
    zh: (p) => `${p.ticket} 仅在 ${p.days} 天有回访未果记录；以“联系不上”关闭需要 3 个不同日期。请用 \`complaints follow-up ${p.ticket} --attempt no_answer\` 记录每次尝试。`,
  },
  'escalate.notHigher': {
    en: (p) => `${p.ticket} is already ${p.severity}; --to ${p.to} is not higher. Escalation only raises severity (use classify --severity with --reason to lower it).`,
    zh: (p) => `${p.ticket} 已是${label('zh', `severity.${p.severity}`)}级；${label('zh', `severity.${p.to}`)}并不更高。升级只能提高级别（降级请用 classify --severity 并说明原因）。`,
  },
  'extend.reasonAgreed': {
    en: () => 'an extension needs --until, --reason and --agreed-by (who agreed: the complainant).',
    zh: () => '延期需要 --until、--reason 和 --agreed-by（征得谁的同意）。',
  },
  'extend.notLater': {
    en: (p) => `--until ${p.until} is not later than the current resolve deadline (${p.due}).`,
    zh: (p) => `--until ${p.until} 不晚于当前处理时限（${p.due}）。`,
  },
  'list.searchEmpty': {
    en: (p) => `the search term "${p.term}" has no letters, digits or Chinese characters to look for.`,
    zh: (p) => `搜索词“${p.term}”中没有可搜索的文字或数字。`,
  },
  // the office's procedure: steps and their deadlines (SPEC §11)
  'help.step': { en: () => 'record a step of the procedure done: site_check, plan, feedback, or the office\'s own', zh: () => '记录处理步骤完成：核实现场 site_check、整改方案 plan、反馈首问 feedback 或本单位自定义步骤' },
  'help.households': { en: () => 'households affected (default 1)', zh: () => '涉及户数（默认 1）' },
  'explain.heading': { en: (p) => `${String(p.text).charAt(0).toUpperCase()}${String(p.text).slice(1)}: `, zh: (p) => `${p.text}：` },
  'help.close': { en: () => 'close without a call-back: invalid, duplicate, withdrawn, merged, or unreachable after 3 failed call-back days', zh: () => '不经回访关闭：无效、重复登记、撤诉、并入群诉，或回访 3 天联系不上' },
  'help.closeReason': { en: () => 'reason', zh: () => '关闭原因' },
  'help.closeNote': { en: () => 'why, in words (required when closing as invalid)', zh: () => '补充说明（以无效关闭时必填）' },
  'help.closeOf': { en: () => 'duplicate: the complaint it duplicates; merged: the one it was merged into', zh: () => '重复登记：与之重复的投诉；并入群诉：并入的投诉' },
  'help.noInput': { en: () => 'never prompt', zh: () => '不提问' },
  'help.ticket': { en: () => 'ticket', zh: () => '投诉编号' },
  'help.stepName': { en: () => 'the step (see `complaints config list`, step.*)', zh: () => '步骤（见 `complaints config list` 中的 step.*）' },
  'help.stepNote': { en: () => 'what was done', zh: () => '完成情况' },
  'help.reportUp': { en: () => 'record a report up made (上报/通报): to a role or a person, by phone, in writing or at a meeting', zh: () => '记录上报/通报：向主任、部门负责人、总经理、集团或具体人员，电话、书面或会议' },
  'help.reportUpTo': { en: () => 'a role or a person\'s name', zh: () => '角色或人员姓名' },
  'reportUp.to': { en: () => 'say whom it was reported to: --to director (or a name).', zh: () => '请用 --to 说明向谁上报，如 --to 主任（或姓名）。' },
  'reportUp.via': {
    en: (p) => `"${p.value}" is not a way to report up. Give one of: ${p.allowed}.`,
    zh: (p) => `“${p.value}”不是上报方式。请选择：${p.allowed}。`,
  },
  'help.deadline': { en: () => 'set an earlier deadline for one step of this case, with a reason (限期解决)', zh: () => '为本件投诉的某一步骤设定更早的时限并说明原因（限期解决）' },
  'help.deadlineBy': { en: () => 'the new deadline (a date alone: 23:59:59 that day)', zh: () => '新的时限（只写日期则为当天 23:59:59）' },
  'help.deadlineReason': { en: () => 'why (required)', zh: () => '原因（必填）' },
  'deadline.notEarlier': {
    en: (p) => `${p.due} is not earlier than the ${p.step} deadline in force, ${p.current}. This sets an earlier deadline; a later resolve deadline agreed with the complainant is \`complaints extend\`.`,
    zh: (p) => `${p.due} 并不早于现行的 ${p.step} 时限 ${p.current}。此命令只能提前时限；经客户同意延后处理时限请用 \`complaints extend\`。`,
  },
  'step.recorded': { en: (p) => `${p.ticket}: ${p.step} done.`, zh: (p) => `${p.ticket}：${p.step}已完成。` },
  'step.byLifecycle': {
    en: (p) => `${p.step} is recorded by its own command: dispatch by \`complaints assign\`, contact by \`complaints contact\`, resolve by \`complaints resolve\`, follow_up by \`complaints follow-up\`.`,
    zh: (p) => `${p.step} 由对应命令记录：派单用 \`complaints assign\`，首次联系用 \`complaints contact\`，处理完成用 \`complaints resolve\`，回访用 \`complaints follow-up\`。`,
  },
  'step.unknown': {
    en: (p) => `there is no step "${p.step}". Steps: site_check, plan, feedback${p.known ? `, ${p.known}` : ''}; an office adds its own with \`complaints config set step.<key>.define "receipt,中文名,English name"\`.`,
    zh: (p) => `没有步骤“${p.step}”。可用步骤：site_check、plan、feedback${p.known ? `、${p.known}` : ''}；自定义步骤请用 \`complaints config set step.<键>.define "receipt,中文名,English name"\`。`,
  },
  'step.off': {
    en: (p) => `the step ${p.step} is switched off in this office's procedure. Switch it on with \`complaints config set step.${p.step} on\`.`,
    zh: (p) => `本单位流程已停用步骤 ${p.step}。如需启用：\`complaints config set step.${p.step} on\`。`,
  },
  'step.done': {
    en: (p) => `${p.ticket}: ${p.step} is already recorded. Add what followed with \`complaints note\`.`,
    zh: (p) => `${p.ticket}：${p.step} 已记录完成。后续情况请用 \`complaints note\` 备注。`,
  },
  'config.badRule': {
    en: (p) => `"${p.value}" is not a deadline for ${p.key}. Write 30m (minutes), 2h (clock hours), 3wd (working days), 5d (calendar days), eod (end of the working day) or none; at most a year (${p.max}).`,
    zh: (p) => `“${p.value}”不是 ${p.key} 的时限。请写 30m（分钟）、2h（小时）、3wd（工作日）、5d（自然日）、eod（当个工作日结束前）或 none（不设时限）；最长一年（${p.max}）。`,
  },
  'config.badSwitch': {
    en: (p) => `"${p.value}" is not a value for ${p.key}: give on or off.`,
    zh: (p) => `“${p.value}”不是 ${p.key} 的有效值：请写 on（启用）或 off（停用）。`,
  },
  'config.badStep': {
    en: (p) => `"${p.value}" does not define a step for ${p.key}. Write where it counts from (receipt, assignment or resolution), its Chinese name and its English name, separated by commas: "assignment,部门回复,department reply".`,
    zh: (p) => `“${p.value}”不能定义步骤 ${p.key}。请写计时起点（receipt 受理、assignment 派单、resolution 处理完成）、中文名、英文名，用逗号分隔，如 "assignment,部门回复,department reply"。`,
  },
  'config.alwaysTimed': {
    en: (p) => `${p.key}: the ${p.step} deadline of SPEC §5 is kept for every complaint; it cannot be none or off. Give it a longer rule instead, e.g. 10wd.`,
    zh: (p) => `${p.key}：${p.step === 'contact' ? '首次联系' : '处理完成'}时限是每件投诉都有的，不能设为 none 或 off。可改为更长的时限，如 10wd。`,
  },
  'config.recounted': {
    en: (p) => `Deadlines recounted under the new settings: ${p.count} open complaint(s) moved.`,
    zh: (p) => `已按新设置重算时限：${p.count} 件未结投诉的时限有变。`,
  },
  'config.unknownKey': {
    en: (p) => `no setting "${p.key}". See \`complaints config list\` for the keys.`,
    zh: (p) => `没有设置项“${p.key}”。请用 \`complaints config list\` 查看。`,
  },
  'db.busy': {
    en: (p) => `the database ${p.file} is busy (another process holds it too long). Try again in a moment.`,
    zh: (p) => `数据库 ${p.file} 正忙（其他进程占用过久）。请稍后重试。`,
  },
  'db.newer': {
    en: (p) => `the database ${p.file} was made by a newer version of complaints (schema ${p.version}; this program knows up to ${p.supported}). Upgrade complaints to use it.`,
    zh: (p) => `数据库 ${p.file} 由更新版本的 complaints 创建（结构版本 ${p.version}，本程序最高支持 ${p.supported}）。请升级 complaints。`,
  },
  'db.missing': {
    en: (p) => `there is no database at ${p.file}. Check --db / COMPLAINTS_DB, or create it with \`complaints init\`.`,
    zh: (p) => `${p.file} 处没有数据库。请检查 --db / COMPLAINTS_DB，或用 \`complaints init\` 创建。`,
  },
  'db.unreadable': {
    en: (p) => `cannot read the database ${p.file}: ${p.detail}. Check the path (--db or COMPLAINTS_DB) and that it is a complaints database.`,
    zh: (p) => `无法读取数据库 ${p.file}：${p.detail}。请检查路径（--db 或 COMPLAINTS_DB）以及文件是否为投诉数据库。`,
  },
  'cancelled': { en: () => 'cancelled; nothing was saved.', zh: () => '已取消，未保存任何内容。' },
  'unexpected': {
    en: (p) => `unexpected failure: ${p.detail}`,
    zh: (p) => `意外错误：${p.detail}`,
  },
  'usage.commander': {
    en: (p) => `${p.detail}\nSee \`complaints help ${p.command}\`.`,
    zh: (p) => `${p.detail}\n请查看 \`complaints help ${p.command}\`。`,
  },
  // notices
  'notice.registered': { en: (p) => `Registered ${p.ticket}.`, zh: (p) => `已登记 ${p.ticket}。` },
  'notice.done': { en: (p) => `${p.ticket}: ${p.action}.`, zh: (p) => `${p.ticket}：${p.action}。` },
  'notice.earlier': {
    en: (p) => `This caller has ${p.count} earlier complaint(s):`,
    zh: (p) => `该来电人此前有 ${p.count} 条投诉：`,
  },
  'notice.repeat': {
    en: (p) => `Repeat of ${p.ticket} (same caller, same category within ${p.days} days): severity at least important.`,
    zh: (p) => `与 ${p.ticket} 重复（同一投诉人、同一类别、${p.days} 天内）：级别至少为重要。`,
  },
  'notice.reopened': {
    en: (p) => `Unsatisfied call-back: ${p.ticket} is reopened to ${p.department} as ${p.severity}.`,
    zh: (p) => `回访不满意：${p.ticket} 已退回 ${p.department} 重新处理，级别升为${p.severity}。`,
  },
  'notice.flagged': {
    en: () => 'Flagged for the management meeting.',
    zh: () => '已提交管理层会议。',
  },
  'notice.noResults': { en: () => 'No complaints match.', zh: () => '没有符合条件的投诉。' },
  'notice.count': { en: (p) => `${p.shown} of ${p.total} shown.`, zh: (p) => `显示 ${p.shown} 条，共 ${p.total} 条。` },
  'notice.initialised': {
    en: (p) => `Database ready at ${p.file} (schema ${p.version}). Office: ${p.office}, time zone ${p.tz}.`,
    zh: (p) => `数据库已就绪：${p.file}（结构版本 ${p.version}）。单位：${p.office}，时区 ${p.tz}。`,
  },
  // deadline states
  'due.met': { en: () => 'met', zh: () => '按时' },
  'due.late': { en: (p) => `late by ${p.amount}`, zh: (p) => `超时 ${p.amount}` },
  'due.pending': { en: (p) => `due in ${p.amount}`, zh: (p) => `剩余 ${p.amount}` },
  'due.overdue': { en: (p) => `overdue by ${p.amount}`, zh: (p) => `已超期 ${p.amount}` },
  'due.void': { en: () => 'not needed (closed)', zh: () => '无需（已关闭）' },
  'due.provisional': { en: () => '(provisional: no State Council notice loaded)', zh: () => '（暂定：未载入国务院放假通知）' },
  'amount.workdays': { en: (p) => `${p.n} working day${p.n === 1 ? '' : 's'}`, zh: (p) => `${p.n} 个工作日` },
  'amount.hours': { en: (p) => `${p.n} h`, zh: (p) => `${p.n} 小时` },
  // overdue and sweep
  'overdue.none': { en: (p) => `Nothing overdue on ${p.date}.`, zh: (p) => `${p.date} 没有超期投诉。` },
  'overdue.title': { en: (p) => `Overdue on ${p.date}: ${p.count}`, zh: (p) => `${p.date} 超期投诉：${p.count} 条` },
  'overdue.unassigned': { en: () => '(not assigned)', zh: () => '（未派单）' },
  'overdue.staleTitle': {
    en: (p) => `No contact with the complainant for 7 days: ${p.count}`,
    zh: (p) => `超过 7 天未联系客户：${p.count} 条`,
  },
  'overdue.since': { en: (p) => `since ${p.date}`, zh: (p) => `自 ${p.date}` },
  'overdue.col.ticket': { en: () => 'Ticket', zh: () => '编号' },
  'overdue.col.severity': { en: () => 'Severity', zh: () => '级别' },
  'overdue.col.assignee': { en: () => 'Assignee', zh: () => '处理人' },
  'overdue.col.overdue': { en: () => 'Overdue', zh: () => '超期' },
  'overdue.col.subject': { en: () => 'Subject', zh: () => '主题' },
  'overdue.col.department': { en: () => 'Department', zh: () => '部门' },
  'overdue.col.lastContact': { en: () => 'Last contact', zh: () => '最近联系' },
  'sweep.escalated': { en: (p) => `Raised to major (important, open over 3 months): ${p.count}`, zh: (p) => `重要投诉超 3 个月未关闭，升为重大：${p.count} 条` },
  'sweep.groups': { en: (p) => `Possible group complaints: ${p.count}`, zh: (p) => `可能的群诉：${p.count} 起` },
  'sweep.units': { en: (p) => `${p.n} units`, zh: (p) => `${p.n} 户` },
  // report
  'report.badPeriod': {
    en: (p) => `${p.flag} ${p.value} is not a valid period. Give ${p.hint}.`,
    zh: (p) => `${p.flag} ${p.value} 不是有效的统计期间。请填写 ${p.hint}。`,
  },
  'report.written': { en: (p) => `Report ${p.label} written to ${p.file}.`, zh: (p) => `报告 ${p.label} 已写入 ${p.file}。` },
  'report.snapshot': {
    en: (p) => `Snapshot of ${p.label} computed at ${p.at}; --refresh recomputes it.`,
    zh: (p) => `${p.label} 为 ${p.at} 生成的快照；加 --refresh 重新统计。`,
  },
  // calendar: provisional years (statutory days until the notice is loaded)
  'calendar.uncovered': {
    en: (p) => `the State Council's holiday notice for ${p.year} is not loaded: ${p.year} is provisional — weekends and the statutory holidays (元旦, 春节 除夕–初三, 清明, 劳动节 1–2 May, 端午, 中秋, 国庆 1–3 Oct) are off, with no 调休 (bridging days and worked weekends) yet. Load the notice with \`complaints calendar import <file.csv|file.ics>\` (CSV rows date,kind,name), or use a newer complaints that ships it.`,
    zh: (p) => `尚未载入国务院 ${p.year} 年放假通知：${p.year} 年暂按周末和法定假日（元旦、春节除夕至初三、清明、劳动节5月1–2日、端午、中秋、国庆10月1–3日）计算，尚无调休。可用 \`complaints calendar import <文件.csv|文件.ics>\`（CSV 每行 date,kind,name）载入通知，或改用带有该年数据的新版 complaints。`,
  },
  'calendar.uncoveredWeekends': {
    en: (p) => `the official calendar has no data for ${p.year} and the statutory holidays are not computed that far: working days there are counted Monday–Friday and deadlines falling in ${p.year} are provisional. \`complaints calendar import <file>\` adds the year's days.`,
    zh: (p) => `官方日历没有 ${p.year} 年的数据，法定假日也无法推算到该年：工作日暂按周一至周五计算，落在 ${p.year} 年的时限为暂定。可用 \`complaints calendar import <文件>\` 添加该年的日子。`,
  },
  'doctor.provisionalOpen': {
    en: (p) => `${p.count} open complaint(s) have a deadline in a provisional year (${p.years}): counted on weekends and statutory holidays, without the State Council's 调休. Load the notice with \`complaints calendar import <file.csv|file.ics>\`.`,
    zh: (p) => `${p.count} 件未结投诉的时限落在暂定年份（${p.years}）：按周末和法定假日计算，未含国务院调休安排。请用 \`complaints calendar import <文件.csv|文件.ics>\` 载入放假通知。`,
  },
  'doctor.nextYearMissing': {
    en: (p) => `the State Council's holiday notice for ${p.year} is not loaded yet (it is usually published in November): deadlines reaching into ${p.year} will be provisional. When it is out, load it with \`complaints calendar import <file.csv|file.ics>\` (CSV rows date,kind,name: every day off and every worked weekend), or use a newer complaints that ships it.`,
    zh: (p) => `尚未载入国务院 ${p.year} 年放假通知（通常于11月发布）：跨入 ${p.year} 年的时限将为暂定。通知发布后，请用 \`complaints calendar import <文件.csv|文件.ics>\` 载入（CSV 每行 date,kind,name：每个放假日和调休上班日），或改用带有该年数据的新版 complaints。`,
  },
  'doctor.yearProvisional': {
    en: (p) => `the calendar of ${p.year}, this year, is provisional (no State Council notice loaded): \`complaints calendar import <file>\` loads it.`,
    zh: (p) => `今年（${p.year} 年）的日历为暂定（未载入国务院放假通知）：可用 \`complaints calendar import <文件>\` 载入。`,
  },
  // calendar
  'calendar.badDate': {
    en: (p) => `"${p.value}" is not a date. Use YYYY-MM-DD, e.g. 2026-10-09.`,
    zh: (p) => `“${p.value}”不是日期。请用 YYYY-MM-DD 格式，如 2026-10-09。`,
  },
  'calendar.nameTooLong': {
    en: (p) => `the name is too long: at most ${p.max} characters.`,
    zh: (p) => `名称过长：最多 ${p.max} 个字。`,
  },
  'calendar.noOverride': {
    en: (p) => `${p.date} has no office setting to remove. Official days stay; to change one, use \`complaints calendar set ${p.date} holiday|workday\`.`,
    zh: (p) => `${p.date} 没有本单位调整可取消。官方安排不能删除；如需改变，请用 \`complaints calendar set ${p.date} holiday|workday\`。`,
  },
  'calendar.set': {
    en: (p) => `${p.date} (${p.weekday}) is now a ${p.what} for the office${p.name ? `: ${p.name}` : ''}.`,
    zh: (p) => `${p.date}（${p.weekday}）已设为本单位${p.what}日${p.name ? `：${p.name}` : ''}。`,
  },
  'calendar.unchanged': {
    en: (p) => `${p.date} (${p.weekday}) is already set that way (${p.what}${p.name ? `: ${p.name}` : ''}); nothing changed.`,
    zh: (p) => `${p.date}（${p.weekday}）已是这样设置（${p.what}${p.name ? `：${p.name}` : ''}），未作修改。`,
  },
  'calendar.unset': {
    en: (p) => `Removed the office setting of ${p.date} (${p.weekday}): it is a ${p.what} again${p.name ? ` (${p.name})` : ''}.`,
    zh: (p) => `已取消 ${p.date}（${p.weekday}）的本单位调整：恢复为${p.what}${p.name ? `（${p.name}）` : ''}。`,
  },
  'calendar.recounted': {
    en: (p) => `Deadlines moved for ${p.count} open complaint(s): ${p.tickets}.`,
    zh: (p) => `${p.count} 件未结投诉的时限已按新日历重算：${p.tickets}。`,
  },
  'calendar.import.format': {
    en: (p) => `cannot import ${p.file}: give a .csv file (header date,kind,name) or an .ics calendar.`,
    zh: (p) => `无法导入 ${p.file}：请提供 .csv 文件（表头 date,kind,name）或 .ics 日历。`,
  },
  'calendar.import.invalid': {
    en: (p) => `${p.file} has ${p.count} problem(s); nothing was imported. Correct them and import again:\n${p.details}`,
    zh: (p) => `${p.file} 有 ${p.count} 处错误，未导入任何内容。请改正后重新导入：\n${p.details}`,
  },
  'calendar.import.line': { en: (p) => `line ${p.line}: ${p.problem}`, zh: (p) => `第 ${p.line} 行：${p.problem}` },
  'calendar.import.more': { en: (p) => `… and ${p.count} more`, zh: (p) => `……另有 ${p.count} 处` },
  'calendar.import.empty': {
    en: () => 'the file has no days. Write a header row date,kind,name and one day per row.',
    zh: () => '文件中没有日期。请写表头 date,kind,name，每行一个日期。',
  },
  'calendar.import.noEvents': {
    en: () => 'the calendar has no events (BEGIN:VEVENT).',
    zh: () => '日历中没有事件（BEGIN:VEVENT）。',
  },
  'calendar.import.dryRun': {
    en: (p) => `Dry run: ${p.count} day(s) checked — ${p.added} new, ${p.changed} changed, ${p.unchanged} unchanged. Nothing was written.`,
    zh: (p) => `试运行：检查了 ${p.count} 天——新增 ${p.added}，修改 ${p.changed}，不变 ${p.unchanged}。未写入任何内容。`,
  },
  'calendar.import.done': {
    en: (p) => `Imported ${p.count} day(s) from ${p.file}: ${p.added} new, ${p.changed} changed, ${p.unchanged} unchanged.`,
    zh: (p) => `已从 ${p.file} 导入 ${p.count} 天：新增 ${p.added}，修改 ${p.changed}，不变 ${p.unchanged}。`,
  },
  'calendar.row.quote': {
    en: () => 'a quoted cell is never closed. End it with a double quote (").',
    zh: () => '引号内的单元格没有结束。请用双引号（"）结束。',
  },
  'calendar.row.csv': {
    en: (p) => `the CSV cannot be read here (${p.detail}). Quote a cell that contains commas, quotes or line breaks.`,
    zh: (p) => `此处 CSV 格式有误（${p.detail}）。含逗号、引号或换行的单元格请加双引号。`,
  },
  'calendar.row.header': {
    en: (p) => `the first row must be a header naming the columns date and kind (and optionally name), not "${p.found}".`,
    zh: (p) => `第一行须为表头，包含 date 和 kind 列（可选 name 列），而不是“${p.found}”。`,
  },
  'calendar.row.columns': {
    en: (p) => `${p.count} cells where the header has ${p.expected}. Quote a name that contains a comma.`,
    zh: (p) => `有 ${p.count} 个单元格，表头只有 ${p.expected} 列。名称中有逗号时请加引号。`,
  },
  'calendar.row.date': {
    en: (p) => `"${p.value}" is not a date; use YYYY-MM-DD (2026-10-09).`,
    zh: (p) => `“${p.value}”不是日期；请用 YYYY-MM-DD（2026-10-09）。`,
  },
  'calendar.row.kind': {
    en: (p) => `kind "${p.value}" must be holiday or workday (休 or 班).`,
    zh: (p) => `类型“${p.value}”须为 holiday 或 workday（休 或 班）。`,
  },
  'calendar.row.name': {
    en: (p) => `the name is longer than ${p.max} characters.`,
    zh: (p) => `名称超过 ${p.max} 个字。`,
  },
  'calendar.row.conflict': {
    en: (p) => `${p.date} is also given on line ${p.other} with the other kind; a day is either a holiday or a working day.`,
    zh: (p) => `${p.date} 在第 ${p.other} 行已给出相反的类型；一天只能是放假或上班。`,
  },
  'calendar.ics.repeat': {
    en: () => 'repeating events (RRULE/RDATE) are not supported; list each holiday as its own event.',
    zh: () => '不支持重复事件（RRULE/RDATE）；请把每个假期写成单独的事件。',
  },
  'calendar.ics.noStart': { en: () => 'the event has no DTSTART.', zh: () => '事件缺少 DTSTART。' },
  'calendar.ics.timed': {
    en: (p) => `"${p.value}" is a time of day; only all-day events (DTSTART;VALUE=DATE:20261001) are days of the calendar.`,
    zh: (p) => `“${p.value}”带有时刻；只有全天事件（DTSTART;VALUE=DATE:20261001）才算日历中的日子。`,
  },
  'calendar.ics.duration': {
    en: (p) => `DURATION "${p.value}" is not whole days (P3D) or weeks (P1W).`,
    zh: (p) => `DURATION“${p.value}”不是整天（P3D）或整周（P1W）。`,
  },
  'calendar.ics.range': {
    en: (p) => `the event ends (${p.end}, exclusive) before it starts (${p.start}).`,
    zh: (p) => `事件的结束日（${p.end}，不含）早于开始日（${p.start}）。`,
  },
  'calendar.ics.long': {
    en: (p) => `the event spans more than ${p.max} days.`,
    zh: (p) => `事件跨度超过 ${p.max} 天。`,
  },
  // calendar explain: every step's deadline, how it is counted (SPEC §11)
  'explain.title': {
    en: (p) => `${p.ticket} (${p.severity}): how its deadlines are counted, in ${p.tz}`,
    zh: (p) => `${p.ticket}（${p.severity}）时限计算明细（${p.tz}）`,
  },
  'explain.minutes': {
    en: (p) => `${p.n} minute${p.n === 1 ? '' : 's'} from ${p.from} → ${p.due} (clock time: nights, weekends and holidays count)`,
    zh: (p) => `自 ${p.from} 起 ${p.n} 分钟 → ${p.due}（按自然时间计算，夜间、周末和节假日照计）`,
  },
  'explain.hours': {
    en: (p) => `${p.n} clock hour${p.n === 1 ? '' : 's'} from ${p.from} → ${p.due} (hours run on through nights, weekends and holidays)`,
    zh: (p) => `自 ${p.from} 起 ${p.n} 小时 → ${p.due}（按自然小时计算，夜间、周末和节假日照计）`,
  },
  'explain.count': {
    en: (p) => `${p.n} working day${p.n === 1 ? '' : 's'} after ${p.from} → due ${p.due}`,
    zh: (p) => `${p.from} 之后第 ${p.n} 个工作日 → ${p.due} 截止`,
  },
  'explain.calendarDays': {
    en: (p) => `${p.n} calendar day${p.n === 1 ? '' : 's'} after ${p.from} → due ${p.due} (every day counts, days off too)`,
    zh: (p) => `${p.from} 之后第 ${p.n} 个自然日 → ${p.due} 截止（按自然日计算，节假日和周末照计）`,
  },
  'explain.eod': {
    en: (p) => `the end of the working day counting starts on, ${p.from} → due ${p.due}`,
    zh: (p) => `计时当日（${p.from}）下班前 → ${p.due} 截止`,
  },
  'explain.none': { en: () => 'no deadline.', zh: () => '无时限。' },
  'explain.rule': {
    en: (p) => `rule ${p.rule}, counted from ${p.what} at ${p.at}`,
    zh: (p) => `规则 ${p.rule}，自${p.what}（${p.at}）起计算`,
  },
  'explain.from.receipt': { en: () => 'receipt', zh: () => '受理' },
  'explain.from.reopening': { en: () => 'the latest reopening', zh: () => '最近一次重新打开' },
  'explain.from.assignment': { en: () => 'the first assignment', zh: () => '首次派单' },
  'explain.from.resolution': { en: () => 'the resolution', zh: () => '处理完成' },
  'explain.shifted': {
    en: (p) => `${p.start} is a day off: counting starts on the next working day, ${p.from}.`,
    zh: (p) => `${p.start} 为休息日：自下一个工作日 ${p.from} 起计算。`,
  },
  'explain.event.assignment': { en: () => 'it is first assigned', zh: () => '派单' },
  'explain.event.resolution': { en: () => 'it is resolved', zh: () => '处理完成' },
  'explain.span.m': { en: (p) => `${p.n} minute${p.n === 1 ? '' : 's'}`, zh: (p) => `${p.n} 分钟` },
  'explain.span.h': { en: (p) => `${p.n} clock hour${p.n === 1 ? '' : 's'}`, zh: (p) => `${p.n} 小时` },
  'explain.span.wd': { en: (p) => `${p.n} working day${p.n === 1 ? '' : 's'}`, zh: (p) => `第 ${p.n} 个工作日` },
  'explain.span.d': { en: (p) => `${p.n} calendar day${p.n === 1 ? '' : 's'}`, zh: (p) => `第 ${p.n} 个自然日` },
  'explain.laterClock': {
    en: (p) => `counted once ${p.event}: ${p.span} after it.`,
    zh: (p) => `${p.event}后计算：${p.event}后 ${p.span}截止。`,
  },
  'explain.laterDays': {
    en: (p) => `counted once ${p.event}: ${p.span} after the day ${p.event}.`,
    zh: (p) => `${p.event}后计算：${p.event}当日之后${p.span}截止。`,
  },
  'explain.laterEod': {
    en: (p) => `counted once ${p.event}: the end of that working day (or of the next one, on a day off).`,
    zh: (p) => `${p.event}后计算：当个工作日下班前截止（遇休息日顺延至下一个工作日）。`,
  },
  'explain.extended': {
    en: (p) => `extended with the complainant's agreement until ${p.due}.`,
    zh: (p) => `经客户同意已延期至 ${p.due}。`,
  },
  'explain.recorded': {
    en: (p) => `recorded deadline: ${p.due} (counted when the calendar or the rule was different; a step done keeps the deadline it was done against).`,
    zh: (p) => `记录的时限：${p.due}（按当时的日历或时限规则计算；已完成的步骤保留其当时的时限）。`,
  },
  'explain.noFollowUp': {
    en: (p) => `none: a ${p.kind} is not called back.`,
    zh: (p) => `无：${p.kind}不需要回访。`,
  },
  // prompts
  'prompt.name': { en: () => 'Complainant name', zh: () => '投诉人姓名' },
  'prompt.phone': { en: () => 'Phone (empty if none)', zh: () => '联系电话（没有可留空）' },
  'prompt.estate': { en: () => 'Estate', zh: () => '项目' },
  'prompt.unit': { en: () => 'Unit (building-entrance-room, e.g. 3-2-1501)', zh: () => '房号（楼栋-单元-房号，如 3-2-1501）' },
  'prompt.channel': { en: () => 'Channel', zh: () => '渠道' },
  'prompt.kind': { en: () => 'Kind', zh: () => '类型' },
  'prompt.category': { en: () => 'Category', zh: () => '类别' },
  'prompt.subcategory': { en: () => 'Subcategory (empty to skip)', zh: () => '子类（可留空）' },
  'prompt.description': { en: () => 'What is the complaint about?', zh: () => '投诉内容' },
  'prompt.demand': { en: () => 'What does the complainant ask for? (empty to skip)', zh: () => '客户诉求（可留空）' },
  // payments, closing, snapshots (SPEC §12, §13, §7)
  'resolve.personWithoutDept': {
    en: () => '--responsible-person names a person of the department at fault: give that department too, e.g. --responsible 工程部 --responsible-person 张工.',
    zh: () => '--responsible-person 是责任部门中的责任人：请同时给出责任部门，如 --responsible 工程部 --responsible-person 张工。',
  },
  'resolve.ambiguousResponsible': {
    en: (p) => `there is no department "${p.value}". To name the department and the person at fault, write --responsible ${p.dept} --responsible-person ${p.person}.`,
    zh: (p) => `没有名为“${p.value}”的部门。责任部门和责任人请分开写：--responsible ${p.dept} --responsible-person ${p.person}。`,
  },
  'close.reasonUnknown': {
    en: (p) => `"${p.value}" is not a reason to close. Give one of: ${p.allowed}; say more with --note "…".`,
    zh: (p) => `“${p.value}”不是关闭原因。请选择：${p.allowed}；补充说明请用 --note "…"。`,
  },
  'close.duplicateOf': {
    en: () => 'a duplicate names the complaint it duplicates: add --of <ticket>, e.g. --of 260912-3.',
    zh: () => '重复登记须注明与哪条投诉重复：请加 --of <编号>，如 --of 260912-3。',
  },
  'close.ofItself': {
    en: (p) => `${p.ticket} cannot duplicate or be merged into itself: --of names another complaint.`,
    zh: (p) => `${p.ticket} 不能与自身重复或并入自身：--of 须是另一条投诉。`,
  },
  'close.unreachableNotOwed': {
    en: (p) => `${p.ticket} is not awaiting a call-back, so it cannot be closed as unreachable. Close it as invalid, duplicate, withdrawn or merged, or resolve it first.`,
    zh: (p) => `${p.ticket} 不在待回访状态，不能以“联系不上”关闭。请以无效、重复登记、撤诉或并入群诉关闭，或先处理完成。`,
  },
  'snapshot.stale': {
    en: (p) => `note: the stored monthly report${Number(p.count) > 1 ? 's' : ''} of ${p.labels} no longer match${Number(p.count) > 1 ? '' : 'es'} the data. Refresh with \`complaints report monthly --month ${p.first} --refresh\`${Number(p.count) > 1 ? ' (and the same for each month)' : ''}.`,
    zh: (p) => `提示：${p.labels} 的月报快照已与数据不符。请用 \`complaints report monthly --month ${p.first} --refresh\` 重新统计${Number(p.count) > 1 ? '（每个月份各运行一次）' : ''}。`,
  },
  'snapshot.asComputed': {
    en: (p) => `stored snapshot, as computed on ${p.at}${p.stale ? `; the data changed on ${p.stale}: refresh with --refresh` : ''}`,
    zh: (p) => `已保存的快照，统计于 ${p.at}${p.stale ? `；数据已于 ${p.stale} 变动，请加 --refresh 重新统计` : ''}`,
  },
  'prompt.closeReason': { en: () => 'Reason to close', zh: () => '关闭原因' },
  'prompt.closeNote': { en: () => 'Why is it invalid?', zh: () => '无效的理由' },
  'prompt.duplicateOf': { en: () => 'Ticket it duplicates', zh: () => '与哪条投诉重复（编号）' },
  'prompt.save': { en: () => 'Save this complaint?', zh: () => '保存这条投诉？' },
  'prompt.dept': { en: () => 'Department', zh: () => '责任部门' },
  'prompt.resolution': { en: () => 'What was done?', zh: () => '处理结果' },
  'prompt.satisfaction': { en: () => 'Satisfaction', zh: () => '满意度' },
  'prompt.reason': { en: () => 'Reason', zh: () => '原因' },
  'prompt.required': { en: () => 'Required.', zh: () => '必填。' },
  // ticket numbers, import and the bounds of numbers
  'ticket.yearFull': {
    en: (p) => `no ticket number is left for ${p.year}: its running count has reached the maximum of ${p.max} a year (README "Ticket numbers"). A count this high means a wrong ticket came in: look for it with \`complaints list --status all\`. Nothing was written.`,
    zh: (p) => `${p.year} 年已无可用编号：年度流水号已达上限 ${p.max}（见 README“投诉编号”）。流水号这么大，通常是导入了错误的编号，请用 \`complaints list --status all\` 查找。未写入任何内容。`,
  },
  'usage.households': {
    en: (p) => `give the number of households affected, a whole number from 1 to ${p.max}.`,
    zh: (p) => `请填写涉及户数：1 到 ${p.max} 之间的整数。`,
  },
  'usage.amount': {
    en: (p) => `give an amount in yuan from 0 to ${p.max}, e.g. 5000 or 1200.50.`,
    zh: (p) => `请填写金额（元），0 到 ${p.max} 之间，如 5000 或 1200.50。`,
  },
  'import.err.ticketTooLarge': {
    en: (p) => `ticket ${p.value}: its running count passes the maximum of ${p.max} a year. Correct the number, or empty the cell to give the row a new one.`,
    zh: (p) => `编号 ${p.value} 的年度流水号超过上限 ${p.max}。请改正编号，或清空该单元格以分配新编号。`,
  },
  'import.err.countUsed': {
    en: (p) => `ticket ${p.value}: count ${p.seq} of ${p.year} is already ticket ${p.other} in the database. Empty the cell to give the row a new number.`,
    zh: (p) => `编号 ${p.value}：${p.year} 年第 ${p.seq} 号已是数据库中的编号 ${p.other}。请清空该单元格以分配新编号。`,
  },
  'import.err.duplicateCount': {
    en: (p) => `ticket ${p.value}: count ${p.seq} of ${p.year} is also ticket ${p.ticket} on row ${p.other}. Keep one; empty the other cell to give that row a new number.`,
    zh: (p) => `编号 ${p.value}：${p.year} 年第 ${p.seq} 号与第 ${p.other} 行的编号 ${p.ticket} 相同。请只保留一个，清空另一个以分配新编号。`,
  },
  'import.err.yearFull': {
    en: (p) => `no new number is left for ${p.year}: the running count would pass the maximum of ${p.max} a year. Look for a wrong ticket in the file or the database.`,
    zh: (p) => `${p.year} 年已无新编号可分配：年度流水号将超过上限 ${p.max}。请检查文件或数据库中是否有错误的编号。`,
  },
  'import.err.badHouseholds': {
    en: (p) => `"${p.value}" is not a number of households from 1 to ${p.max}.`,
    zh: (p) => `“${p.value}”不是 1 到 ${p.max} 之间的户数。`,
  },
  'file.damagedUtf8': {
    en: (p) => `${p.file} is a UTF-8 file with a damaged byte: line ${p.line}, column ${p.column} (byte offset ${p.offset}): ${p.byte} is not UTF-8. Correct that character and save the file again as UTF-8; nothing was imported.`,
    zh: (p) => `${p.file} 是 UTF-8 文件，但有损坏的字节：第 ${p.line} 行第 ${p.column} 列（字节偏移 ${p.offset}）：${p.byte} 不是 UTF-8。请改正该字符并重新另存为 UTF-8；未导入任何内容。`,
  },
  'file.unknownEncoding': {
    en: (p) => `${p.file} is neither UTF-8 nor GBK/GB18030 Chinese text: line ${p.line}, column ${p.column} (byte offset ${p.offset}): ${p.byte} is not UTF-8, and the file does not read as GBK either. Save it from the spreadsheet as CSV UTF-8; nothing was imported.`,
    zh: (p) => `${p.file} 既不是 UTF-8，也不是 GBK/GB18030 中文文本：第 ${p.line} 行第 ${p.column} 列（字节偏移 ${p.offset}）：${p.byte} 不是 UTF-8，按 GBK 读取也不成立。请在表格软件中另存为“CSV UTF-8”；未导入任何内容。`,
  },
  // personal data and free text leaving the database: --mask, list's limit
  // ── a group's server (SPEC §14) ──
  'option.office': {
    en: () => 'the office on a shared server, by its code (else COMPLAINTS_OFFICE; not needed when the server holds one)',
    zh: () => '共用服务器上的服务中心代码（默认 COMPLAINTS_OFFICE；服务器只有一个中心时可省略）',
  },
  'db.server': {
    en: (p) => `cannot reach the server ${p.file}: ${p.detail}. Check the address in --db / COMPLAINTS_DB and that the server is running.`,
    zh: (p) => `无法连接服务器 ${p.file}：${p.detail}。请检查 --db / COMPLAINTS_DB 中的地址，以及服务器是否在运行。`,
  },
  'db.serverSchema': {
    en: (p) => `the server ${p.file} holds an older schema than this program, and this role may not change it. Ask the server's administrator to run \`complaints init --db …\` with this program.`,
    zh: (p) => `服务器 ${p.file} 的数据结构比本程序旧，而当前登录角色无权升级。请服务器管理员用本程序运行 \`complaints init --db …\`。`,
  },
  'office.unknown': {
    en: (p) => `no office "${p.code}" on this server (offices: ${p.codes}). Use one of these codes with --office, or add it with \`complaints office add <CODE> --name <name>\`.`,
    zh: (p) => `服务器上没有代码为“${p.code}”的服务中心（现有：${p.codes}）。请用 --office 指定其中之一，或用 \`complaints office add <代码> --name <名称>\` 添加。`,
  },
  'office.none': {
    en: () => 'this server holds no office yet. Add one first: `complaints office add <CODE> --name <name>`.',
    zh: () => '服务器上还没有服务中心。请先添加：`complaints office add <代码> --name <名称>`。',
  },
  'office.choose': {
    en: (p) => `this server holds several offices (${p.codes}): say which with --office <CODE> or COMPLAINTS_OFFICE.`,
    zh: (p) => `服务器上有多个服务中心（${p.codes}）：请用 --office <代码> 或 COMPLAINTS_OFFICE 指定。`,
  },
  'office.help': {
    en: () => 'the offices of a group\'s server: list, add, rename (a SQLite file is one office)',
    zh: () => '集团服务器上的服务中心：列出、添加、改名（单个 SQLite 文件即一个中心）',
  },
  'office.listHelp': { en: () => 'list the offices', zh: () => '列出服务中心' },
  'office.addHelp': { en: () => 'add an office and its role (complaints_office_<code>)', zh: () => '添加服务中心及其数据库角色（complaints_office_<代码>）' },
  'office.renameHelp': { en: () => 'rename an office', zh: () => '服务中心改名' },
  'office.nameOption': { en: () => 'the office\'s name, as reports head it', zh: () => '中心名称（报表抬头）' },
  'office.zoneOption': { en: () => 'its time zone (else Asia/Shanghai)', zh: () => '所在时区（默认 Asia/Shanghai）' },
  'office.fileIsOne': {
    en: () => 'a SQLite file is one office: offices are added on a group\'s server (--db postgres://…). To move this file onto one, see `complaints migrate --to`.',
    zh: () => '一个 SQLite 文件就是一个服务中心；多个中心需在集团服务器上添加（--db postgres://…）。要把本文件迁到服务器，请用 `complaints migrate --to`。',
  },
  'office.badCode': {
    en: (p) => `"${p.code}" is not an office code: a letter, then up to seven letters or digits (YG, HY2).`,
    zh: (p) => `“${p.code}”不是有效的中心代码：以字母开头，其后最多七个字母或数字（如 YG、HY2）。`,
  },
  'office.exists': {
    en: (p) => `there is already an office ${p.code}. Choose another code, or rename it with \`complaints office rename ${p.code} --name …\`.`,
    zh: (p) => `已有代码为 ${p.code} 的服务中心。请换一个代码，或用 \`complaints office rename ${p.code} --name …\` 改名。`,
  },
  'office.added': {
    en: (p) => `Added office ${p.code} (${p.name}). Grant its clerks the role ${p.role}: GRANT ${p.role} TO <login>;`,
    zh: (p) => `已添加服务中心 ${p.code}（${p.name}）。请把角色 ${p.role} 授予该中心的人员：GRANT ${p.role} TO <登录名>;`,
  },
  'office.renamed': { en: (p) => `Office ${p.code}: ${p.before} → ${p.name}.`, zh: (p) => `服务中心 ${p.code}：${p.before} → ${p.name}。` },
  'office.allOnlyReports': {
    en: () => '--office all reads every office at once: only a report does that (`complaints report monthly --office all`). Name one office for this command.',
    zh: () => '--office all 表示同时读取所有服务中心，只用于报表（`complaints report monthly --office all`）。本命令请指定一个中心。',
  },
  'report.groupNeedsServer': {
    en: () => 'a group report (--office all) needs a group\'s server (--db postgres://…): a SQLite file is one office.',
    zh: () => '集团报表（--office all）需要集团服务器（--db postgres://…）：一个 SQLite 文件只是一个服务中心。',
  },
  'report.groupNeedsRole': {
    en: (p) => `a group report reads every office, and the role "${p.role}" reads only its own. Log in as a member of complaints_group (GRANT complaints_group TO <login>;).`,
    zh: (p) => `集团报表需要读取所有服务中心，而角色“${p.role}”只能读取本中心。请以 complaints_group 成员身份登录（GRANT complaints_group TO <登录名>;）。`,
  },
  'report.officeOption': {
    en: () => 'on a group\'s server: one office by its code, or all (a row per office and the group\'s totals)',
    zh: () => '集团服务器上：指定一个中心代码，或 all（每个中心一行，另加集团合计）',
  },
  'init.nameOption': {
    en: () => 'the office\'s name, e.g. 阳光海岸客户服务中心',
    zh: () => '单位名称，如 阳光海岸客户服务中心',
  },
  'init.officeOption': {
    en: () => 'the same as --name (for init, --office is the name, not a server\'s office code)',
    zh: () => '同 --name（在 init 中 --office 表示名称，而非服务器上的中心代码）',
  },
  'init.server': {
    en: (p) => `Server ${p.file}: schema version ${p.version}. Add offices with \`complaints office add <CODE> --name <name>\`.`,
    zh: (p) => `服务器 ${p.file}：数据结构版本 ${p.version}。请用 \`complaints office add <代码> --name <名称>\` 添加服务中心。`,
  },
  'db.denied': {
    en: (p) => `the server refused: this login role may not do that here (${p.detail}). An office's clerks change only their own office's complaints; ask the administrator for the office's role.`,
    zh: (p) => `服务器拒绝：当前登录角色无权在此执行该操作（${p.detail}）。各中心人员只能处理本中心的投诉；如需权限请联系管理员授予该中心的角色。`,
  },
  'actor.notLogin': {
    en: (p) => `on a server the acting person is the login role "${p.role}", not "${p.actor}". Leave out --actor / COMPLAINTS_ACTOR, or log in as ${p.actor}.`,
    zh: (p) => `在服务器上，操作人即登录角色“${p.role}”，不能写成“${p.actor}”。请去掉 --actor / COMPLAINTS_ACTOR，或以 ${p.actor} 的身份登录。`,
  },
  'option.mask': {
    en: () => 'mask every phone number, in free text too (138****5678)',
    zh: () => '隐藏所有电话号码（含主题、描述等文字中的号码），如 138****5678',
  },
  'option.listLimit': {
    en: (p) => `at most this many (default 50, at most ${p.max}; 0 for all of them; more with export)`,
    zh: (p) => `最多显示条数（默认 50，最多 ${p.max}；0 表示全部；更多请用 export）`,
  },
  'list.tooMany': {
    en: (p) => `list shows at most ${p.max} complaints; --limit ${p.limit} asks for more. Use \`complaints export\` (CSV, the same filters, any number of rows, e.g. \`complaints export --status all --out all.csv\`), or narrow the list with filters.`,
    zh: (p) => `list 最多显示 ${p.max} 条投诉，--limit ${p.limit} 超出上限。更多请用 \`complaints export\`（CSV，筛选条件相同，不限条数，如 \`complaints export --status all --out all.csv\`），或用筛选条件缩小范围。`,
  },
  // ── the database itself: append-only guards, file errors, read-only access, setting ranges ──
  'doctor.guards': { en: () => 'Append-only guards', zh: () => '防篡改触发器' },
  'doctor.guardsMissing': {
    en: (p) => `append-only guard trigger(s) missing: ${p.names}. The record could be rewritten while they were gone; restore the file from a backup.`,
    zh: (p) => `缺少防篡改触发器：${p.names}。缺失期间记录可能已被改写，请从备份恢复数据库文件。`,
  },
  'doctor.guardsAltered': {
    en: (p) => `append-only guard trigger(s) changed: ${p.names}. They no longer match this program's schema; restore the file from a backup.`,
    zh: (p) => `防篡改触发器已被修改：${p.names}。与本程序的结构不符，请从备份恢复数据库文件。`,
  },
  'config.rangeWhole': {
    en: (p) => `"${p.value}" is not a valid value for ${p.key}: give a whole number from ${p.min} to ${p.max}.`,
    zh: (p) => `“${p.value}”不是 ${p.key} 的有效值：请给出 ${p.min} 到 ${p.max} 之间的整数。`,
  },
  'config.rangeYuan': {
    en: (p) => `"${p.value}" is not a valid value for ${p.key}: give an amount in yuan from ${p.min} to ${p.max} (at most two decimals).`,
    zh: (p) => `“${p.value}”不是 ${p.key} 的有效值：请给出 ${p.min} 到 ${p.max} 元之间的金额（最多两位小数）。`,
  },
  'config.badText': {
    en: (p) => `"${p.value}" is not a valid value for ${p.key}: give 1–100 characters.`,
    zh: (p) => `“${p.value}”不是 ${p.key} 的有效值：请给出 1–100 个字符。`,
  },
  'config.badZone': {
    en: (p) => `"${p.value}" is not a valid value for ${p.key}: give an IANA time zone such as Asia/Shanghai.`,
    zh: (p) => `“${p.value}”不是 ${p.key} 的有效值：请给出 IANA 时区，如 Asia/Shanghai。`,
  },
  'config.orderAbove': {
    en: (p) => `${p.key} cannot be ${p.value}: it may not be above ${p.other}, which is ${p.otherValue}. Raise ${p.other} first, or give a value up to ${p.otherValue}.`,
    zh: (p) => `${p.key} 不能设为 ${p.value}：不得高于 ${p.other}（当前为 ${p.otherValue}）。请先调高 ${p.other}，或给出不超过 ${p.otherValue} 的值。`,
  },
  'config.orderBelow': {
    en: (p) => `${p.key} cannot be ${p.value}: it may not be below ${p.other}, which is ${p.otherValue}. Lower ${p.other} first, or give a value of at least ${p.otherValue}.`,
    zh: (p) => `${p.key} 不能设为 ${p.value}：不得低于 ${p.other}（当前为 ${p.otherValue}）。请先调低 ${p.other}，或给出不低于 ${p.otherValue} 的值。`,
  },
  'db.readOnly': {
    en: (p) => `cannot write the database ${p.file}: ${p.detail}. This user may not write the file, or the folder that holds it and its -wal and -shm files; nothing was saved. Commands that only look (list, show, overdue, export, report, doctor) still work; to record, get write access to the file and its folder.`,
    zh: (p) => `无法写入数据库 ${p.file}：${p.detail}。当前用户对该文件或其所在目录（存放 -wal、-shm 文件）没有写权限，未保存任何内容。只读命令（list、show、overdue、export、report、doctor）仍可使用；如需记录，请取得该文件及其目录的写权限。`,
  },
  'db.readOnlyUpgrade': {
    en: (p) => `the database ${p.file} (schema ${p.version}) must be upgraded to schema ${p.latest} for this version of complaints, which needs write access to it and its folder. Run \`complaints init\` once as a user who may write it.`,
    zh: (p) => `数据库 ${p.file}（结构版本 ${p.version}）需升级到结构版本 ${p.latest} 才能由本版本 complaints 使用，升级需要对该文件及其目录的写权限。请由有写权限的用户运行一次 \`complaints init\`。`,
  },
  'db.full': {
    en: (p) => `the disk holding the database ${p.file} is full: ${p.detail}. Nothing was saved. Free some space, then try again.`,
    zh: (p) => `数据库 ${p.file} 所在磁盘已满：${p.detail}。未保存任何内容。请清理磁盘空间后重试。`,
  },
  'db.ioError': {
    en: (p) => `reading or writing the database ${p.file} failed: ${p.detail}. Nothing was saved. Check the disk, then run \`complaints doctor\`.`,
    zh: (p) => `读写数据库 ${p.file} 失败：${p.detail}。未保存任何内容。请检查磁盘，然后运行 \`complaints doctor\`。`,
  },
  'config.storedOutOfRange': {
    en: (p) => `the setting ${p.key} holds "${p.stored}", outside ${p.min}–${p.max}; ${p.used} is used instead. Set it with \`complaints config set ${p.key} <value>\`.`,
    zh: (p) => `设置项 ${p.key} 的值“${p.stored}”超出 ${p.min}–${p.max}，暂按 ${p.used} 计算。请用 \`complaints config set ${p.key} <值>\` 重新设置。`,
  },
  // ── rounds of talks: contact --outcome, three failed rounds raise general to important (SPEC §11) ──
  'talk.option': {
    en: () => 'how the talks ended: agreed (达成一致) or disagreed (未达成一致); after 3 disagreed rounds (setting rule.disagreed_talks) a general complaint becomes important',
    zh: () => '沟通结果：agreed（达成一致）或 disagreed（未达成一致）；未达成一致累计达到 rule.disagreed_talks 次（默认 3 次）时，一般投诉升为重要',
  },
  'talk.badOutcome': {
    en: (p) => `"${p.value}" is not an outcome of talks: give agreed (达成一致) or disagreed (未达成一致), e.g. --outcome disagreed.`,
    zh: (p) => `“${p.value}”不是沟通结果：请填 agreed（达成一致）或 disagreed（未达成一致），如 --outcome 未达成一致。`,
  },
  'talk.raised': {
    en: (p) => `${p.n} rounds of talks without agreement: ${p.ticket} is raised to ${p.severity}, to be resolved by ${p.due}.`,
    zh: (p) => `${p.n} 次沟通仍不能协调一致：${p.ticket} 已升为${p.severity}，须在 ${p.due} 前处理完成。`,
  },
  'reason.disagreedTalks': {
    en: (p) => `${p.n} rounds of talks without agreement`,
    zh: (p) => `${p.n} 次沟通仍不能协调一致`,
  },
  // ── profiles and the settings file: config profile, config export/import, report_up settings (SPEC §11) ──
  'config.badReportUp': {
    en: (p) => `"${p.value}" is not a reporting-up rule for ${p.key}. Write role/via/within, several separated by commas, or none: role director (service centre director), dept_head, general_manager or group; via phone, written or meeting; within a deadline such as 5m, 1h, 24h, 2wd or eod. E.g. director/phone/1h,director/written/24h.`,
    zh: (p) => `“${p.value}”不是 ${p.key} 的上报规则。请写 对象/方式/时限，多条用逗号分隔，或写 none（不上报）：对象 director（服务中心主任）、dept_head（部门负责人）、general_manager（总经理）、group（集团）；方式 phone（电话）、written（书面）、meeting（会议）；时限如 5m、1h、24h、2wd、eod。例：director/phone/1h,director/written/24h。`,
  },
  'profile.help': { en: () => 'the shipped procedures of the seeds: list, show or apply one', zh: () => '内置的投诉处理流程：列出、查看或采用' },
  'profile.listHelp': { en: () => 'list the profiles (name, title, seed)', zh: () => '列出全部流程（名称、标题、来源）' },
  'profile.showHelp': { en: () => 'show the settings of a profile', zh: () => '查看一个流程的设置' },
  'profile.applyHelp': {
    en: () => 'apply a profile: its settings in one go; procedure settings it does not name go back to their defaults; open deadlines are recounted',
    zh: () => '采用一个流程：一次写入其全部设置；流程中未列出的时限、步骤、上报设置恢复默认；重算未结投诉的时限',
  },
  'profile.initOption': { en: () => 'apply a profile: sunshine-coast, longhu or xx-property', zh: () => '采用一个流程：sunshine-coast、longhu 或 xx-property' },
  'profile.unknown': {
    en: (p) => `no profile "${p.name}". The profiles are: ${p.known}. See \`complaints config profile list\`.`,
    zh: (p) => `没有名为“${p.name}”的流程。可用的流程：${p.known}。请用 \`complaints config profile list\` 查看。`,
  },
  'profile.applied': {
    en: (p) => `Profile ${p.name} (${p.title}) applied: ${p.settings} setting(s); ${p.moved} open complaint(s) moved.`,
    zh: (p) => `已采用流程 ${p.name}（${p.title}）：${p.settings} 项设置；${p.moved} 件未结投诉的时限有变。`,
  },
  'config.exportHelp': {
    en: () => 'write the settings that differ from the defaults as key = value lines, to the file or to standard output',
    zh: () => '导出与默认值不同的设置（每行 key = value），写入文件或标准输出',
  },
  'config.importHelp': {
    en: () => 'read settings from a key = value file (as config export writes it); all are checked first, and none is written if one is wrong',
    zh: () => '从 key = value 格式的文件（config export 导出的格式）导入设置；先全部检查，有一项不对则一项也不写入',
  },
  'settingsFile.header': {
    en: () => 'complaints settings that differ from the defaults; one key = value a line; read back with `complaints config import <file>`',
    zh: () => 'complaints 与默认值不同的设置；每行 key = value；用 `complaints config import <文件>` 导入',
  },
  'settingsFile.written': {
    en: (p) => `${p.count} setting(s) written to ${p.file}.`,
    zh: (p) => `已将 ${p.count} 项设置写入 ${p.file}。`,
  },
  'settingsFile.imported': {
    en: (p) => `${p.settings} setting(s) imported from ${p.file}; ${p.moved} open complaint(s) moved.`,
    zh: (p) => `已从 ${p.file} 导入 ${p.settings} 项设置；${p.moved} 件未结投诉的时限有变。`,
  },
  'settingsFile.badLine': {
    en: (p) => `${p.file} line ${p.line}: "${p.text}" is not a setting. Write one key = value a line (e.g. deadline.general.resolve = 3wd); lines starting with # are comments. Nothing was imported.`,
    zh: (p) => `${p.file} 第 ${p.line} 行：“${p.text}”不是一项设置。每行写一项 key = value（如 deadline.general.resolve = 3wd）；以 # 开头的行为注释。未导入任何设置。`,
  },
  'settingsFile.twice': {
    en: (p) => `${p.file} line ${p.line}: ${p.key} is given a second time (first on line ${p.first}). Keep one. Nothing was imported.`,
    zh: (p) => `${p.file} 第 ${p.line} 行：${p.key} 重复出现（第 ${p.first} 行已有）。请只保留一行。未导入任何设置。`,
  },
  'settingsFile.lineRefused': {
    en: (p) => `${p.file} line ${p.line}: ${message('en', String(p.inner), p)} Nothing was imported.`,
    zh: (p) => `${p.file} 第 ${p.line} 行：${message('zh', String(p.inner), p)}未导入任何设置。`,
  },
  // ── moving an office onto a server (migrate); backup and doctor on a server ──
  'migrate.help': {
    en: () => "move this office's SQLite file (--db) onto a group's server as the office --office <CODE>: all or nothing, tickets kept, verified",
    zh: () => '将本中心的 SQLite 数据库文件（--db）迁入集团服务器，成为 --office <代码> 指定的服务中心：全部成功或全部不做，编号保留，并逐件核对',
  },
  'migrate.toHelp': { en: () => "the server's address, postgres://role@host/database", zh: () => '服务器地址，postgres://角色@主机/数据库' },
  'migrate.nameHelp': {
    en: () => "the office's name when the move creates it (else the file's office.name)",
    zh: () => '迁移时新建服务中心所用的名称（默认取文件中的 office.name）',
  },
  'migrate.toNotServer': {
    en: (p) => `--to must be a PostgreSQL server's address such as postgres://admin@db.example.com/complaints, not "${p.to}". Nothing was moved.`,
    zh: (p) => `--to 应为 PostgreSQL 服务器地址，如 postgres://admin@db.example.com/complaints，而不是“${p.to}”。未迁移任何数据。`,
  },
  'migrate.noOffice': {
    en: () => 'say which office the file becomes on the server: --office <CODE> (a capital letter, then up to 7 capitals or digits, e.g. YG). Nothing was moved.',
    zh: () => '请用 --office <代码> 指定文件迁入后成为哪个服务中心（大写字母开头，其后最多 7 个大写字母或数字，如 YG）。未迁移任何数据。',
  },
  'migrate.badCode': {
    en: (p) => `"${p.code}" is not an office code: a capital letter, then up to 7 capitals or digits (e.g. YG, HY2). Nothing was moved.`,
    zh: (p) => `“${p.code}”不是有效的服务中心代码：应以大写字母开头，其后最多 7 个大写字母或数字（如 YG、HY2）。未迁移任何数据。`,
  },
  'migrate.fromServer': {
    en: (p) => `--db names a server (${p.db}): migrate moves an office's SQLite file. Give the file with --db <file> and the server with --to <url>.`,
    zh: (p) => `--db 指向的是服务器（${p.db}）：migrate 迁移的是服务中心的 SQLite 文件。请用 --db <文件> 指定文件，用 --to <地址> 指定服务器。`,
  },
  'migrate.notEmpty': {
    en: (p) => `office ${p.code} on ${p.to} already holds ${p.count} complaint(s): a file is moved only into an office that holds none. Give another code with --office (a new office is created), or check that this file has not been moved already. Nothing was moved.`,
    zh: (p) => `服务器 ${p.to} 上的服务中心 ${p.code} 已有 ${p.count} 条投诉：只能迁入没有投诉的服务中心。请用 --office 指定其他代码（将新建该中心），或确认此文件是否已迁移过。未迁移任何数据。`,
  },
  'migrate.failed': {
    en: (p) => `moving ${p.file} into office ${p.code} failed: ${p.detail}. Everything was rolled back: the server is as it was, and the file is unchanged. Run \`complaints doctor\` on the file, and move it with a role that owns the server's schema.`,
    zh: (p) => `将 ${p.file} 迁入服务中心 ${p.code} 失败：${p.detail}。已全部回滚：服务器保持原样，文件未改动。请先对文件运行 \`complaints doctor\`，并以拥有服务器数据结构的角色迁移。`,
  },
  'migrate.countsDiffer': {
    en: (p) => `the copy on the server does not match ${p.file}: rows per table (file → server) ${p.counts}. Everything was rolled back; nothing was moved.`,
    zh: (p) => `服务器上的副本与 ${p.file} 不一致：各表行数（文件 → 服务器）${p.counts}。已全部回滚，未迁移任何数据。`,
  },
  'migrate.complaintsDiffer': {
    en: (p) => `the copy on the server does not match ${p.file}: ${p.count} complaint(s) read differently there (${p.tickets}). Everything was rolled back; nothing was moved.`,
    zh: (p) => `服务器上的副本与 ${p.file} 不一致：有 ${p.count} 件投诉读出的内容不同（${p.tickets}）。已全部回滚，未迁移任何数据。`,
  },
  'migrate.done': {
    en: (p) => `Moved ${p.from} into office ${p.code} (${p.name}) on ${p.to}: ${p.complaints} complaint(s) in ${p.seconds} s.`,
    zh: (p) => `已将 ${p.from} 迁入 ${p.to} 的服务中心 ${p.code}（${p.name}）：${p.complaints} 件投诉，用时 ${p.seconds} 秒。`,
  },
  'migrate.doneNew': {
    en: (p) => `Moved ${p.from} into the new office ${p.code} (${p.name}) on ${p.to}: ${p.complaints} complaint(s) in ${p.seconds} s. Grant its clerks the role complaints_office_${String(p.code).toLowerCase()}.`,
    zh: (p) => `已将 ${p.from} 迁入 ${p.to} 上新建的服务中心 ${p.code}（${p.name}）：${p.complaints} 件投诉，用时 ${p.seconds} 秒。请将角色 complaints_office_${String(p.code).toLowerCase()} 授予该中心的员工。`,
  },
  'migrate.tableMerged': {
    en: (p) => `${p.table} ${p.rows} (${p.merged} merged with the office's own)`,
    zh: (p) => `${p.table} ${p.rows}（其中 ${p.merged} 条与中心已有记录合并）`,
  },
  'migrate.verified': {
    en: () => "Verified before committing: every table's rows, and every complaint read the same on both sides (fields, payments, timeline, files).",
    zh: () => '提交前已核对：各表行数一致，每件投诉在两边读出的内容（字段、付款、处理记录、附件）完全相同。',
  },
  'backup.help': {
    en: () => 'a consistent copy of the database while others keep working (a SQLite file: online backup; a server: pg_dump)',
    zh: () => '备份数据库（他人使用中也可，得到一致的副本；SQLite 文件用在线备份，服务器用 pg_dump）',
  },
  'backup.fileArg': { en: () => 'backup file', zh: () => '备份文件' },
  'backup.serverDone': {
    en: (p) => `Backed up the database ${p.database} on ${p.db} (every office on it: pg_dump cannot take one office's rows alone) to ${p.file}: ${p.size}, pg_dump ${p.version}, custom format. Restore it with \`pg_restore --dbname <new database> ${p.file}\`.`,
    zh: (p) => `已将 ${p.db} 上的数据库 ${p.database}（包含其中所有服务中心：pg_dump 无法只导出一个中心的数据）备份到 ${p.file}：${p.size}，pg_dump ${p.version}，custom 格式。恢复：\`pg_restore --dbname <新数据库> ${p.file}\`。`,
  },
  'backup.noPgDump': {
    en: (p) => `pg_dump is not installed here (looked in COMPLAINTS_PG_BIN, else on PATH and in /usr/lib/postgresql/*/bin), so this machine cannot back up the server ${p.db}. Backing up a server is its administrator's job: on the server run \`pg_dump --format=custom --file=complaints.dump <database>\` (or a base backup with pg_basebackup), or install the client tools here (\`apt-get install postgresql-client\`) and run this again.`,
    zh: (p) => `本机未安装 pg_dump（已查找 COMPLAINTS_PG_BIN，或 PATH 和 /usr/lib/postgresql/*/bin），无法备份服务器 ${p.db}。服务器的备份是其管理员的工作：在服务器上运行 \`pg_dump --format=custom --file=complaints.dump <数据库>\`（或用 pg_basebackup 做基础备份），或在本机安装客户端工具（\`apt-get install postgresql-client\`）后重试。`,
  },
  'backup.pgDumpOld': {
    en: (p) => `the newest pg_dump here (${p.path}, version ${p.version}) is older than the server ${p.db} (version ${p.server}); pg_dump cannot dump a newer server. Install the client tools of version ${p.server} or later (\`apt-get install postgresql-client-${p.server}\`), or ask the server's administrator for the backup.`,
    zh: (p) => `本机最新的 pg_dump（${p.path}，版本 ${p.version}）比服务器 ${p.db}（版本 ${p.server}）旧，无法导出更新的服务器。请安装 ${p.server} 或更高版本的客户端工具（\`apt-get install postgresql-client-${p.server}\`），或请服务器管理员备份。`,
  },
  'backup.pgDumpFailed': {
    en: (p) => `pg_dump could not back up ${p.db}: ${p.detail}. No backup file was written. A clerk's role may not read every office: run the backup as the server's administrator (a role that owns the schema).`,
    zh: (p) => `pg_dump 无法备份 ${p.db}：${p.detail}。未写入备份文件。中心员工的角色不能读取所有服务中心：请以服务器管理员（拥有数据结构的角色）运行备份。`,
  },
  'doctor.help': {
    en: () => 'check the database: integrity, foreign keys, schema, size, counts, calendar coverage; on a server the row-level security and append-only triggers',
    zh: () => '检查数据库：完整性、外键、结构版本、大小、数量、日历覆盖；服务器上检查行级安全策略和防篡改触发器',
  },
  'doctor.server': { en: () => 'Server', zh: () => '服务器' },
  'doctor.office': { en: () => 'Office', zh: () => '服务中心' },
  'doctor.schema': { en: () => 'Schema', zh: () => '结构版本' },
  'doctor.rowSecurity': { en: () => 'Row-level security', zh: () => '行级安全策略' },
  'doctor.counts': { en: () => 'Counts', zh: () => '数量' },
  'doctor.byStatus': { en: () => 'By status', zh: () => '按状态' },
  'doctor.attachmentDamaged': {
    en: (p) => `attachment #${p.id} does not match its SHA-256: its bytes were changed or damaged; restore them from a backup.`,
    zh: (p) => `附件 #${p.id} 与其 SHA-256 不符：内容已被改动或损坏，请从备份恢复。`,
  },
  'doctor.attachments': { en: () => 'Attachments (SHA-256)', zh: () => '附件校验' },
  'doctor.good': { en: () => 'ok', zh: () => '正常' },
  'doctor.bad': { en: () => 'FAILED', zh: () => '异常' },
  'doctor.schemaBehind': {
    en: (p) => `schema ${p.version}, this program expects ${p.latest}. Run \`complaints init --db …\` as the server's administrator.`,
    zh: (p) => `结构版本为 ${p.version}，本程序需要 ${p.latest}。请服务器管理员运行 \`complaints init --db …\`。`,
  },
  'doctor.rlsOff': {
    en: (p) => `row-level security is not enabled and forced on ${p.tables}: an office's clerks could read or change other offices' rows there. As the schema's owner: ALTER TABLE <table> ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY.`,
    zh: (p) => `以下表未启用并强制行级安全：${p.tables}：各中心员工可能读取或修改其他中心的记录。请以数据结构所有者执行 ALTER TABLE <表> ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY。`,
  },
  'doctor.policiesMissing': {
    en: (p) => `row-level security policies missing: ${p.names}. Without them the table's rows are open to, or closed to, every office's clerks; restore them from schema/postgres (the server's administrator).`,
    zh: (p) => `缺少行级安全策略：${p.names}。缺少后该表的记录对各中心员工的开放或关闭不再正确；请服务器管理员按 schema/postgres 恢复。`,
  },
  'doctor.serverGuardsMissing': {
    en: (p) => `append-only guard trigger(s) missing or disabled: ${p.names}. The record could be rewritten while they were gone; the server's administrator restores them from schema/postgres and checks the data against a backup.`,
    zh: (p) => `防篡改触发器缺失或被停用：${p.names}。缺失期间记录可能已被改写；请服务器管理员按 schema/postgres 恢复，并对照备份检查数据。`,
  },
  'doctor.serverFailed': {
    en: (p) => `the server ${p.file} has ${p.count} problem(s) (see above). They are for the server's administrator to repair.`,
    zh: (p) => `服务器 ${p.file} 存在 ${p.count} 个问题（见上），需由服务器管理员修复。`,
  },
  'doctor.serverScope': {
    en: () => "Checked what a login can: schema, policies, triggers, this office's rows. Disk, replication and backups of the server are its administrator's.",
    zh: () => '已检查登录角色可检查的内容：数据结构、策略、触发器、本中心的数据。服务器的磁盘、复制与备份由其管理员负责。',
  },
  // ── money and accountability: staff, approvals, incident facts, cause and correction, spot checks, group complaints (SPEC §12) ──
  'help.staff': {
    en: () => "the office's people and roles: who approves compensation (核决权限) and who spot-checks",
    zh: () => '人员与角色：谁审批赔偿（核决权限）、谁抽查',
  },
  'help.staffList': { en: () => 'list the people and their roles', zh: () => '列出人员与角色' },
  'help.staffAdd': { en: () => 'add a person with a role', zh: () => '添加人员及其角色' },
  'help.staffDept': { en: () => 'the department a department head heads (required for dept_head)', zh: () => '部门负责人所负责的部门（dept_head 必填）' },
  'help.staffRemove': { en: () => 'take a person off the list (what they approved stays recorded)', zh: () => '移除人员（其已审批的记录保留）' },
  'help.staffRename': { en: () => 'rename a person', zh: () => '人员改名' },
  'help.approvedBy': {
    en: () => 'who approved the cost (审批), and who reviewed it (审核), separated by commas: "reviewer,reviewer,approver". Under 5,000 yuan a department head, under 20,000 the general manager, else the compensation committee; once `complaints staff` lists anyone with such a role, only they may approve',
    zh: () => '审批人，审核人一并列出，用逗号分隔："审核人,审核人,审批人"。5000 元以下部门负责人，2 万元以下总经理，以上赔偿委员会；`complaints staff` 登记了审批角色后，只有其中有权限的人可以审批',
  },
  'help.cause': { en: () => 'why it happened (原因分析)', zh: () => '原因分析' },
  'help.correctiveAction': { en: () => 'what was changed so it does not happen again (改善措施)', zh: () => '改善措施（如何避免再次发生）' },
  'help.about': { en: () => 'the person or department complained about', zh: () => '被投诉的人员或部门' },
  'help.happenedAt': { en: () => 'when the incident happened', zh: () => '事发时间' },
  'help.place': { en: () => 'where the incident happened', zh: () => '事发地点' },
  'help.approve': {
    en: () => 'approve a compensation before the work (核决权限); a later resolve --cost up to the amount needs no other approval',
    zh: () => '事前审批赔偿（核决权限）；之后 resolve --cost 不超过审批金额时无需再次审批',
  },
  'help.approveAmount': { en: () => 'the amount approved, yuan', zh: () => '审批金额（元）' },
  'help.audit': {
    en: () => 'a spot check of the handling (抽查) of a resolved or closed complaint; fail reopens it one level up',
    zh: () => '抽查已处理或已关闭投诉的处理情况；不合格则升一级重新处理',
  },
  'help.auditNote': { en: () => 'what was checked and found (required)', zh: () => '抽查情况（必填）' },
  'help.group': {
    en: () => 'confirm complaints of 5 or more units (threshold.major_households) as one group complaint (群诉); each becomes major',
    zh: () => '将 5 户以上（threshold.major_households）的投诉确认为一宗群诉，每条升为重大',
  },
  'help.groupTickets': { en: () => 'the tickets of the group', zh: () => '群诉包含的投诉编号' },
  'help.groupReason': { en: () => 'what the complaints have in common (required)', zh: () => '群诉原因（必填）' },
  'help.listGroup': { en: () => 'only complaints in a group complaint (all groups, or the one numbered)', zh: () => '只列出群诉中的投诉（全部群诉，或指定编号的群诉）' },
  'notice.possiblyInvalid': {
    en: (p) => `note: it is about a person and was raised more than ${p.months} month(s) after the incident: possibly invalid (rule.late_about_person_months). Check it and classify --validity.`,
    zh: (p) => `提示：该投诉针对员工，且在事发 ${p.months} 个月以后才提出，可能为无效投诉（rule.late_about_person_months）。请核实后用 classify --validity 认定。`,
  },
  'register.happenedAfter': {
    en: (p) => `--happened-at ${p.at} is after the complaint was received (${p.received}): the incident comes first. Give the time it happened.`,
    zh: (p) => `--happened-at ${p.at} 晚于受理时间（${p.received}）：事发应在受理之前。请填写实际事发时间。`,
  },
  'assign.aboutPerson': {
    en: (p) => `${p.ticket} is a complaint about ${p.person}: it cannot be handled by that person (原接待员工不得参与). Assign it --to someone else.`,
    zh: (p) => `${p.ticket} 是针对 ${p.person} 的投诉，不能由其本人处理（原接待员工不得参与）。请用 --to 指派其他人。`,
  },
  'approval.unknownPerson': {
    en: (p) => `"${p.name}" is not on the office's staff list, so cannot approve or review. Name people of \`complaints staff list\` (${p.known}), or add them with \`complaints staff add "${p.name}" --role …\`.`,
    zh: (p) => `“${p.name}”不在人员名单中，不能审批或审核。请填写 \`complaints staff list\` 中的人员（${p.known}），或用 \`complaints staff add "${p.name}" --role …\` 添加。`,
  },
  'approval.noAuthority': {
    en: (p) => `none of ${p.names} may approve ${p.amount} yuan: it needs the ${label('en', `approval.${p.level}`)} (核决权限). Name one who may: ${p.who}.`,
    zh: (p) => `${p.names} 均无权审批 ${p.amount} 元：须由${label('zh', `approval.${p.level}`)}审批（核决权限）。请填写有权限的人：${p.who}。`,
  },
  'resolve.aboveApproval': {
    en: (p) => `a cost of ${Number(p.cost) / 100} yuan is more than the ${Number(p.left) / 100} yuan left of the ${Number(p.approved) / 100} yuan approved on ${p.at} for ${p.ticket}. Approve it again first (\`complaints approve ${p.ticket} --amount … --by …\`), or add --approved-by.`,
    zh: (p) => `费用 ${Number(p.cost) / 100} 元超过 ${p.ticket} 于 ${p.at} 审批的 ${Number(p.approved) / 100} 元中剩余的 ${Number(p.left) / 100} 元。请先重新审批（\`complaints approve ${p.ticket} --amount … --by …\`），或加 --approved-by。`,
  },
  'approve.amount': { en: () => 'the amount approved must be more than 0 yuan, e.g. --amount 6800.', zh: () => '审批金额须大于 0 元，如 --amount 6800。' },
  'approve.by': {
    en: (p) => `say who approved it: --by "<name>" (the ${label('en', `approval.${p.level}`)}).`,
    zh: (p) => `请用 --by "<姓名>" 说明审批人（${label('zh', `approval.${p.level}`)}）。`,
  },
  'audit.note': { en: () => 'a spot check says what was found: add --note "…".', zh: () => '抽查须说明情况：请加 --note "…"。' },
  'audit.badResult': {
    en: (p) => `"${p.value}" is not a result of a spot check: give pass (合格) or fail (不合格).`,
    zh: (p) => `“${p.value}”不是抽查结果：请填 pass（合格）或 fail（不合格）。`,
  },
  'audit.reopened': {
    en: (p) => `The spot check failed: ${p.ticket} is reopened as ${p.severity}, back to its department.`,
    zh: (p) => `抽查不合格：${p.ticket} 已升为${p.severity}，退回责任部门重新处理。`,
  },
  'reason.auditFailed': { en: () => 'spot check failed', zh: () => '抽查不合格' },
  'group.tooFew': {
    en: (p) => `a group complaint needs ${p.min} or more different units (threshold.major_households); these ${p.count} complaints come from ${p.units} (without a unit: ${p.noUnit}). Add the other units' complaints.`,
    zh: (p) => `群诉须涉及 ${p.min} 户以上不同房号（threshold.major_households）；这 ${p.count} 条投诉只涉及 ${p.units} 户（无房号：${p.noUnit}）。请加入其他住户的投诉。`,
  },
  'group.already': {
    en: (p) => `${p.ticket} is already in group complaint ${p.group}. Leave it out.`,
    zh: (p) => `${p.ticket} 已属于群诉 ${p.group}，请勿重复加入。`,
  },
  'group.done': {
    en: (p) => `Group complaint ${p.id}: ${p.count} complaints, each now major.`,
    zh: (p) => `群诉 ${p.id}：共 ${p.count} 条投诉，均已升为重大。`,
  },
  'staff.badRole': {
    en: (p) => `"${p.value}" is not a role. Give one of: ${p.allowed}.`,
    zh: (p) => `“${p.value}”不是角色。请选择：${p.allowed}。`,
  },
  'staff.badName': {
    en: (p) => `"${p.value}" is not a name for the staff list: 1–50 characters, without commas or 、 (they separate names on --approved-by).`,
    zh: (p) => `“${p.value}”不能作为人员姓名：须为 1–50 个字符，不含逗号或顿号（--approved-by 用它们分隔姓名）。`,
  },
  'staff.deptRequired': {
    en: (p) => `a department head heads a department: add --dept, e.g. complaints staff add ${p.name} --role dept_head --dept 工程部.`,
    zh: (p) => `部门负责人须注明部门：请加 --dept，如 complaints staff add ${p.name} --role dept_head --dept 工程部。`,
  },
  'staff.deptOnlyHead': {
    en: (p) => `--dept is for a department head; a ${label('en', `staffRole.${p.role}`)} has none. Leave --dept out.`,
    zh: (p) => `--dept 只用于部门负责人；${label('zh', `staffRole.${p.role}`)}无需部门。请去掉 --dept。`,
  },
  'staff.exists': {
    en: (p) => `${p.name} is already on the staff list. See \`complaints staff list\`.`,
    zh: (p) => `${p.name} 已在人员名单中。请查看 \`complaints staff list\`。`,
  },
  'staff.unknown': {
    en: (p) => `${p.name} is not on the staff list. See \`complaints staff list\`.`,
    zh: (p) => `人员名单中没有 ${p.name}。请查看 \`complaints staff list\`。`,
  },
  // ── spreadsheets: workbooks, Chinese values, real registers (SPEC §15) ──
  'export.xlsxNeedsOut': {
    en: () => 'a workbook is a file: give --out, e.g. `complaints export --format xlsx --out 投诉台账.xlsx`. Nothing was written.',
    zh: () => '工作簿只能写入文件：请加 --out，如 `complaints export --format xlsx --out 投诉台账.xlsx`。未写入任何内容。',
  },
  'report.xlsxNeedsOut': {
    en: () => 'a workbook is a file: give --out, e.g. `complaints report monthly --format xlsx --out 月报.xlsx`. Nothing was written.',
    zh: () => '工作簿只能写入文件：请加 --out，如 `complaints report monthly --format xlsx --out 月报.xlsx`。未写入任何内容。',
  },
  'export.progressLabel': { en: () => 'exporting', zh: () => '正在导出' },
  'import.progressLabel': { en: () => 'checking rows', zh: () => '正在校验' },
  'import.writing': { en: (p) => `writing ${p.rows} complaint(s)…`, zh: (p) => `正在写入 ${p.rows} 条投诉…` },
  'import.utf16': {
    en: (p) => `${p.file} is UTF-16 text (what Excel saves as "Unicode Text"), not a CSV. In Excel or WPS use Save As → "CSV UTF-8 (comma delimited)" or "Excel Workbook (.xlsx)"; nothing was imported.`,
    zh: (p) => `${p.file} 是 UTF-16 文本（Excel 的“Unicode 文本”），不是 CSV。请在 Excel 或 WPS 中“另存为”→“CSV UTF-8（逗号分隔）”或“Excel 工作簿（.xlsx）”；未导入任何内容。`,
  },
  'import.tabSeparated': {
    en: (p) => `${p.file} is tab-separated text (its header has ${p.tabs} tabs and no comma), not a CSV. Save it from the spreadsheet as "CSV UTF-8 (comma delimited)" or as a workbook (.xlsx); nothing was imported.`,
    zh: (p) => `${p.file} 是以制表符分隔的文本（表头有 ${p.tabs} 个制表符、没有逗号），不是 CSV。请在表格软件中另存为“CSV UTF-8（逗号分隔）”或工作簿（.xlsx）；未导入任何内容。`,
  },
  'import.workbookAsCsv': {
    en: (p) => `${p.file} is an Excel workbook (.xlsx) with another name. Rename it to end in .xlsx and import that; nothing was imported.`,
    zh: (p) => `${p.file} 实际是 Excel 工作簿（.xlsx），只是改了扩展名。请将其改名为以 .xlsx 结尾后再导入；未导入任何内容。`,
  },
  'import.oldWorkbook': {
    en: (p) => `${p.file} is an Excel 97–2003 workbook (.xls), which is not read. Open it in Excel or WPS and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"; nothing was imported.`,
    zh: (p) => `${p.file} 是 Excel 97–2003 工作簿（.xls），无法读取。请用 Excel 或 WPS 打开后另存为“Excel 工作簿（.xlsx）”或“CSV UTF-8”；未导入任何内容。`,
  },
  'import.notWorkbook': {
    en: (p) => `${p.file} is named .xlsx but is not an Excel workbook (${p.detail}). Save it again from the spreadsheet as "Excel Workbook (.xlsx)", or as CSV UTF-8 named .csv; nothing was imported.`,
    zh: (p) => `${p.file} 扩展名为 .xlsx，但不是 Excel 工作簿（${p.detail}）。请在表格软件中重新另存为“Excel 工作簿（.xlsx）”，或另存为 CSV UTF-8 并以 .csv 命名；未导入任何内容。`,
  },
  'import.atRow': { en: (p) => `  row ${p.row}${p.ticket ? ` (ticket ${p.ticket})` : ''}: ${p.problem}`, zh: (p) => `  第 ${p.row} 行${p.ticket ? `（编号 ${p.ticket}）` : ''}：${p.problem}` },
  'import.atRowCell': {
    en: (p) => `  row ${p.row}${p.ticket ? ` (ticket ${p.ticket})` : ''}, column "${p.column}": ${p.problem}`,
    zh: (p) => `  第 ${p.row} 行${p.ticket ? `（编号 ${p.ticket}）` : ''}，“${p.column}”列：${p.problem}`,
  },
  'import.err.duplicateRow': {
    en: (p) => `repeats row ${p.other} (same ${p.by}, same minute, same description). Remove one of them, or import with --allow-duplicates if both are real.`,
    zh: (p) => `与第 ${p.other} 行重复（${p.by}相同、时间同一分钟、内容相同）。请删除其中一行；如两条都属实，导入时加 --allow-duplicates。`,
  },
  'import.err.noSatisfaction': {
    en: (p) => `a call-back "${p.value}" without a satisfaction: write it in the 满意度 column (1–5, or 非常满意/满意/基本满意/不满意/很不满意).`,
    zh: (p) => `回访“${p.value}”没有满意度：请在“满意度”列填写（1–5，或 非常满意/满意/基本满意/不满意/很不满意）。`,
  },
  'import.err.duplicateInDb': {
    en: (p) => `repeats ${p.ticket}, already in the database (same ${p.by}, same minute, same description): was this register imported before? Remove the row, or import with --allow-duplicates if it is a second complaint.`,
    zh: (p) => `与数据库中已有的 ${p.ticket} 重复（${p.by}相同、时间同一分钟、内容相同）：是否已导入过此台账？请删除该行；如确为另一条投诉，导入时加 --allow-duplicates。`,
  },
  'import.by.phone': { en: () => 'phone', zh: () => '电话' },
  'import.by.unit': { en: () => 'estate and unit', zh: () => '项目和房号' },
  'import.by.name': { en: () => 'complainant', zh: () => '投诉人' },
  'import.statuses': {
    en: (p) => `They arrive ${p.open} open, ${p.resolved} resolved awaiting call-back, ${p.closed} closed; ${p.overdue} would be overdue at once.`,
    zh: (p) => `其中 ${p.open} 条未处理完、${p.resolved} 条已处理待回访、${p.closed} 条已关闭；导入后将有 ${p.overdue} 条立即逾期。`,
  },
  'import.estatesSplit': { en: (p) => `Estate taken out of the unit on ${p.n} row(s).`, zh: (p) => `有 ${p.n} 行从房号中拆出了项目名。` },
  // ── the everyday desk: edit, undo, my work, today (SPEC §13, §16) ──
  'help.edit': { en: () => 'correct a fact taken at intake (name, phone, estate, unit, texts, channel, received time, households, claim, safety, media)', zh: () => '更正受理信息（姓名、电话、项目、房号、内容、渠道、受理时间、户数、索赔、安全隐患、媒体介入）' },
  'help.editReason': { en: () => 'why it is corrected (required)', zh: () => '更正原因（必填）' },
  'help.editYes': { en: (p) => `${p.what}: yes`, zh: (p) => `${p.what}：是` },
  'help.editNo': { en: (p) => `${p.what}: no`, zh: (p) => `${p.what}：否` },
  'edit.phoneHint': { en: () => 'Give a mainland mobile (13800138000) or a landline with area code (010-12345678), or "" to clear it.', zh: () => '请填写大陆手机号（13800138000）或带区号的座机（010-12345678），填 "" 则清空。' },
  'edit.nothing': {
    en: () => 'nothing to correct. Give at least one of --name, --phone, --estate, --unit, --subject, --description, --demand, --channel, --received-at, --households, --claim, --safety/--no-safety, --media/--no-media with a value different from the current one (or run at a terminal to be offered them).',
    zh: () => '没有要更正的内容。请至少提供 --name、--phone、--estate、--unit、--subject、--description、--demand、--channel、--received-at、--households、--claim、--safety/--no-safety、--media/--no-media 之一，且与现值不同（或在终端中运行按提示选择）。',
  },
  'edit.empty': {
    en: (p) => `the ${p.field} cannot be empty. Give the corrected text, e.g. --${p.field} "…".`,
    zh: (p) => `${p.field === 'name' ? '投诉人姓名' : '投诉内容'}不能为空。请填写更正后的内容，如 --${p.field} "…"。`,
  },
  'edit.receivedFuture': {
    en: (p) => `the received time (${p.at}) is in the future. Give --received-at at or before now.`,
    zh: (p) => `受理时间（${p.at}）晚于当前时间。请把 --received-at 设为现在或更早。`,
  },
  'edit.receivedAfterStep': {
    en: (p) => `${p.ticket} cannot have been received at ${p.at}: it was already handled at ${p.step}. Give a --received-at at or before ${p.step}.`,
    zh: (p) => `${p.ticket} 的受理时间不能是 ${p.at}：${p.step} 已有处理记录。请把 --received-at 设为 ${p.step} 或更早。`,
  },
  'prompt.editField': { en: () => 'Which fact to correct?', zh: () => '要更正哪一项？' },
  'prompt.editDone': { en: () => '(done)', zh: () => '（完成）' },
  'help.today': { en: () => 'the day on one screen: due today, overdue, awaiting call-back, flagged, possible group complaints, this month so far', zh: () => '今日工作：今日到期、已超期、待回访、提交管理层会议、可能的群诉、本月至今' },
  'help.todayLimit': { en: () => 'complaints listed in each part (default 10; 0 for all)', zh: () => '每一部分列出的投诉数（默认 10；0 表示全部）' },
  'today.title': { en: (p) => `Today, ${p.date}`, zh: (p) => `今日工作 ${p.date}` },
  'today.dueToday': { en: (p) => `Due today: ${p.count}`, zh: (p) => `今日到期：${p.count}` },
  'today.overdue': { en: (p) => `Overdue: ${p.count}`, zh: (p) => `已超期：${p.count}` },
  'today.awaitingCallBack': { en: (p) => `Awaiting call-back: ${p.count}`, zh: (p) => `待回访：${p.count}` },
  'today.flagged': { en: (p) => `Flagged for the management meeting: ${p.count}`, zh: (p) => `提交管理层会议：${p.count}` },
  'today.groups': { en: (p) => `Possible group complaints (last 7 days): ${p.count}`, zh: (p) => `可能的群诉（近 7 天）：${p.count}` },
  'today.month': { en: (p) => `This month so far: received ${p.received} · resolved ${p.resolved} · closed ${p.closed}`, zh: (p) => `本月至今：受理 ${p.received} · 处理完成 ${p.resolved} · 关闭 ${p.closed}` },
  'today.due': { en: (p) => `due ${p.at}`, zh: (p) => `${p.at} 到期` },
  'today.more': { en: (p) => `… and ${p.n} more (complaints list, or --limit)`, zh: (p) => `…… 另有 ${p.n} 条（用 complaints list 查看，或加 --limit）` },
  'help.listAssignee': { en: () => 'assignee, or part of the name', zh: () => '处理人（可只写名字的一部分）' },
  'help.listEstate': { en: () => 'estate, or part of its name (阳光 finds 阳光海岸)', zh: () => '项目（可只写一部分，如“阳光”可查到阳光海岸）' },
  'help.listPhone': { en: () => 'phone, or its last four digits (8000)', zh: () => '电话，或其后四位（如 8000）' },
  'help.listMine': { en: () => 'only those I received or am assigned (the acting user, --actor)', zh: () => '只看我受理或我处理的（当前用户，--actor）' },
  'help.listReceiver': { en: () => 'received by this person (首问责任人)', zh: () => '首问责任人' },
  'help.listFlagged': { en: () => 'only those flagged for the management meeting', zh: () => '只看提交管理层会议的' },
  'list.phoneOrTail': {
    en: () => 'give a mainland mobile (13800138000), a landline with area code (010-12345678), optionally with +86, or the last four digits (8000).',
    zh: () => '请填写大陆手机号（13800138000）、带区号的座机（010-12345678，可带 +86），或电话后四位（8000）。',
  },
  'help.undo': { en: () => "take back the complaint's last step (it stays in the timeline, marked undone, and counts in no figure)", zh: () => '撤销该投诉的最后一步（仍留在处理记录中，标为已撤销，不计入任何统计）' },
  'help.undoReason': { en: () => 'why it is taken back (required)', zh: () => '撤销原因（必填）' },
  'notice.undone': { en: (p) => `${p.ticket}: the last step (${p.step}) undone.`, zh: (p) => `${p.ticket}：已撤销最后一步（${p.step}）。` },
  'undo.nothing': {
    en: (p) => `${p.ticket} has no step left to undo. Registration is not a step: close a complaint entered by mistake with \`complaints close ${p.ticket} --reason invalid --note "…"\`.`,
    zh: (p) => `${p.ticket} 没有可撤销的步骤。登记不能撤销：误登记的投诉请用 \`complaints close ${p.ticket} --reason invalid --note "…"\` 关闭。`,
  },
  'undo.reportUp': {
    en: (p) => `${p.ticket}'s last step is a report up, which is kept as made. Add a note instead: complaints note ${p.ticket} "…".`,
    zh: (p) => `${p.ticket} 的最后一步是上报，已上报的记录不能撤销。如需更正请加备注：complaints note ${p.ticket} "…"。`,
  },
  // ── estates and the prompts that ask what matters (SPEC §16) ──
  'help.estate': { en: () => "the office's estates and the other names written for them (阳光海岸小区 for 阳光海岸)", zh: () => '项目管理：列出、添加、改名、别名（如“阳光海岸小区”即“阳光海岸”）' },
  'help.estateList': { en: () => 'list the estates with their aliases', zh: () => '列出项目及其别名' },
  'help.estateAdd': { en: () => 'add an estate', zh: () => '添加项目' },
  'help.estateRename': { en: () => 'rename an estate (the old name stays as an alias)', zh: () => '项目改名（旧名保留为别名）' },
  'help.estateAlias': { en: () => 'another name written for an estate, counted as the estate', zh: () => '为项目添加别名，按该项目统计' },
  'estate.unknown': {
    en: (p) => `no estate "${p.name}". See \`complaints estate list\`, or add it with \`complaints estate add "${p.name}"\`.`,
    zh: (p) => `没有项目“${p.name}”。请查看 \`complaints estate list\`，或用 \`complaints estate add "${p.name}"\` 添加。`,
  },
  'estate.taken': {
    en: (p) => `"${p.name}" already names the estate ${p.estate}. Each name or alias belongs to one estate; see \`complaints estate list\`.`,
    zh: (p) => `“${p.name}”已是项目“${p.estate}”的名称或别名。一个名称只能属于一个项目；请查看 \`complaints estate list\`。`,
  },
  'estate.notListed': {
    en: (p) => `"${p.name}" is not one of the office's estates${p.close ? ` (close: ${p.close})` : ''}. Give a listed estate or alias (\`complaints estate list\`), add it with \`complaints estate alias <estate> "${p.name}"\` or \`complaints estate add "${p.name}"\`, or accept unlisted estates with \`complaints config set estate.strict off\`.`,
    zh: (p) => `“${p.name}”不是本中心的项目${p.close ? `（相近：${p.close}）` : ''}。请填写已登记的项目或别名（\`complaints estate list\`），或用 \`complaints estate alias <项目> "${p.name}"\`、\`complaints estate add "${p.name}"\` 添加，或用 \`complaints config set estate.strict off\` 允许未登记的项目。`,
  },
  'prompt.estateClose': { en: (p) => `"${p.name}" is not a listed estate. Did you mean`, zh: (p) => `“${p.name}”不是已登记的项目。您要找的是` },
  'prompt.estateUnlisted': { en: (p) => `"${p.name}" is not a listed estate and none is close`, zh: (p) => `“${p.name}”不是已登记的项目，也没有相近的` },
  'prompt.estateKeep': { en: (p) => `keep "${p.name}" as written`, zh: (p) => `按填写的“${p.name}”登记` },
  'prompt.estateOther': { en: () => '(type another name)', zh: () => '（输入其他名称）' },
  'prompt.estateType': { en: () => 'Estate name', zh: () => '项目名称' },
  'prompt.typeOther': { en: () => '(other: type it)', zh: () => '（其他：自行输入）' },
  'prompt.subcategoryText': { en: () => 'Subcategory', zh: () => '子类' },
  'prompt.safety': { en: () => 'Is there a safety hazard?', zh: () => '是否存在安全隐患？' },
  'prompt.media': { en: () => 'Are the media, a court or a regulator (12345 / 12315) involved?', zh: () => '是否有媒体、法院或监管部门（12345/12315）介入？' },
  'prompt.households': { en: () => 'Households affected', zh: () => '涉及户数' },
  'prompt.claim': { en: () => 'Amount claimed, yuan (empty if none)', zh: () => '索赔金额（元，没有可留空）' },
  'prompt.unsatisfied': {
    en: (p) => `This reopens ${p.ticket} one level up (${p.from} → ${p.to}), back to ${p.department}.`,
    zh: (p) => `将重新打开 ${p.ticket}，级别“${p.from}”→“${p.to}”，退回${p.department}处理。`,
  },
  'prompt.unsatisfiedMajor': {
    en: (p) => `This reopens ${p.ticket}, back to ${p.department}, flagged for the management meeting.`,
    zh: (p) => `将重新打开 ${p.ticket}，退回${p.department}处理，并提交管理层会议。`,
  },
  'prompt.unsatisfiedSure': { en: (p) => `Record score ${p.score} (${p.label})?`, zh: (p) => `确认记录满意度 ${p.score}（${p.label}）？` },
  'prompt.assignee': { en: () => 'Person who handles it (empty if none yet)', zh: () => '处理人（暂无可留空）' },
  'prompt.assignNote': { en: () => 'Note for them (empty to skip)', zh: () => '派单说明（可留空）' },
  'prompt.cost': { en: () => 'Compensation or repair cost paid, yuan (empty if none)', zh: () => '赔偿或维修费用（元，没有可留空）' },
  'prompt.responsible': { en: () => 'Department found at fault', zh: () => '责任部门' },
  'prompt.responsiblePerson': { en: () => 'Person found at fault (empty if none)', zh: () => '责任人（没有可留空）' },
  'prompt.approvedBy': { en: () => 'Approved by (names, comma-separated)', zh: () => '审批人（多人用逗号分隔）' },
  'prompt.classifyField': { en: () => 'Which field to change?', zh: () => '要修改哪一项？' },
  'help.importFile': {
    en: () => `The file may be what \`complaints export\` writes (any --headers style) or an
office's own register, CSV or .xlsx, with at least 受理时间/Received,
投诉人/Complainant and 投诉内容/Description; title rows above the header,
blank rows and a 序号 column are fine. A row with a result (处理结果) comes in
resolved, one with a call-back (回访情况/满意度: 非常满意 … 很不满意) closed.
Valid, unused ticket numbers are kept; other rows get new numbers.`,
    zh: () => `文件可以是 \`complaints export\` 导出的（任何 --headers 样式），也可以是本处自己的台账，
CSV 或 .xlsx，至少要有“受理时间”“投诉人”“投诉内容”三列；表头上方的标题行、空行和“序号”列都可以。
有“处理结果”的行以已处理待回访导入，有回访情况或满意度（非常满意 … 很不满意）的行以已关闭导入。
有效且未被占用的编号保留，其余行分配新编号。`,
  },
  'help.estateStrictExample': { en: () => 'refuse an unlisted estate where nobody can be asked', zh: () => '无人可问时（脚本、定时任务）拒绝未登记的项目' },
  'help.classifyAskExample': { en: () => 'at a terminal: offers each field with its current value', zh: () => '在终端上：逐项列出当前值供修改' },
  // ── Chinese values, the parser's words, completion, help (SPEC §16) ──
  'values.help': { en: (p) => `${p.description}: ${p.values}`, zh: (p) => `${p.description}：${p.values}` },
  'values.allowed': { en: (p) => `allowed: ${p.allowed}.`, zh: (p) => `可选值：${p.allowed}。` },
  'parser.unknownOption': { en: (p) => `unknown option ${p.flag}.`, zh: (p) => `没有选项 ${p.flag}。` },
  'parser.unknownCommand': { en: (p) => `unknown command "${p.name}".`, zh: (p) => `没有命令“${p.name}”。` },
  'parser.didYouMean': { en: (p) => ` Did you mean ${p.words}?`, zh: (p) => `是否要输入 ${p.words}？` },
  'parser.missingArgument': { en: (p) => `missing the argument ${p.name}.`, zh: (p) => `缺少参数 ${p.name}。` },
  'parser.optionMissingArgument': { en: (p) => `option ${p.flags} needs a value.`, zh: (p) => `选项 ${p.flags} 缺少取值。` },
  'parser.missingMandatory': { en: (p) => `option ${p.flags} is required.`, zh: (p) => `缺少必填选项 ${p.flags}。` },
  'parser.invalidOption': { en: (p) => `option ${p.flags}: "${p.value}" is not valid; ${p.detail}`, zh: (p) => `选项 ${p.flags} 的取值“${p.value}”无效。${p.detail}` },
  'parser.invalidArgument': { en: (p) => `argument ${p.name}: "${p.value}" is not valid; ${p.detail}`, zh: (p) => `参数 ${p.name} 的取值“${p.value}”无效。${p.detail}` },
  'parser.excessArguments': {
    en: (p) => `too many arguments${p.command ? ` for ${p.command}` : ''}: ${p.expected} expected, ${p.got} given (put text with spaces in quotes).`,
    zh: (p) => `参数过多${p.command ? `（${p.command}）` : ''}：应为 ${p.expected} 个，实际 ${p.got} 个（含空格的文字请加引号）。`,
  },
  'parser.conflicting': { en: (p) => `${p.a} cannot be used with ${p.b}.`, zh: (p) => `${p.a} 不能与 ${p.b} 同时使用。` },
  'parser.seeHelp': { en: (p) => `See \`complaints help${p.command ? ` ${p.command}` : ''}\`.`, zh: (p) => `请查看 \`complaints help${p.command ? ` ${p.command}` : ''}\`。` },
  'help.helpOption': { en: () => 'show this help', zh: () => '显示本帮助' },
  'help.helpCommand': { en: () => 'show the help of a command', zh: () => '显示某个命令的帮助' },
  'help.versionOption': { en: () => 'print the version', zh: () => '显示版本号' },
  'help.default': { en: (p) => `(default: ${p.value})`, zh: (p) => `（默认：${p.value}）` },
  'format.conflict': {
    en: (p) => `--format ${p.asked} and the file ${p.file} (a ${p.named} name) disagree: give one of them, or a file name ending in .${p.asked}. Nothing was written.`,
    zh: (p) => `--format ${p.asked} 与文件 ${p.file}（${p.named} 格式的文件名）不一致：请只写其一，或用 .${p.asked} 结尾的文件名。未写入任何内容。`,
  },
  'export.jsonNeedsOut': {
    en: () => 'export writes CSV or a workbook; --json prints a summary of the file written, so it needs --out. For the complaints as JSON use `complaints list --json`.',
    zh: () => 'export 输出 CSV 或工作簿；--json 只输出所写文件的摘要，须同时加 --out。如需 JSON 格式的投诉请用 `complaints list --json`。',
  },
  'help.ex.approve.1': { en: () => 'within the approval: nothing more needed', zh: () => '在核准金额内：无需再审批' },
  'help.ex.assign.2': { en: () => 'a transfer', zh: () => '转派' },
  'help.ex.audit.3': { en: () => 'reopens it one level up', zh: () => '重新处理，级别升一级' },
  'help.ex.config.4': { en: () => '30m, 2h, 3wd, 5d, eod, none', zh: () => '30m 分钟、2h 小时、3wd 工作日、5d 自然日、eod 当天结束、none 不设' },
  'help.ex.edit.5': { en: () => 'at a terminal: offers each fact with its current value', zh: () => '在终端中：逐项列出当前值供更正' },
  'help.ex.follow-up.6': { en: () => 'reopens, one level up', zh: () => '重新处理，级别升一级' },
  'help.ex.group.7': { en: () => 'complaints in any group', zh: () => '列出所有群诉中的投诉' },
  'help.ex.group.8': { en: () => 'proposes possible groups to confirm', zh: () => '提示可能的群诉，待确认' },
  'help.ex.list.9': { en: () => 'received or assigned to me', zh: () => '我受理或我处理的' },
  'help.ex.list.10': { en: () => 'a caller by the last four digits', zh: () => '按电话后四位查来电人' },
  'help.ex.list.11': { en: () => 'part of a name is enough', zh: () => '名称写一部分即可' },
  'help.ex.list.12': { en: () => 'complaints of confirmed group complaints', zh: () => '已确认群诉中的投诉' },
  'help.ex.reason-steps.13': { en: () => 'after failed call-backs on 3 days', zh: () => '3 天回访均未联系上之后' },
  'help.ex.register.14': { en: () => 'at a terminal: asks for each field', zh: () => '在终端中：逐项提问' },
  'help.ex.report.15': { en: () => 'last month, on the terminal', zh: () => '上月月报，显示在终端' },
  'help.ex.sweep.16': { en: () => 'crontab: every day at 06:30', zh: () => 'crontab：每天 06:30' },
  'help.ex.undo.17': { en: () => 'again: the step before it', zh: () => '再次撤销：撤销再前一步' },
  'help.ex.resolve.reviewers': { en: () => 'reviewers, then the approver', zh: () => '先审核人，最后审批人' },
  'help.after.list': {
    en: (p) => `At most ${p.max} complaints are listed (a larger --limit is refused); for more, use\nexport (CSV, the same filters, any number of rows).`,
    zh: (p) => `最多列出 ${p.max} 条投诉（--limit 更大会被拒绝）；更多请用 export（CSV，筛选条件相同，条数不限）。`,
  },
  'help.after.export': { en: () => 'Without --status, every complaint is exported (closed ones too).', zh: () => '不加 --status 时导出全部投诉（含已关闭的）。' },
  'help.after.attach': { en: () => 'Files larger than attachment.max_bytes (default 20 MB) are refused.', zh: () => '大于 attachment.max_bytes（默认 20 MB）的文件会被拒绝。' },
  'help.after.doctor': { en: () => 'Exits 5 when something is wrong.', zh: () => '发现问题时退出码为 5。' },
  'help.after.migrate': { en: () => 'The office is given with the global --office <CODE> (or COMPLAINTS_OFFICE).', zh: () => '服务中心代码用全局选项 --office <CODE>（或 COMPLAINTS_OFFICE）指定。' },
  'help.after.calendarImport': {
    en: () => 'CSV: a header row, then one day per row:\n  date,kind,name\n  2026-10-09,holiday,台风停工\n  2026-10-11,workday,调休\n.ics: all-day events (DTSTART;VALUE=DATE, DTEND exclusive); SUMMARY is the name; an event\nwhose summary contains 班 or "workday" is a working day, any other a holiday.',
    zh: () => 'CSV：第一行为表头，其后每行一天：\n  date,kind,name\n  2026-10-09,holiday,台风停工\n  2026-10-11,workday,调休\n.ics：全天事件（DTSTART;VALUE=DATE，DTEND 不含当天）；SUMMARY 为名称；\n名称含“班”或 workday 的为上班日，其余为放假日。',
  },
  'help.after.resolve': {
    en: () => 'A second resolve (after a reopening) adds its cost as a further payment; nothing paid before is removed.',
    zh: () => '重新处理后再次 resolve，其费用作为新增赔付计入；此前的赔付不会删除。',
  },
  'help.completion': { en: () => 'print a shell completion script (bash, zsh or fish)', zh: () => '输出命令行补全脚本（bash、zsh 或 fish）' },
  'help.completionShell': { en: () => 'the shell', zh: () => '所用的 shell' },
  'usage.limit': { en: () => 'give a whole number: 0 for all, or 1 or more.', zh: () => '请填写整数：0 表示全部，或 1 及以上。' },
  'doctor.bytes': { en: (p) => `${p.n} bytes`, zh: (p) => `${p.n} 字节` },
  'doctor.calendarLine': {
    en: (p) => `${p.covered} (${p.version}), ${p.official} official days, ${p.overrides} overrides`,
    zh: (p) => `${p.covered}（${p.version}），${p.official} 个法定日，${p.overrides} 个自定义`,
  },
  'lang.bad': {
    en: (p) => `--lang takes zh or en, not "${p.value}". / --lang 只能是 zh 或 en，不能是“${p.value}”。`,
    zh: (p) => `--lang 只能是 zh 或 en，不能是“${p.value}”。 / --lang takes zh or en, not "${p.value}".`,
  },
  // ── screens that fit: list's due column and footer, the pager, sizes (SPEC §16) ──
  'list.dueToday': { en: (p) => `today ${p.time}`, zh: (p) => `今天 ${p.time}` },
  'list.dueTomorrow': { en: () => 'tomorrow', zh: () => '明天' },
  'list.dueInWorkdays': { en: (p) => `in ${p.n} working day${p.n === 1 ? '' : 's'}`, zh: (p) => `${p.n} 个工作日后` },
  'list.dueOn': { en: (p) => `${p.date}`, zh: (p) => `${p.date}` },
  'list.dueLate': { en: (p) => `${p.amount} late`, zh: (p) => `逾期 ${p.amount}` },
  'list.footer': { en: (p) => `${p.shown} of ${p.total}`, zh: (p) => `显示 ${p.shown} / 共 ${p.total} 条` },
  'list.footerMore': { en: (p) => `${p.shown} of more than ${p.total}`, zh: (p) => `显示 ${p.shown} / 共 ${p.total} 条以上` },
  'option.noPager': { en: () => 'never page long output (else $PAGER, or less -FRX, at a terminal)', zh: () => '不分页显示长输出（否则在终端上用 $PAGER 或 less -FRX）' },
};

export function label(lang: Lang, key: string): string {
  return LABELS[key]?.[lang] ?? key.slice(key.indexOf('.') + 1);
}

export function message(lang: Lang, key: string, params: Params = {}): string {
  const m = MESSAGES[key];
  return m ? m[lang](params) : `${key} ${JSON.stringify(params)}`;
}

export interface Translator {
  lang: Lang;
  /** A label for a key such as 'status.closed'. */
  l(key: string): string;
  /** A sentence, with parameters. */
  m(key: string, params?: Params): string;
}

export function translator(lang: Lang): Translator {
  return { lang, l: (k) => label(lang, k), m: (k, p) => message(lang, k, p) };
}

