// In-page measurements for the benchmark. Each function is passed to page.evaluate, so it must be
// self-contained: Playwright sends its source text to the page and nothing from this module's scope
// goes with it. They time with performance.now() inside the page, so the round trip between Node and
// the browser (which has nothing to do with the app) is not counted.
//
// They return raw samples in milliseconds; run.mjs turns them into percentiles.

/**
 * Registers needs through the app's own command (window.tongxin.needs.register) and times each one from
 * the call until the need can be seen: its row is in the ledger store and, when `ui` is set (the ledger
 * page is open and renders data-need-id on its rows), the row is in the DOM and the frame that paints it
 * has started (its requestAnimationFrame callback ran; it is on screen at the end of that frame).
 *
 * @param {{ warmups: number, samples: number, ui: boolean, timeoutMs: number }} options
 */
export async function measureRegister({ warmups, samples, ui, timeoutMs }) {
  const { needs, ledger, stations, projector } = window.tongxin
  const station = await stations.current()
  if (!station) throw new Error('no station set up')

  const names = ['张三', '李四', '王五', '赵六', '陈晓明', '刘桂兰', '周顺', '欧阳娜']
  const items = ['elderly.daily-care', 'hardship.medical-aid', 'public.environment', 'children.living-relief']
  const form = (i) => ({
    residentName: names[i % names.length],
    phone: `1380000${String(1000 + i).slice(-4)}`,
    idCard: '',
    village: station.villages[i % station.villages.length],
    address: `${station.villages[i % station.villages.length]}3组${i + 1}号`,
    categoryItem: items[i % items.length],
    channel: 'window',
    urgency: 'normal',
    description: `基准测试登记 #${i}：独居老人需要上门送餐`,
  })

  const withTimeout = (promise, what) =>
    Promise.race([
      promise,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs)),
    ])

  // Resolves, with the time, once ledger.get(id) finds the row. Checked right after register() resolves and
  // then on every store notification; the projector applies a write at the earliest one macrotask after
  // PouchDB reports it, so no notification can slip between the check and the subscription. The time is
  // taken in the notification itself: React's own listener has scheduled its render by then, and that
  // render runs before anything awaiting this promise does.
  const inStore = (id) =>
    new Promise((resolve) => {
      if (ledger.get(id)) return resolve(performance.now())
      const unsubscribe = ledger.subscribe(() => {
        if (ledger.get(id)) {
          const at = performance.now()
          unsubscribe()
          resolve(at)
        }
      })
    })

  // Resolves in the first animation frame in which the row is in the DOM. A MutationObserver sees React's
  // commit as soon as it happens; the next requestAnimationFrame callback marks the frame that paints it.
  const onScreen = (id) =>
    new Promise((resolve) => {
      const selector = `[data-need-id="${CSS.escape(id)}"]`
      const painted = () => requestAnimationFrame(() => resolve())
      if (document.querySelector(selector)) return painted()
      const observer = new MutationObserver(() => {
        if (document.querySelector(selector)) {
          observer.disconnect()
          painted()
        }
      })
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-need-id'] })
    })

  const times = []
  // Also the store-level time of each UI-level sample, to tell the data path from React's share.
  const storeTimes = []
  for (let i = 0; i < warmups + samples; i++) {
    // Start each sample with the app at rest: the previous write projected and rendered.
    await projector.idle()
    await new Promise((resolve) => setTimeout(resolve, 100))

    const started = performance.now()
    const result = await needs.register(form(i), { station, by: station.staff[0], at: new Date().toISOString() })
    if (!result.ok) throw new Error(`register refused the form: ${JSON.stringify(result)}`)
    const id = result.value._id
    const stored = await withTimeout(inStore(id), `${id} in the ledger store`)
    if (ui) await withTimeout(onScreen(id), `${id} on the ledger page`)
    if (i >= warmups) {
      times.push(performance.now() - started)
      storeTimes.push(stored - started)
    }
  }
  return { times, storeTimes }
}

/**
 * Runs each ledger query `rounds` times through the ledger store (window.tongxin.ledger.query), after one
 * untimed round so the JIT has seen every code path. Queries interleave, so no one query gets the caches
 * to itself.
 *
 * @param {{ queries: { name: string, filter: object }[], today: string, rounds: number }} options
 */
export function measureLedgerQueries({ queries, today, rounds }) {
  const { ledger } = window.tongxin
  const sort = { field: 'registeredAt', order: 'desc' }
  const hits = {}
  for (const q of queries) hits[q.name] = ledger.query(q.filter, sort, today).length
  const times = []
  const byQuery = Object.fromEntries(queries.map((q) => [q.name, []]))
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const started = performance.now()
      ledger.query(q.filter, sort, today)
      const ms = performance.now() - started
      times.push(ms)
      byQuery[q.name].push(ms)
    }
  }
  return { times, byQuery, hits, rows: ledger.all().length }
}

