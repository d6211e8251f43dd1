// 工作人员与权限: the people at a station's desks, their roles and what each may do, PIN rules and desk
// lockout, and the audit trail.
export * from './audit'
export * from './person'
export * from './pin'
export * from './roles'
