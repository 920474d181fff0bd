/** `110101199001011234` -> `1101**********1234`. */
export function maskIdNumber(id: string): string {
  return id.length < 8
    ? '*'.repeat(id.length)
    : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** `13800001234` -> `138****1234`; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = normalisePhone(phone);
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** A phone number as compared and indexed: digits only, a leading +86 / 0086 dropped. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}
