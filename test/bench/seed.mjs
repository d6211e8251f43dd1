// In-page seeding for the benchmark. Passed to page.evaluate, so the function must be self-contained:
// Playwright sends its source text to the page, and nothing from this module's scope goes with it.
//
// It writes realistic documents straight into PouchDB (window.tongxin.db) in the same shapes the app's
// commands write (NeedDoc in domain/needs/need.ts, NeedEventDoc in domain/needs/needLifecycle.ts, recordBase in
// domain/records/records.ts), then lets the app's own projector build the read model and the ledger store from
// them, exactly as it would for a sync or an import. Going through needs.register() instead would take
// an hour for 100,000 needs and would measure validation, not the ledger.

/**
 * @param {{
 *   count: number,           // how many needs
 *   chunkSize: number,       // documents per bulkDocs call
 *   seed: number,            // PRNG seed: every run writes the same residents, numbers and timelines
 *   days: number,            // registrations spread over this many days, ending yesterday
 *   stationId: string,
 *   villages: string[],
 *   staff: string[],
 *   items: { code: string, label: string }[],  // category items, from resources/categories/wuwei.json
 * }} options
 */
export async function seedNeeds(options) {
  const { count, chunkSize, seed, days, stationId, villages, staff, items } = options
  const { db, ledger } = window.tongxin
  const progress = (message) => window.benchProgress?.(message)

  // mulberry32: small, fast and seedable (Math.random is none of these).
  let state = seed >>> 0
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const digits = (n) => {
    let s = ''
    for (let i = 0; i < n; i++) s += Math.floor(rand() * 10)
    return s
  }

  // Surnames weighted roughly by how common they are, so "王" or "张" finds thousands of rows, as in a real
  // county, and pinyin initials such as "zs" collide a lot (张三, 赵四, 周顺…).
  const surnames = [
    ...'王王王王李李李李张张张张刘刘刘陈陈陈杨杨黄黄赵赵吴吴周周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
    '欧阳', '诸葛', '司马', '上官',
  ]
  const givenChars = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文军海燕玉兰凤英红梅德明春花金凤淑珍玉珍秀珍桂兰国强建平丽娟永红顺四三福寿全胜利']
  const name = () => pick(surnames) + pick(givenChars) + (rand() < 0.7 ? pick(givenChars) : '')

  // Stored forms, as checkPhone() normalises them: mobiles as 11 digits, landlines as 0571-87654321.
  const mobilePrefixes = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '166', '177', '180', '186', '188', '189', '199']
  const phone = () => (rand() < 0.85 ? pick(mobilePrefixes) + digits(8) : `0571-8${digits(7)}`)

  // A valid 18-digit ID number (GB 11643 check character), for the quarter of residents who give one.
  const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const idCard = () => {
    const birth = new Date(Date.UTC(1935 + Math.floor(rand() * 70), 0, 1) + Math.floor(rand() * 365) * 864e5)
    const first17 = `330106${birth.toISOString().slice(0, 10).replaceAll('-', '')}${digits(3)}`
    let sum = 0
    for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i]
    return first17 + '10X98765432'[sum % 11]
  }

  const asks = ['需要上门协助', '希望尽快协调解决', '咨询相关政策', '申请帮扶', '反映困难，请求帮助', '希望社区跟进', '家中老人行动不便', '希望安排志愿者']
  const channels = ['window', 'window', 'window', 'phone', 'phone', 'gridVisit', 'dutySecretary', 'microWish']
  const cadres = ['张建国', '李红梅', '王志强', '陈丽娟', '刘德明', '赵春花']
  const departments = ['区民政局', '区卫健局', '区人社局', '街道综治中心']

  // Sortable ids the way the app's ulid() makes them: 10 characters of milliseconds, 16 of randomness.
  const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  const ulid = (ms) => {
    let time = ''
    for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) time = B32[t % 32] + time
    let random = ''
    for (let i = 0; i < 16; i++) random += B32[Math.floor(rand() * 32)]
    return time + random
  }

  // Dates are China's (UTC+8), as in domain/calendar/deadline.ts.
  const CHINA = 8 * 3600_000
  const localDate = (ms) => new Date(ms + CHINA).toISOString().slice(0, 10)
  const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10)

  const now = Date.now()
  const today = localDate(now)
  const firstDay = addDays(today, -days)

  // How many needs each day gets: weekdays are busy, weekends quiet. Cumulative rounding gives exactly `count`.
  const weights = []
  for (let d = 0; d < days; d++) {
    const weekday = new Date(`${addDays(firstDay, d)}T00:00:00Z`).getUTCDay()
    weights.push(weekday === 0 ? 0.2 : weekday === 6 ? 0.4 : 1)
  }
  const totalWeight = weights.reduce((a, b) => a + b, 0)

  const base = (type, id, by, at) => ({
    _id: id,
    type,
    schemaVersion: 1,
    stationId,
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
  })
  const iso = (ms) => new Date(ms).toISOString()

  /** A need's timeline: for about half of them, assigned, then often resolved, then often followed up. */
  const timeline = (need, registeredMs) => {
    if (rand() >= 0.5) return []
    const events = []
    const event = (ms, by, body) => {
      const at = iso(ms)
      const id = `needEvent:${need._id.slice('need:'.length)}:${ulid(ms)}`
      events.push({ ...base('needEvent', id, by, at), type: 'needEvent', needId: need._id, at, by, ...body })
    }
    const clerk = pick(staff)
    let t = registeredMs + (0.5 + rand() * 20) * 3600_000
    if (t > now) return events
    const handler = rand() < 0.7 ? { kind: 'cadre', name: pick(cadres) } : { kind: 'department', name: pick(departments) }
    event(t, clerk, { kind: 'assign', handler, note: '' })
    if (rand() < 0.2) return events // still in progress
    t += (0.5 + rand() * 3) * 864e5
    if (t > now) return events
    event(t, clerk, { kind: 'resolve', note: '已上门办理，问题已解决' })
    if (rand() < 0.3) return events // resolved, awaiting the follow-up call
    t += (1 + rand() * 5) * 864e5
    if (t > now) return events
    // 不满意 sends it back to the handler (inProgress); most residents are satisfied (closed).
    const satisfaction = rand() < 0.9 ? 'satisfied' : rand() < 0.5 ? 'basicallySatisfied' : 'dissatisfied'
    event(t, clerk, { kind: 'followUp', satisfaction, note: '' })
    return events
  }

  const started = performance.now()
  let written = 0
  let needsWritten = 0
  let eventsWritten = 0
  let buffer = []
  // One chunk at a time: IndexedDB applies overlapping write transactions one after another anyway, and
  // keeping two in flight measured no faster here.
  const flush = async () => {
    if (buffer.length === 0) return
    const results = await db.bulkDocs(buffer)
    const failed = results.filter((r) => r.error)
    if (failed.length) throw new Error(`bulkDocs: ${failed.length} failed, e.g. ${JSON.stringify(failed[0])}`)
    written += buffer.length
    buffer = []
    progress(`seed: ${needsWritten}/${count} needs, ${written} docs written (${((performance.now() - started) / 1000).toFixed(1)} s)`)
  }

  // Oldest first, the order a station would have registered them in.
  let made = 0
  let weightSoFar = 0
  for (let d = 0; d < days; d++) {
    weightSoFar += weights[d]
    const quota = (d === days - 1 ? count : Math.round((count * weightSoFar) / totalWeight)) - made
    const date = addDays(firstDay, d)
    // Desk hours 08:30–17:30 China time; sorted so numbers count up through the day.
    const open = Date.parse(`${date}T00:30:00Z`)
    const times = Array.from({ length: quota }, () => open + Math.floor(rand() * 9 * 3600_000)).sort((a, b) => a - b)
    for (const [i, ms] of times.entries()) {
      const at = iso(ms)
      const item = pick(items)
      const village = pick(villages)
      const resident = { name: name(), phone: phone(), ...(rand() < 0.25 ? { idCard: idCard() } : {}) }
      const need = {
        ...base('need', `need:${stationId}:${ulid(ms)}`, pick(staff), at),
        type: 'need',
        number: `${date.replaceAll('-', '')}-${String(i + 1).padStart(3, '0')}`,
        registeredAt: at,
        resident,
        village,
        address: `${village}${1 + Math.floor(rand() * 12)}组${1 + Math.floor(rand() * 80)}号`,
        categoryItem: item.code,
        channel: pick(channels),
        urgency: rand() < 0.85 ? 'normal' : rand() < 0.8 ? 'urgent' : 'critical',
        description: `${item.label}：${pick(asks)}`,
        // The station's deadline: 3 calendar days.
        dueDate: addDays(date, 3),
      }
      const events = timeline(need, ms)
      buffer.push(need, ...events)
      needsWritten++
      eventsWritten += events.length
      if (buffer.length >= chunkSize) await flush()
    }
    made += quota
  }
  await flush()
  const writtenMs = performance.now() - started

  // The projector follows the changes feed live; wait until the ledger store holds every need.
  progress(`seed: waiting for the projector (ledger has ${ledger.all().length} rows)`)
  for (;;) {
    await window.tongxin.projector.idle()
    if (ledger.all().length >= count) break
    if (performance.now() - started > 15 * 60_000) throw new Error(`ledger has ${ledger.all().length} of ${count} rows after 15 minutes`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    needs: needsWritten,
    events: eventsWritten,
    docs: written,
    writtenMs,
    projectedMs: performance.now() - started,
    ledgerRows: ledger.all().length,
  }
}
