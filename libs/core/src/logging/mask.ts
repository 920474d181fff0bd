/** Resident ID numbers never reach the logs: `110101199003076632` -> `1101**********6632`. */
export function maskIdNumbersInText(text: string): string {
  return text.replace(/(^|[^0-9])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9])/g, '$1$2**********$3');
}