/**
 * The baseline the ledger store exists to beat: read every document from PouchDB (one allDocs with
 * include_docs, as a screen without a read model would have to) and filter the raw documents.
 * Sample i answers queries[i % queries.length].
 *
 * The naive filter is deliberately cheap, which makes the ratio against the ledger conservative: the status
 * is folded from the need's events without sorting them, and text is matched as plain substrings of name,
 * phone, number and description (no pinyin, which would cost far more per document than the scan).
 *
 * @param {{ queries: { name: string, filter: object }[], today: string, samples: number }} options
 */
export async function measureAllDocsScan({ queries, today, samples }) {
  const { db } = window.tongxin
  const CHINA = 8 * 3600_000
  const localDate = (iso) => new Date(Date.parse(iso) + CHINA).toISOString().slice(0, 10)
  const stopped = ['resolved', 'closed', 'referred', 'declined']

  const naiveQuery = (docs, filter) => {
    const statusOf = new Map()
    for (const doc of docs) {
      if (doc.type !== 'needEvent') continue
      const status =
        doc.kind === 'assign' ? 'inProgress'
        : doc.kind === 'resolve' ? 'resolved'
        : doc.kind === 'followUp' ? (doc.satisfaction === 'dissatisfied' ? 'inProgress' : 'closed')
        : doc.kind === 'refer' ? 'referred'
        : 'declined'
      const previous = statusOf.get(doc.needId)
      if (!previous || previous.at <= doc.at) statusOf.set(doc.needId, { at: doc.at, status })
    }
    const text = filter.text?.trim().toLowerCase() ?? ''
    return docs.filter((doc) => {
      if (doc.type !== 'need') return false
      const status = statusOf.get(doc._id)?.status ?? 'pending'
      if (filter.statuses?.length && !filter.statuses.includes(status)) return false
      if (filter.category && doc.categoryItem !== filter.category && !doc.categoryItem.startsWith(`${filter.category}.`)) return false
      if (filter.village && doc.village !== filter.village) return false
      const day = localDate(doc.registeredAt)
      if (filter.from && day < filter.from) return false
      if (filter.to && day > filter.to) return false
      if (filter.overdueOnly && (stopped.includes(status) || doc.dueDate >= today)) return false
      if (text) {
        const phone = doc.resident.phone.replace(/\D/g, '')
        if (!doc.resident.name.includes(text) && !phone.includes(text) && !doc.number.includes(text) && !doc.description.includes(text)) return false
      }
      return true
    })
  }

  const times = []
  const hits = {}
  let docs = 0
  for (let i = 0; i < samples; i++) {
    const q = queries[i % queries.length]
    const started = performance.now()
    const page = await db.allDocs({ include_docs: true })
    const found = naiveQuery(
      page.rows.map((row) => row.doc),
      q.filter,
    )
    times.push(performance.now() - started)
    hits[q.name] = found.length
    docs = page.rows.length
  }
  return { times, hits, docs }
}

/**
 * Types queries into the ledger page's search box and times each until the page shows the right count.
 * The value is set the way a keystroke sets it (the native setter, then an input event, which React
 * listens to). The right count is what the ledger store answers for the same text (the page has no other
 * filter set); the count element's first number is read every animation frame until it says so, since
 * the text changes twice: at once to "符合条件 … 条" and again when the deferred filtering lands.
 *
 * @param {{ input: HTMLInputElement, countSelector: string, queries: string[], rounds: number, today: string, timeoutMs: number }} options
 */
export async function measureSearchUi({ input, countSelector, queries, rounds, today, timeoutMs }) {
  const { ledger } = window.tongxin
  const sort = { field: 'registeredAt', order: 'desc' }
  // Looked up each time: React may replace the element.
  const countText = () => document.querySelector(countSelector)?.textContent ?? ''
  const shown = () => Number(/\d[\d,]*/.exec(countText())?.[0].replaceAll(',', '') ?? NaN)
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
  const type = (text) => {
    setValue.call(input, text)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()))
  const until = async (expected, what) => {
    const started = performance.now()
    while (shown() !== expected) {
      if (performance.now() - started > timeoutMs) throw new Error(`${what}: the page shows "${countText()}", expected ${expected}`)
      await frame()
    }
  }

  const total = ledger.all().length
  const expected = Object.fromEntries(queries.map((q) => [q, ledger.query({ text: q }, sort, today).length]))
  const times = []
  // Round 0 warms up. Each query starts from an empty box, and after a pause longer than the page's
  // 150 ms address update, so one query's leftovers do not land in the next one's time.
  for (let r = 0; r <= rounds; r++) {
    for (const q of queries) {
      type('')
      await until(total, 'clearing the search')
      await new Promise((resolve) => setTimeout(resolve, 300))
      const started = performance.now()
      type(q)
      await until(expected[q], `typing "${q}"`)
      if (r > 0) times.push(performance.now() - started)
    }
  }
  type('')
  return { times, counts: expected }
}

/** Throws the read model away and rebuilds it from PouchDB, through the app's own services. */
export async function measureRebuild() {
  const started = performance.now()
  const docs = await window.tongxin.rebuildReadModel()
  const ms = performance.now() - started
  return { docs, ms, ledgerRows: window.tongxin.ledger.all().length }
}
