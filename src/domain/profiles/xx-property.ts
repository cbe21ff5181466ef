// 001#12 xx物業管理服務有限公司 客戶投訴處理規定.
import { everySeverity, type Profile } from './profile.js';

export const XX_PROPERTY: Profile = {
  name: 'xx-property',
  title: { zh: 'xx物业客户投诉处理规定', en: 'xx Property complaint rules' },
  seed: '001#12',
  settings: {
    // 6 "屬緊急搶險搶修、重要重大…接報人或前臺人員須於3分鐘內知會相關部門"; a
    // general one: 1 "將相關信息及時反饋客戶中心前臺(一般情況下在24小時內反饋)".
    'step.desk_notice.define': 'receipt,告知客服中心,desk informed',
    'deadline.general.desk_notice': '24h',
    'deadline.important.desk_notice': '3m',
    'deadline.major.desk_notice': '3m',
    // 2 "並於12小時內向相關部門傳遞".
    ...everySeverity('dispatch', '12h'),
    // 4 "須在接到調度後的2個小時內向客戶中心前臺作出回應".
    'step.dept_ack.define': 'assignment,部门回应,department acknowledges',
    ...everySeverity('dept_ack', '2h'),
    // 5 "相關部門將問題處理妥善后,須於2小時內反饋客戶中心" (8: 2小時內反饋首問責任人).
    ...everySeverity('feedback', '2h'),
    // 5 "回訪時效在2個工作日內執行"; 7 "完成後的2個工作日內回訪客戶".
    ...everySeverity('follow_up', '2wd'),
    // 6 "須於接報後的5分鐘內上報物業公司主管領導,並於24小時內提交相關書面報告".
    'report_up.major': 'director/phone/5m,director/written/24h',
    // 7 "須於接報後的10分鐘內電話上報董事領導決策處理(並在48小時內提交書面報告)".
    'report_up.critical': 'group/phone/10m,group/written/48h',
  },
};
