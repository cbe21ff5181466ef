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
  'word.yes': { en: 'yes', zh: '是' },
  'word.no': { en: 'no', zh: '否' },
  'word.none': { en: '—', zh: '—' },
  'word.active': { en: 'active', zh: '启用' },
  'word.disabled': { en: 'disabled', zh: '停用' },
};

const MESSAGES: Record<string, { en: (p: Params) => string; zh: (p: Params) => string }> = {
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
  'config.unknownKey': {
    en: (p) => `no setting "${p.key}". See \`complaints config list\` for the keys.`,
    zh: (p) => `没有设置项“${p.key}”。请用 \`complaints config list\` 查看。`,
  },
  'config.badValue': {
    en: (p) => `"${p.value}" is not a valid value for ${p.key} (${p.hint}).`,
    zh: (p) => `“${p.value}”不是 ${p.key} 的有效值（${p.hint}）。`,
  },
  'db.busy': {
    en: (p) => `the database ${p.file} is busy (another process holds it too long). Try again in a moment.`,
    zh: (p) => `数据库 ${p.file} 正忙（其他进程占用过久）。请稍后重试。`,
  },
  'db.newer': {
    en: (p) => `the database ${p.file} was made by a newer version of complaints (schema ${p.version}; this program knows up to ${p.supported}). Upgrade complaints to use it.`,
    zh: (p) => `数据库 ${p.file} 由更新版本的 complaints 创建（结构版本 ${p.version}，本程序最高支持 ${p.supported}）。请升级 complaints。`,
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
  'due.provisional': { en: () => '(provisional: Monday–Friday)', zh: () => '（暂按周一至周五计算）' },
  'amount.workdays': { en: (p) => `${p.n} working day${p.n === 1 ? '' : 's'}`, zh: (p) => `${p.n} 个工作日` },
  'amount.hours': { en: (p) => `${p.n} h`, zh: (p) => `${p.n} 小时` },
  // overdue and sweep
  'overdue.none': { en: (p) => `Nothing overdue on ${p.date}.`, zh: (p) => `${p.date} 没有超期投诉。` },
  'overdue.title': { en: (p) => `Overdue on ${p.date}: ${p.count}`, zh: (p) => `${p.date} 超期投诉：${p.count} 条` },
  'overdue.unassigned': { en: () => '(not assigned)', zh: () => '（未派单）' },
  'overdue.staleTitle': {
    en: (p) => `No contact or note for 7 days: ${p.count}`,
    zh: (p) => `超过 7 天未联系或无进展：${p.count} 条`,
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
  'prompt.save': { en: () => 'Save this complaint?', zh: () => '保存这条投诉？' },
  'prompt.dept': { en: () => 'Department', zh: () => '责任部门' },
  'prompt.resolution': { en: () => 'What was done?', zh: () => '处理结果' },
  'prompt.satisfaction': { en: () => 'Satisfaction', zh: () => '满意度' },
  'prompt.reason': { en: () => 'Reason', zh: () => '原因' },
  'prompt.required': { en: () => 'Required.', zh: () => '必填。' },
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

export function hasMessage(key: string): boolean {
  return key in MESSAGES;
}
