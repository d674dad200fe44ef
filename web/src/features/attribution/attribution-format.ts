/** Numbers of attribution and the bridge: credited amounts are fractions of deals and of cents, shown whole. */

/** Money in whole currency units, e.g. (48993939, 'EUR') → "€489,939"; never NaN. */
export function formatWholeMoney(minor: number, currency: string): string {
  const value = Number.isFinite(minor) ? minor : 0;
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
    const digits = new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(value / 10 ** digits);
  } catch {
    return `${Math.round(value / 100)} ${currency}`;
  }
}

/** A change with its sign, "+€1,200" or "−€300"; zero has none. */
export function formatSignedMoney(minor: number, currency: string): string {
  const whole = formatWholeMoney(Math.abs(minor), currency);
  const rounded = formatWholeMoney(0, currency);
  if (whole === rounded) return whole;
  return `${minor < 0 ? '−' : '+'}${whole}`;
}

/** A credited number of conversions: models split deals, so one decimal ("5.7"); whole numbers stay whole. */
export function formatConversions(count: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(Number.isFinite(count) ? count : 0);
}
