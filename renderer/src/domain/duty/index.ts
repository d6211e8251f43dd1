// 书记轮值: the roster of village secretaries, rota planning and changes, the duty desk (check-ins, shift log).
export * from './dutyCalendar'
export * from './dutyDesk'
export * from './dutyPlan'
export * from './dutyRoster'
export * from './dutyRota'
