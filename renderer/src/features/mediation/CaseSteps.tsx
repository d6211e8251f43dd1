import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, DatePicker, Flex, Form, Input, Radio, Select, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { LifecycleActions, type StepForm } from '../../ui/LifecycleActions'
import { useCommandContext, useStation } from '../../ui/session'
import type { CaseFile } from '../../data/mediationRepository'
import { allowedSteps, REFERRALS, type CaseStatus, type CaseStepInput, type CaseStepKind, type Referral } from '../../domain/mediation'
import { matchesQuery } from '../../domain/personal'
import { useSessionStep, type SessionValues } from './CaseSessions'
import { mediatorGroups, mediatorOf, mediatorValue } from './mediationText'
import { useMediationTeams } from './useMediationTeams'

// The steps a case may take next, and only those the state machine offers (allowedSteps), plus 记录调解
// while it is being mediated. Each opens a small form; the domain checks it, a refusal is shown in the
// form (what was typed is kept) and nothing is written.

type Action = CaseStepKind | 'session'

/** The step a clerk most likely wants next, drawn as the main button. */
const NEXT: Partial<Record<CaseStatus, Action>> = { received: 'assign', mediating: 'session', agreed: 'followUp' }
const ORDER: Action[] = ['assign', 'accept', 'session', 'agree', 'fail', 'withdraw', 'perform', 'followUp', 'close']

export function CaseSteps({ file, names }: { file: CaseFile; /** names to offer as session attendees */ names: string[] }) {
  const { t } = useTranslation()
  const { services, operator } = useStation()
  const ctx = useCommandContext()
  const session = useSessionStep(file, names)
  const { state } = file

  const actions = ORDER.filter((action) => {
    if (action === 'session') return state.status === 'mediating'
    if (!allowedSteps(state.status).includes(action)) return false
    // Nothing left to do for these: every mediator has accepted, every visit is made.
    if (action === 'accept') return state.mediators.some((m) => !state.accepted.includes(m.name))
    if (action === 'followUp') return state.followUps.some((f) => !f.doneAt)
    return true
  })
  const label = (action: Action) => (action === 'assign' && state.mediators.length ? t('mediation.step.reassign') : t(`mediation.step.${action}`))

  const waiting = state.mediators.filter((m) => !state.accepted.includes(m.name)).map((m) => m.name)
  const openVisits = state.followUps.filter((f) => !f.doneAt)
  const initialValues = (kind: CaseStepKind): StepValues =>
    ({
      assign: { mediators: state.mediators.map(mediatorValue) },
      // The operator accepts for themselves when they are one of the mediators.
      accept: { mediator: waiting.includes(operator) ? operator : waiting.length === 1 ? waiting[0] : undefined },
      agree: { terms: [{ text: '' }], performance: '', performBy: null },
      fail: { referral: undefined, to: '', reason: '' },
      withdraw: { reason: '' },
      perform: { performed: true, note: '' },
      followUp: { visit: openVisits[0]?.visit, note: '' },
      close: { note: '' },
    })[kind]

  const form = (action: Action): StepForm<StepValues & SessionValues> =>
    action === 'session'
      ? session
      : {
          name: `mediation-${action}`,
          initialValues: initialValues(action),
          command: (values) => services.mediation.step(file.caseDoc._id, toStep(action, values), ctx()),
          savedText: t('mediation.form.saved', { step: label(action) }),
          fields: <StepFields kind={action} file={file} waiting={waiting} openVisits={openVisits} />,
        }

  return (
    <LifecycleActions
      steps={actions}
      label={label}
      next={NEXT[state.status]}
      danger={(action) => action === 'fail' || action === 'withdraw'}
      none={t('mediation.detail.noActions')}
      saveLabel={t('mediation.form.save')}
      width={640}
      form={form}
    />
  )
}

interface StepValues {
  mediators?: string[]
  mediator?: string
  terms?: { text?: string }[]
  performance?: string
  performBy?: Dayjs | null
  referral?: Referral
  to?: string
  reason?: string
  performed?: boolean
  visit?: number
  note?: string
}

function toStep(kind: CaseStepKind, v: StepValues): CaseStepInput {
  const text = (s: string | undefined) => (s ?? '').trim()
  switch (kind) {
    case 'assign':
      return { kind, mediators: (v.mediators ?? []).map(mediatorOf).filter((m) => m.name) }
    case 'accept':
      return { kind, mediator: text(v.mediator) }
    case 'agree':
      return {
        kind,
        terms: (v.terms ?? []).map((term) => ({ text: text(term.text) })).filter((term) => term.text),
        performance: text(v.performance),
        performBy: v.performBy ? v.performBy.format('YYYY-MM-DD') : '',
      }
    case 'fail':
      return { kind, referral: v.referral as Referral, to: text(v.to), reason: text(v.reason) }
    case 'withdraw':
      return { kind, reason: text(v.reason) }
    case 'perform':
      return { kind, performed: v.performed ?? true, note: text(v.note) }
    case 'followUp':
      return { kind, visit: v.visit ?? 0, note: text(v.note) }
    case 'close':
      return { kind, note: text(v.note) }
  }
}

