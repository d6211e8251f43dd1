// 诉求编号: YYYYMMDD-NNN, counted per station and day. For people only; ids are the keys.

export function formatNeedNumber(localDate: string, sequence: number): string {
  return `${localDate.replaceAll('-', '')}-${String(sequence).padStart(3, '0')}`
}

export const needNumberPrefix = (localDate: string) => `${localDate.replaceAll('-', '')}-`

/** The number after the highest one already given out that day (null: none yet). */
export function nextNeedNumber(localDate: string, highestToday: string | null): string {
  const last = highestToday ? Number(highestToday.split('-')[1]) : 0
  return formatNeedNumber(localDate, (Number.isFinite(last) ? last : 0) + 1)
}
