// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it, vi } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { clock } from '../../ui/clock'
import type { CaseFile } from '../../data/mediationRepository'
import type { Services } from '../../app/startServices'
import { idCardCheckChar, maskIdCard } from '../../domain/personal'
import { agreementContent, type CaseFormInput, type CaseStepInput } from '../../domain/mediation'
import type { StationDoc } from '../../domain/station'
import { createI18n } from '../../i18n'
import { AgreementButton } from './AgreementButton'
import { AgreementSheet, chineseDate, chineseNumber } from './AgreementSheet'
import { FollowUpsDue, followUpRows } from './FollowUpsDue'
import { MediationFigures } from './MediationFigures'
import { china } from '../../../../test/support/chinaTime'
import { administrator } from '../../../../test/support/people'

// The printed 人民调解协议书, the follow-up due list and the figures, on cases made through the real
// services (PouchDB in memory): the sheet names every party, term and signer; the due list puts overdue
// visits first and masks names; the figures count what was stored.

let services: Services | undefined
const screens = screenTests()

const ID17 = '33010219800101123'
const FULL_ID = ID17 + idCardCheckChar(ID17)

const form = (over: Partial<CaseFormInput> = {}): CaseFormInput => ({
  source: 'walkIn',
  disputeType: 'neighbour',
  applicants: [
    { name: '张建国', phone: '13800138000', idCard: FULL_ID, address: '星河村三组 18 号' },
    { name: '欧阳娜娜', phone: '', idCard: '', address: '星河村三组 20 号' },
  ],
  respondents: [{ name: '李四', phone: '0571-87654321', idCard: '', address: '东风村五组' }],
  summary: '被申请人翻建房屋，建筑材料堵住通道，雨水渗入申请人墙体。',
  amount: 3000,
  highRisk: false,
  ...over,
})

const MEDIATORS = [
  { team: '银龄矛盾调解队', name: '赵桂兰' },
  { team: '巾帼调解队', name: '钱秀英' },
]
const TERMS = ['李四于 11 月 30 日前清走通道上的建筑材料', '李四赔偿墙体渗水损失 3000 元', '双方各出一半费用修缮排水沟']

/** Takes in a case on `day` and takes these steps, a minute apart; the case file as stored. */
async function makeCase(
  station: StationDoc,
  day: string,
  steps: CaseStepInput[],
  over: Partial<CaseFormInput> = {},
): Promise<CaseFile> {
  const ctx = (minute: number) => ({ station, by: '王芳', at: china(`${day}T09:${String(minute).padStart(2, '0')}:00`), person: administrator })
  const taken = await services!.mediation.intake(form(over), ctx(0))
  if (!taken.ok) throw new Error(JSON.stringify(taken))
  // Mediators are assigned and accept the case, as the app requires before any outcome.
  const accepted = steps.flatMap((step): CaseStepInput[] =>
    step.kind === 'assign' ? [step, { kind: 'accept', mediator: step.mediators[0]!.name }] : [step],
  )
  for (const [i, step] of accepted.entries()) {
    const done = await services!.mediation.step(taken.value._id, step, ctx(i + 1))
    if (!done.ok) throw new Error(`${step.kind}: ${JSON.stringify(done)}`)
  }
  return (await services!.mediation.caseFile(taken.value._id))!
}

const assign: CaseStepInput = { kind: 'assign', mediators: MEDIATORS }
const agree: CaseStepInput = { kind: 'agree', terms: TERMS.map((text) => ({ text })), performance: '现金当面付清，村网格员到场见证', performBy: '2026-12-15' }

async function station() {
  const opened = await screens.openStation()
  services = opened.services
  return opened.station
}

