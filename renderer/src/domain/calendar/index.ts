// Dates and working days: local dates and times at the desk, due dates counted in working days (holidays and 调休).
export * from './deadline'
export * from './localTime'