function StepFields({
  kind,
  file,
  waiting,
  openVisits,
}: {
  kind: CaseStepKind
  file: CaseFile
  /** mediators who have not accepted yet */
  waiting: string[]
  /** follow-up visits not made yet */
  openVisits: CaseFile['state']['followUps']
}) {
  const { t } = useTranslation()
  return (
    <>
      {kind === 'assign' && <AssignFields file={file} />}
      {kind === 'accept' && (
        <Form.Item name="mediator" label={t('mediation.form.acceptBy')} required extra={t('mediation.form.acceptHint')}>
          <Radio.Group options={waiting.map((name) => ({ value: name, label: name }))} />
        </Form.Item>
      )}
      {kind === 'agree' && <AgreeFields />}
      {kind === 'fail' && (
        <>
          <Form.Item name="referral" label={t('mediation.form.referral')} required>
            <Radio.Group optionType="button" options={REFERRALS.map((r) => ({ value: r, label: t(`mediation.referral.${r}`) }))} />
          </Form.Item>
          <Form.Item name="to" label={t('mediation.form.referTo')}>
            <Input aria-label={t('mediation.form.referTo')} maxLength={100} placeholder={t('mediation.form.referToPlaceholder')} />
          </Form.Item>
          <Form.Item name="reason" label={t('mediation.form.failReason')} required>
            <Input.TextArea aria-label={t('mediation.form.failReason')} rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {kind === 'withdraw' && (
        <Form.Item name="reason" label={t('mediation.form.withdrawReason')} required>
          <Input.TextArea aria-label={t('mediation.form.withdrawReason')} autoFocus rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {kind === 'perform' && (
        <>
          <Form.Item name="performed" label={t('mediation.form.performed')} required>
            <Radio.Group
              options={[
                { value: true, label: t('mediation.form.performedYes') },
                { value: false, label: t('mediation.form.performedNo') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('mediation.form.note')}>
            <Input.TextArea aria-label={t('mediation.form.note')} rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {kind === 'followUp' && (
        <>
          <Form.Item name="visit" label={t('mediation.form.visit')} required>
            <Radio.Group
              options={openVisits.map((f) => ({ value: f.visit, label: t('mediation.form.visitOption', { visit: f.visit, due: f.due }) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('mediation.form.followUpNote')} required>
            <Input.TextArea aria-label={t('mediation.form.followUpNote')} autoFocus rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {kind === 'close' && (
        <Form.Item name="note" label={t('mediation.form.closeNote')}>
          <Input.TextArea aria-label={t('mediation.form.closeNote')} autoFocus rows={3} maxLength={2000} />
        </Form.Item>
      )}
    </>
  )
}

const optionMatches = (input: string, option?: { keys?: string }) => !!option?.keys && matchesQuery(option.keys, input)

/** 指派调解员: members of the teams, grouped by team and found by pinyin; a name not on a team can be typed. */
function AssignFields({ file }: { file: CaseFile }) {
  const { t } = useTranslation()
  const { teams } = useMediationTeams()
  const groups = useMemo(() => mediatorGroups(teams ?? [], file.state.mediators, t('mediation.form.otherMediators')), [teams, file.state.mediators, t])
  return (
    <Form.Item name="mediators" label={t('mediation.form.mediators')} required extra={t('mediation.form.mediatorsHint')}>
      <Select
        mode="tags"
        autoFocus
        aria-label={t('mediation.form.mediators')}
        loading={!teams}
        options={groups}
        showSearch={{ filterOption: optionMatches }}
        tokenSeparators={['、', ',', '，']}
        placeholder={t('mediation.form.mediatorsPlaceholder')}
      />
    </Form.Item>
  )
}

/** 达成协议: the agreed terms (one or more), how and by when they are carried out. */
function AgreeFields() {
  const { t } = useTranslation()
  return (
    <>
      <Form.List name="terms">
        {(rows, { add, remove }) => (
          <div role="group" aria-label={t('mediation.form.terms')} data-testid="agreement-terms">
            <Typography.Text strong>
              <span style={{ color: '#cf1322', marginRight: 4 }} aria-hidden>
                *
              </span>
              {t('mediation.form.terms')}
            </Typography.Text>
            {rows.map((row, index) => (
              <Flex key={row.key} gap={8} align="flex-start" style={{ marginTop: 8 }}>
                <Form.Item name={[row.name, 'text']} style={{ flex: 1, marginBottom: 0 }}>
                  <Input.TextArea
                    aria-label={t('mediation.form.termN', { n: index + 1 })}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    placeholder={t('mediation.form.termPlaceholder', { n: index + 1 })}
                    maxLength={2000}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('mediation.form.removeTerm', { n: index + 1 })}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ text: '' })} style={{ margin: '8px 0 16px' }}>
              {t('mediation.form.addTerm')}
            </Button>
          </div>
        )}
      </Form.List>
      <Form.Item name="performance" label={t('mediation.form.performance')} required>
        <Input aria-label={t('mediation.form.performance')} maxLength={500} placeholder={t('mediation.form.performancePlaceholder')} />
      </Form.Item>
      <Form.Item name="performBy" label={t('mediation.form.performBy')} required>
        <DatePicker aria-label={t('mediation.form.performBy')} style={{ width: '100%' }} format="YYYY-MM-DD" />
      </Form.Item>
    </>
  )
}
