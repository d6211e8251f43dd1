// Signed-in people for tests that call repositories directly: the permission table decides by their roles.
import type { SignedInPerson } from '../../renderer/src/data/command'

export const administrator: SignedInPerson = { id: 'person:test:ADMIN', name: '王芳', roles: ['admin'] }
export const technician: SignedInPerson = { id: 'person:test:TECH', name: '技术员', roles: ['technician'] }
export const deskClerk: SignedInPerson = { id: 'person:test:CLERK', name: '李明', roles: ['clerk'] }
