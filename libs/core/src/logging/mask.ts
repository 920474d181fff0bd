/**
 * Personal data never reaches the logs: resident ID numbers
 * (`110101199003076632` -> `1101**********6632`, and the first-generation 15-digit
 * ones a worker may still type: `110101900307663` -> `1101*******7663`) and mainland mobile numbers
 * (`13800001234` -> `138****1234`) inside any text are masked; so is the secret of a
 * calendar-feed URL (`/calendar/<token>.ics` -> `/calendar/***.ics`), which is a credential.
 */
export function maskSensitiveText(text: string): string {
  return text
    .replace(/(\/calendar\/)[^/?#\s.]+/g, '$1***')
    .replace(/(^|[^0-9])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9])/g, '$1$2**********$3')
    .replace(/(^|[^0-9])(\d{4})\d{7}(\d{4})(?![0-9])/g, '$1$2*******$3')
    .replace(/(^|[^0-9])(1[3-9]\d)\d{4}(\d{4})(?![0-9])/g, '$1$2****$3');
}
