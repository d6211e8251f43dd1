// 矛盾纠纷调处: mediation cases, their lifecycle, sessions, agreements and the mediation teams.
export * from './mediationAgreement'
export * from './mediationCase'
export * from './mediationLifecycle'
export * from './mediationTeams'