describe('the mediation agreement (人民调解协议书)', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('prints every party with a masked ID, every term, and a signature line for every party and mediator', async () => {
    const file = await makeCase(await station(), '2026-11-02', [assign, agree])
    renderScreen(services!, { '/case': <AgreementButton file={file} /> }, '/case')

    fireEvent.click(await screen.findByText('打印调解协议书', { selector: 'button *' }))
    const sheet = await screen.findByTestId('agreement-sheet')
    expect(within(sheet).getByText('人民调解协议书')).toBeTruthy()
    expect(within(sheet).getByTestId('agreement-number').textContent).toBe('编号：调〔2026〕001号')
    expect(sheet.textContent).toContain('星河党群服务驿站')

    const parties = within(sheet).getAllByTestId('agreement-party')
    expect(parties.map((p) => [p.dataset.side, p.querySelector('.agreement-party-side')!.textContent])).toEqual([
      ['applicant', '申请人一'],
      ['applicant', '申请人二'],
      ['respondent', '被申请人'],
    ])
    expect(parties[0]!.textContent).toContain('张建国')
    expect(parties[0]!.textContent).toContain('13800138000')
    expect(parties[0]!.textContent).toContain(maskIdCard(FULL_ID))
    expect(parties[0]!.textContent).toContain('星河村三组 18 号')
    expect(sheet.textContent).not.toContain(FULL_ID) // the paper leaves the building: the ID is masked
    expect(parties[1]!.textContent).toContain('欧阳娜娜')
    expect(parties[2]!.textContent).toContain('李四')
    expect(parties[2]!.textContent).toContain('0571-87654321')

    expect(sheet.textContent).toContain('被申请人翻建房屋，建筑材料堵住通道')
    const terms = within(sheet).getAllByTestId('agreement-term')
    expect(terms.map((term) => term.textContent)).toEqual(TERMS.map((text, i) => `${'一二三'[i]}、${text}`))
    expect(sheet.textContent).toContain('现金当面付清，村网格员到场见证')
    expect(within(sheet).getByTestId('agreement-perform-by').textContent).toBe('上述协议内容于2026年12月15日前履行完毕。')
    expect(sheet.textContent).toContain('本协议一式四份，当事人各执一份，人民调解委员会留存一份。')
    expect(sheet.textContent).toContain('当事人应当按照约定履行')

    const signatures = within(sheet).getAllByTestId('agreement-signature')
    expect(signatures.map((row) => [row.dataset.role, row.querySelector('th')!.textContent, row.querySelector('.agreement-signer')!.textContent])).toEqual([
      ['party', '申请人一', '张建国'],
      ['party', '申请人二', '欧阳娜娜'],
      ['party', '被申请人', '李四'],
      ['mediator', '人民调解员', '赵桂兰'],
      ['mediator', '人民调解员', '钱秀英'],
    ])
    for (const row of signatures) expect(row.querySelector('.agreement-sign-line')).toBeTruthy()
    expect(sheet.textContent).toContain('人民调解委员会（印章）')
    expect(within(sheet).getByTestId('agreement-date').textContent).toBe('2026年11月2日')

    // The copy that goes to paper sits directly under <body> (agreement.css prints it alone, on A4).
    const copy = screen.getByTestId('agreement-print-root')
    expect(copy.parentElement).toBe(document.body)
    expect(within(copy).getByTestId('agreement-sheet-print').textContent).toBe(sheet.textContent)
    expect(screen.getByText('保存为 PDF', { selector: 'button *' })).toBeTruthy()
  })

  it('shows no button for a case without an agreement', async () => {
    const file = await makeCase(await station(), '2026-11-02', [assign])
    renderScreen(services!, { '/case': <><AgreementButton file={file} /><p>case page</p></> }, '/case')
    expect(await screen.findByText('case page')).toBeTruthy()
    expect(screen.queryByText('打印调解协议书')).toBeNull()
  })

  it('stays in Chinese when the screen is in English', async () => {
    const file = await makeCase(await station(), '2026-11-02', [assign, agree])
    const content = agreementContent(file.caseDoc, file.state, '星河党群服务驿站')!
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <AgreementSheet content={content} />
      </I18nextProvider>,
    )
    const sheet = screen.getByTestId('agreement-sheet')
    expect(sheet.textContent).toContain('人民调解协议书')
    expect(sheet.textContent).toContain('经调解，自愿达成如下协议：')
    expect(sheet.textContent).not.toContain('Agreement')
  })

  it('writes numbers and dates the Chinese way', () => {
    expect([1, 4, 10, 11, 20, 23, 99, 100].map(chineseNumber)).toEqual(['一', '四', '十', '十一', '二十', '二十三', '九十九', '100'])
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日')
  })
})

describe('follow-up visits due (待回访)', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('lists the open visits overdue first, in red, with masked names and a link to the case', async () => {
    const s = await station()
    // Agreed on 1 November: the 15-day visit fell due on 16 November. Agreed on 20 November: due 5 December.
    const early = await makeCase(s, '2026-11-01', [assign, agree], {
      applicants: [{ name: '张建国', phone: '', idCard: '', address: '' }],
      respondents: [{ name: '欧阳娜娜', phone: '', idCard: '', address: '' }],
      highRisk: true,
    })
    const late = await makeCase(s, '2026-11-20', [assign, agree], {
      applicants: [{ name: '王小明', phone: '', idCard: '', address: '' }, { name: '王大明', phone: '', idCard: '', address: '' }],
      respondents: [{ name: '李四', phone: '', idCard: '', address: '' }],
    })
    const open = await makeCase(s, '2026-11-21', [assign])
    vi.spyOn(clock, 'today').mockReturnValue('2026-12-01')

    renderScreen(services!, { '/': <FollowUpsDue files={[late, open, early]} /> }, '/')
    const list = await screen.findByTestId('followups-due')
    const rows = await waitFor(() => {
      const found = list.querySelectorAll<HTMLTableRowElement>('tr[data-case-id]')
      expect(found.length).toBe(4)
      return [...found]
    })
    expect(rows.map((r) => [r.dataset.caseId, r.dataset.overdue, r.cells[3]!.textContent])).toEqual([
      [early.caseDoc._id, 'true', '2026-11-16'],
      [late.caseDoc._id, 'false', '2026-12-05'],
      [early.caseDoc._id, 'false', '2027-01-30'],
      [late.caseDoc._id, 'false', '2027-02-18'],
    ])
    expect(rows[0]!.className).toContain('followup-overdue')
    expect(rows[0]!.style.color).not.toBe('')
    expect(rows[0]!.textContent).toContain('已逾期 15 天')
    expect(rows[0]!.textContent).toContain('可能激化')
    expect(rows[0]!.textContent).toContain('调〔2026〕001号')
    expect(rows[0]!.textContent).toContain('张** 与 欧***')
    expect(rows[1]!.textContent).toContain('王**、王** 与 李*')
    expect(rows[1]!.textContent).toContain('4 天后到期')
    expect(rows[1]!.textContent).toContain('第 1 次回访（协议后 15 天）')
    for (const name of ['张建国', '欧阳娜娜', '王小明', '李四']) expect(list.textContent).not.toContain(name)
    expect(within(rows[0]!).getByRole('link', { name: '查看案件' }).getAttribute('href')).toBe(`/mediation/cases/${encodeURIComponent(early.caseDoc._id)}`)
    expect(within(list).getByTestId('followups-summary').textContent).toBe('共 4 次回访未做，其中逾期 1 次')
  })

  it('drops a visit once it is made, and lists nothing for cases without an agreement', async () => {
    const s = await station()
    const file = await makeCase(s, '2026-11-01', [assign, agree, { kind: 'followUp', visit: 1, note: '已清走建材，双方满意' }])
    const rows = followUpRows([file], '2026-12-01')
    expect(rows.map((r) => [r.visit, r.due, r.overdue])).toEqual([[2, '2027-01-30', false]])
    expect(followUpRows([await makeCase(s, '2026-11-02', [assign])], '2026-12-01')).toEqual([])
  })
})

