import chineseDays from 'chinese-days'
import { describe, expect, it } from 'vitest'
import { addDays, dueDate, dueStatus, isWorkingDay, localDate, startOfLocalDay } from './deadline'

/** An instant at a given China (UTC+8) wall-clock time. */
const china = (dateTime: string) => `${dateTime}+08:00`

describe('localDate', () => {
  it('counts a registration at 23:30 China time (15:30Z) as that day', () => {
    expect(localDate('2026-01-30T15:30:00.000Z')).toBe('2026-01-30')
  })

  it('moves to the next day at midnight China time (16:00Z)', () => {
    expect(localDate('2026-01-30T16:00:00.000Z')).toBe('2026-01-31')
    expect(localDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01')
  })

  it('reads instants written with a China offset', () => {
    expect(localDate('2026-01-31T00:30:00+08:00')).toBe('2026-01-31')
  })

  it('refuses text that is not an instant', () => {
    expect(() => localDate('yesterday')).toThrow(RangeError)
  })
})

describe('dueDate in calendar days', () => {
  it('carries over a month end (30 January + 3 is 2 February)', () => {
    expect(dueDate(china('2026-01-30T09:00:00'), 3, 'calendar')).toBe('2026-02-02')
  })

  it('carries over a year end (30 December 2026 + 3 is 2 January 2027)', () => {
    expect(dueDate(china('2026-12-30T09:00:00'), 3, 'calendar')).toBe('2027-01-02')
  })

  it('counts 29 February in a leap year and skips it otherwise', () => {
    expect(dueDate(china('2028-02-27T09:00:00'), 3, 'calendar')).toBe('2028-03-01')
    expect(dueDate(china('2028-02-28T09:00:00'), 1, 'calendar')).toBe('2028-02-29')
    expect(dueDate(china('2026-02-27T09:00:00'), 3, 'calendar')).toBe('2026-03-02')
  })

  it('counts from the China date of registration, not the UTC date', () => {
    expect(dueDate('2026-01-30T15:30:00.000Z', 3, 'calendar')).toBe('2026-02-02')
    expect(dueDate('2026-01-30T16:30:00.000Z', 3, 'calendar')).toBe('2026-02-03')
  })

  it('counts weekends and holidays like any other day', () => {
    expect(dueDate(china('2026-09-30T09:00:00'), 3, 'calendar')).toBe('2026-10-03')
  })
})

describe('dueDate in working days', () => {
  it('skips an ordinary weekend', () => {
    // Thursday 12 March 2026 → Fri 13, Mon 16, Tue 17.
    expect(dueDate(china('2026-03-12T10:00:00'), 3, 'working')).toBe('2026-03-17')
    // Registered on Saturday 14 March → Mon 16, Tue 17, Wed 18.
    expect(dueDate(china('2026-03-14T10:00:00'), 3, 'working')).toBe('2026-03-18')
  })

  it('skips the 2026 National Day holiday and counts Saturday 10 October, a make-up working day', () => {
    // Wednesday 30 September → (1–7 October off) Thu 8, Fri 9, Sat 10.
    expect(dueDate(china('2026-09-30T10:00:00'), 3, 'working')).toBe('2026-10-10')
    expect(dueDate(china('2026-09-29T10:00:00'), 3, 'working')).toBe('2026-10-09')
  })

  it('counts Sunday 20 September 2026, the other National Day make-up day', () => {
    // Friday 18 September → (Sat 19 off) Sun 20, Mon 21, Tue 22.
    expect(dueDate(china('2026-09-18T10:00:00'), 3, 'working')).toBe('2026-09-22')
  })

  it('skips the 2026 Spring Festival holiday and counts its make-up Saturday', () => {
    // Thursday 12 February → Fri 13, Sat 14 (make-up), (15–23 off) Tue 24.
    expect(dueDate(china('2026-02-12T10:00:00'), 3, 'working')).toBe('2026-02-24')
  })

  it('starts counting after a registration made during a holiday', () => {
    expect(dueDate(china('2026-10-03T10:00:00'), 1, 'working')).toBe('2026-10-08')
  })

  it('uses the China date when a late-evening registration is a different UTC day', () => {
    // 23:30 on Friday 13 March China time is still Friday: Mon 16, Tue 17, Wed 18.
    expect(dueDate('2026-03-13T15:30:00.000Z', 3, 'working')).toBe('2026-03-18')
  })

  it('counts only Saturdays and Sundays as off in years with no published holiday notice', () => {
    // Thursday 1 October 2099: Fri 2, Mon 5, Tue 6.
    expect(dueDate(china('2099-10-01T10:00:00'), 3, 'working')).toBe('2099-10-06')
  })
})

describe('isWorkingDay', () => {
  it('has 1–7 October 2026 off and the make-up days 20 September and 10 October on', () => {
    for (let day = 1; day <= 7; day++) expect(isWorkingDay(`2026-10-0${day}`)).toBe(false)
    expect(isWorkingDay('2026-09-20')).toBe(true)
    expect(isWorkingDay('2026-10-10')).toBe(true)
    expect(isWorkingDay('2026-10-11')).toBe(false)
  })

  it('has 15–23 February 2026 off and the make-up Saturdays 14 and 28 February on', () => {
    for (let day = 15; day <= 23; day++) expect(isWorkingDay(`2026-02-${day}`)).toBe(false)
    expect(isWorkingDay('2026-02-14')).toBe(true)
    expect(isWorkingDay('2026-02-28')).toBe(true)
  })

  it('has ordinary weekdays on and ordinary weekends off', () => {
    expect(['2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16'].map(isWorkingDay)).toEqual([true, false, false, true])
  })
})

// chinese-days' own functions read dates in the computer's time zone and go wrong west of UTC,
// so what it says is checked only where it can be trusted (China, and UTC build machines).
const hostIsEastOfUtc = new Date(2026, 0, 1).getTimezoneOffset() <= 0

describe.skipIf(!hostIsEastOfUtc)('the holiday data chinese-days holds', () => {
  it('has 1–7 October 2026 off and 10 October 2026 as a National Day make-up working day', () => {
    for (let day = 1; day <= 7; day++) {
      expect(chineseDays.getDayDetail(`2026-10-0${day}`)).toEqual({ date: `2026-10-0${day}`, work: false, name: 'National Day,国庆节,3' })
    }
    expect(chineseDays.getDayDetail('2026-10-10')).toEqual({ date: '2026-10-10', work: true, name: 'National Day,国庆节,3' })
    expect(chineseDays.getDayDetail('2026-09-20')).toEqual({ date: '2026-09-20', work: true, name: 'National Day,国庆节,3' })
  })

  it('has 15–23 February 2026 off for Spring Festival and 14 and 28 February as make-up days', () => {
    expect(chineseDays.getHolidaysInRange('2026-02-14', '2026-02-28', false)).toEqual(
      Array.from({ length: 9 }, (_, i) => `2026-02-${15 + i}`),
    )
    expect(chineseDays.getDayDetail('2026-02-14')).toMatchObject({ work: true, name: 'Spring Festival,春节,4' })
    expect(chineseDays.getDayDetail('2026-02-28')).toMatchObject({ work: true, name: 'Spring Festival,春节,4' })
  })

  it('agrees with chinese-days isWorkday on every day from 2004 to 2027', () => {
    const disagreements: string[] = []
    for (let day = '2004-01-01'; day <= '2027-12-31'; day = addDays(day, 1)) {
      if (isWorkingDay(day) !== chineseDays.isWorkday(day)) disagreements.push(day)
    }
    expect(disagreements).toEqual([])
  })
})

describe('dueStatus', () => {
  it('calls a closed need closed, however late', () => {
    expect(dueStatus('2026-03-01', '2026-03-20', true)).toBe('closed')
  })

  it('calls an open need past its due date overdue', () => {
    expect(dueStatus('2026-03-01', '2026-03-02', false)).toBe('overdue')
  })

  it('calls an open need due today dueToday', () => {
    expect(dueStatus('2026-03-02', '2026-03-02', false)).toBe('dueToday')
  })

  it('calls an open need due tomorrow dueSoon, across a month end too', () => {
    expect(dueStatus('2026-03-03', '2026-03-02', false)).toBe('dueSoon')
    expect(dueStatus('2026-02-01', '2026-01-31', false)).toBe('dueSoon')
  })

  it('calls an open need due in two days or more onTrack', () => {
    expect(dueStatus('2026-03-04', '2026-03-02', false)).toBe('onTrack')
  })
})

describe('startOfLocalDay', () => {
  it('a China day begins at 16:00 UTC the day before', () => {
    expect(startOfLocalDay('2026-11-24')).toBe('2026-11-23T16:00:00.000Z')
    expect(startOfLocalDay('2027-01-01')).toBe('2026-12-31T16:00:00.000Z')
  })
})
