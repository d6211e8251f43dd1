// Types of seed.mjs for the TypeScript that imports it (syncPage.ts).

export interface SeedOptions {
  count: number
  chunkSize: number
  seed: number
  days: number
  stationId: string
  villages: string[]
  staff: string[]
  items: { code: string; label: string }[]
}

export interface SeedStats {
  needs: number
  events: number
  docs: number
  writtenMs: number
  projectedMs: number
  ledgerRows: number
}

/** Writes needs into window.tongxin.db and waits until window.tongxin.ledger holds them (see seed.mjs). */
export function seedNeeds(options: SeedOptions): Promise<SeedStats>
