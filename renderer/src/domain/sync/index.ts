// Sync with central, as rules: settings, status, batch progress, merging conflicting edits.
export * from './batchProgress'
export * from './conflictMerge'
export * from './syncSettings'
export * from './syncStatus'
