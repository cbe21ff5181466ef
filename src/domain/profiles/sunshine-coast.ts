// 000 陽光海岸投訴處理規程. It gives one time limit and one line of reporting up:
// - 4.4 "責任部門負責人根據完成情況在5個工作日以內…回訪" → call-back 5wd at
//   every severity (the default gives important and major 7wd and 2wd);
// - 4.5 "重大投訴應向物業服務中心主任匯報" → major: the director, with no time
//   given, so the default times stand (phone 1h, written 24h).
// 4.6 "對各物業服務中心不能處理的…應及時上報…由公司總經理…作出處理決定" is
// not a rule here: it applies to the cases the centre cannot handle, not to
// every complaint of a severity, and names no time; the desk reports those
// with `complaints report-up --to general_manager` when it happens.
import { everySeverity, type Profile } from './profile.js';

export const SUNSHINE_COAST: Profile = {
  name: 'sunshine-coast',
  title: { zh: '阳光海岸投诉处理规程', en: 'Sunshine Coast complaint procedure' },
  seed: '000',
  settings: {
    ...everySeverity('follow_up', '5wd'),
    'report_up.major': 'director/phone/1h,director/written/24h',
  },
};
