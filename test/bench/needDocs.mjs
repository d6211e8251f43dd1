// Exactly `count` need and needEvent documents of one station, made by seed.mjs's generator (the same
// residents, numbers and timelines as the ledger bench seeds), but collected instead of written: the sync
// bench writes them where it wants (a station's PouchDB in the page, the central server from Node).
// Runs in the page (bundled into syncPage.ts) and in Node alike.
import { seedNeeds } from './seed.mjs'

/**
 * @param {{ count: number, stationId: string, villages: string[], staff: string[],
 *           items: { code: string, label: string }[], seed?: number, days?: number }} options
 * @returns {Promise<object[]>} oldest first; every needEvent follows its need
 */
export async function needDocs({ count, stationId, villages, staff, items, seed = 20240601, days = 730 }) {
  const docs = []
  let needs = 0
  // seedNeeds writes to window.tongxin.db and then waits for window.tongxin.ledger to hold the needs:
  // a stand-in collects the documents and counts the needs.
  const g = /** @type {any} */ (globalThis)
  const hadWindow = 'window' in g
  if (!hadWindow) g.window = {}
  const saved = g.window.tongxin
  g.window.tongxin = {
    db: {
      bulkDocs: async (batch) => {
        for (const doc of batch) {
          docs.push(doc)
          if (doc.type === 'need') needs++
        }
        return batch.map((doc) => ({ ok: true, id: doc._id, rev: '1-x' }))
      },
    },
    ledger: { all: () => ({ length: needs }) },
    projector: { idle: async () => undefined },
  }
  try {
    // About 2.2 documents a need (half the needs have a timeline of up to three steps): enough needs
    // that the first `count` documents are all there is to take.
    await seedNeeds({ count: Math.ceil(count / 1.8) + 10, chunkSize: 5000, seed, days, stationId, villages, staff, items })
  } finally {
    if (hadWindow) g.window.tongxin = saved
    else delete g.window
  }
  if (docs.length < count) throw new Error(`needDocs: made ${docs.length} documents, ${count} wanted`)
  return docs.slice(0, count)
}
