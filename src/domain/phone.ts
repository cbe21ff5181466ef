// Phone numbers (SPEC §3): a mainland mobile, or a landline with its area
// code, optionally with +86 / 0086. Stored normalised: 13800138000, 010-12345678.

const MOBILE = /^1[3-9]\d{9}$/;
// Beijing, Shanghai, Tianjin, Chongqing and the 02x cities have 3-digit codes
// (010, 021, 022, 023, 020, 024–029); all others have 4 (0571, 0755 …).
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/;

export function normalizePhone(text: string): string | null {
  let s = text.trim().replace(/[\s\-()（）]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  if (MOBILE.test(s)) return s;
  // After +86 a landline drops its trunk 0: +86 10 1234 5678.
  if (/^[1-9]/.test(s) && !MOBILE.test(s) && text.trim().match(/^(\+86|0086)/)) s = '0' + s;
  const m = LANDLINE.exec(s);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** 138****5678 for exports shown outside the office. */
export function maskPhone(phone: string): string {
  if (MOBILE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length > 4 ? phone.slice(0, -4).replace(/\d/g, '*') + phone.slice(-4) : phone;
}