describe('mediation figures (调解统计)', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('counts the period’s cases by type, source and outcome, with the success rate and follow-ups', async () => {
    const s = await station()
    const files = [
      await makeCase(s, '2026-12-01', [assign, agree, { kind: 'perform', performed: true, note: '已付清' }]),
      await makeCase(s, '2026-12-02', [assign, agree], { disputeType: 'property', source: 'hotline12345' }),
      await makeCase(s, '2026-12-02', [assign, { kind: 'fail', referral: 'litigation', to: '区人民法院', reason: '双方分歧太大' }], { disputeType: 'labour' }),
      await makeCase(s, '2026-12-03', [{ kind: 'withdraw', reason: '申请人撤回' }], { source: 'gridVisit' }),
      await makeCase(s, '2026-12-03', [assign]),
      // Received last year: only in 全部.
      await makeCase(s, '2025-06-10', [assign, agree]),
    ]
    vi.spyOn(clock, 'today').mockReturnValue('2026-12-20')
    renderScreen(services!, { '/': <MediationFigures files={files} /> }, '/')

    const figures = await screen.findByTestId('mediation-figures')
    const figure = (id: string) => within(figures).getByTestId(id).querySelector('.ant-statistic-content')!.textContent
    expect(figure('figure-total')).toBe('5')
    expect(figure('figure-success-rate')).toBe('66.7%') // 2 agreed, 1 failed; the withdrawal does not count
    expect(figure('figure-median-days')).toBe('0 天') // every outcome the same morning
    expect(figure('figure-performed')).toBe('1')
    // Both agreements of December: the 15-day visits (16 and 17 December) are overdue on the 20th.
    expect(figure('figure-followups-overdue')).toBe('2')
    expect(figure('figure-followups-due')).toBe('2')

    const count = (table: string, label: string) => {
      const row = within(within(figures).getByTestId(table)).getByText(label).closest('tr')!
      return row.cells[1]!.textContent
    }
    expect(count('figures-by-type', '邻里纠纷')).toBe('3')
    expect(count('figures-by-type', '物业纠纷')).toBe('1')
    expect(count('figures-by-type', '劳资纠纷')).toBe('1')
    expect(count('figures-by-type', '土地承包')).toBe('0')
    expect(count('figures-by-source', '群众来访')).toBe('3')
    expect(count('figures-by-source', '12345 热线')).toBe('1')
    expect(count('figures-by-source', '网格走访')).toBe('1')
    expect(count('figures-by-outcome', '调解成功')).toBe('2')
    expect(count('figures-by-outcome', '调解不成')).toBe('1')
    expect(count('figures-by-outcome', '已撤回')).toBe('1')
    expect(count('figures-by-outcome', '调解中')).toBe('1')

    fireEvent.click(within(figures).getByText('全部'))
    await waitFor(() => expect(figure('figure-total')).toBe('6'))
    expect(figure('figure-success-rate')).toBe('75%')
    expect(count('figures-by-type', '邻里纠纷')).toBe('4')
  })

  it('says so when the period has no cases', async () => {
    const s = await station()
    const files = [await makeCase(s, '2025-06-10', [assign])]
    vi.spyOn(clock, 'today').mockReturnValue('2026-12-20')
    renderScreen(services!, { '/': <MediationFigures files={files} /> }, '/')
    expect(await screen.findByText('这段时间没有受理案件')).toBeTruthy()
    expect(screen.getByTestId('figure-success-rate').textContent).toContain('—')
  })
})
