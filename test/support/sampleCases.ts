import type { CaseFormInput } from '../../renderer/src/domain/mediation'

// A mediation case for tests: 张三 and his wife against their neighbour 李四 over a yard wall.

/** Two applicants against one respondent; `fields` changes what a test needs changed. */
export const wallDispute = (fields: Partial<CaseFormInput> = {}): CaseFormInput => ({
  source: 'walkIn',
  disputeType: 'neighbour',
  applicants: [
    { name: '张三', phone: '13800138000', idCard: '', address: '星河村一组' },
    { name: '张三妻', phone: '', idCard: '', address: '星河村一组' },
  ],
  respondents: [{ name: '李四', phone: '', idCard: '', address: '星河村二组' }],
  summary: '院墙占用通道',
  amount: null,
  highRisk: false,
  ...fields,
})
