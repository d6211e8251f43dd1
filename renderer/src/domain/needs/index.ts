// 群众诉求台账: a walk-in need, its lifecycle, its number, the ledger query and repeat visits.
export * from './ledger'
export * from './need'
export * from './needLifecycle'
export * from './needNumber'
export * from './needView'
export * from './repeatVisits'
