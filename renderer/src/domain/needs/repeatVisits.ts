import { checkIdCard, maskIdCard, checkPhone } from '../personal'
import { openNeedsOf, type LedgerRow } from './ledger'

// 重复来访: while the clerk types a phone or ID number, the resident's needs still open.
// Only a complete, valid number is looked up: a half-typed ID's "mask" (first 6 + last 4 of what is
// there so far) would match strangers, and a half-typed phone matches nobody anyway.

/** What openNeedsOf should look for, from the phone and ID as typed so far. */
export function repeatVisitQuery(phone: string, idCard: string, today: string): { phone?: string; idCardMasked?: string } {
  const query: { phone?: string; idCardMasked?: string } = {}
  const checkedPhone = checkPhone(phone)
  // The stored form, so "+86 138 0013 8000" finds rows saved as 13800138000.
  if (checkedPhone.ok) query.phone = checkedPhone.value
  const checkedId = idCard.trim() ? checkIdCard(idCard, today) : null
  if (checkedId?.ok) query.idCardMasked = maskIdCard(checkedId.value)
  return query
}

/** The resident's open needs (newest first, as the rows are), or none until a number is complete. */
export function repeatVisits(rows: readonly LedgerRow[], phone: string, idCard: string, today: string): LedgerRow[] {
  const query = repeatVisitQuery(phone, idCard, today)
  if (!query.phone && !query.idCardMasked) return []
  return openNeedsOf(rows, query)
}
