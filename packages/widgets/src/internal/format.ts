/** A clock time in Europe/Berlin, 24-hour: "14:05". */
export function formatTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}
