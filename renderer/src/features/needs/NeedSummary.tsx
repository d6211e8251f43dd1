import { EyeOutlined } from '@ant-design/icons'
import { App, Button, Descriptions, Typography, type DescriptionsProps } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { refusalKeys } from '../../data/command'
import type { ContactDetails } from '../../data/privacyRepository'
import { maskPhone } from '../../domain/personal'
import { useCommandContext, useStation } from '../../ui/session'
import { useSubmit } from '../../ui/useSubmit'
import { leadDepartmentFor, type Lang } from '../../domain/categories'
import { localDateTime } from '../../domain/calendar'
import { shownIdCard, type NeedDoc, type NeedState } from '../../domain/needs'
import { useCategoryPath } from './needTags'

// Who asked for what, where and when. The phone and ID number show masked: a person whose role allows it
// reveals them for this one record, and the audit trail records that they did.

export function NeedSummary({ need, state }: { need: NeedDoc; state: NeedState }) {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const categoryPath = useCategoryPath()
  const lead = leadDepartmentFor(need.categoryItem, lang)
  const { details: revealed, button: revealButton } = useRevealedContact(need)
  const idCard = revealed ? revealed.idCard : shownIdCard(need)

  const items: DescriptionsProps['items'] = [
    { key: 'resident', label: t('detail.resident'), children: <strong data-testid="resident-name">{need.resident.name}</strong> },
    {
      key: 'phone',
      label: t('detail.phone'),
      children: (
        <span>
          <span data-testid="resident-phone">{revealed ? revealed.phone : maskPhone(need.resident.phone)}</span>
          {revealButton}
        </span>
      ),
    },
    {
      key: 'idCard',
      label: t('detail.idCard'),
      children: idCard ? <span data-testid="id-card">{idCard}</span> : <Typography.Text type="secondary">{t('detail.notGiven')}</Typography.Text>,
    },
    { key: 'village', label: t('detail.village'), children: need.village },
    { key: 'address', label: t('detail.address'), children: need.address || '—' },
    { key: 'category', label: t('detail.category'), children: categoryPath(need.categoryItem) },
    { key: 'lead', label: t('detail.leadDepartment'), children: lead || '—' },
    { key: 'channel', label: t('detail.channel'), children: t(`channel.${need.channel}`) },
    {
      key: 'urgency',
      label: t('detail.urgency'),
      children:
        need.urgency === 'normal' ? t('urgency.normal') : <Typography.Text type="danger" strong>{t(`urgency.${need.urgency}`)}</Typography.Text>,
    },
    {
      key: 'registered',
      label: t('detail.registered'),
      children: t('detail.registeredBy', { at: localDateTime(need.registeredAt), by: need.createdBy }),
    },
    {
      key: 'handler',
      label: t('detail.handler'),
      children: state.handler
        ? t('detail.handlerWithKind', { name: state.handler.name, kind: t(`handlerKind.${state.handler.kind}`) })
        : <Typography.Text type="secondary">{t('detail.handlerNone')}</Typography.Text>,
    },
    { key: 'due', label: t('detail.dueDate'), children: state.dueDate },
    {
      key: 'description',
      label: t('detail.description'),
      span: 'filled',
      // Text as typed, line breaks kept; React escapes it, so pasted markup shows as text.
      children: (
        <div data-testid="need-description" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {need.description}
        </div>
      ),
    },
  ]

  return <Descriptions bordered size="middle" column={{ xs: 1, sm: 1, md: 2, xl: 3 }} items={items} />
}

/** 显示完整号码: asks the data layer for this record's full phone and ID number (refused or recorded there). */
function useRevealedContact(need: NeedDoc) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { services } = useStation()
  const ctx = useCommandContext()
  const [details, setDetails] = useState<ContactDetails | null>(null)
  const { busy, submit } = useSubmit((unexpected) => void message.error(unexpected))
  // A corrected phone arriving (or another need shown) masks it again: a reveal is for what was asked.
  useEffect(() => setDetails(null), [need._id, need._rev])

  const reveal = () =>
    submit(async () => {
      const result = await services.privacy.revealNeedContact(need._id, ctx())
      if (result.ok) setDetails(result.value)
      else void message.error(refusalKeys(result).map((key) => t(key)).join('；'))
    })

  const button = details ? null : (
    <Button type="link" size="small" icon={<EyeOutlined aria-hidden />} loading={busy} onClick={() => void reveal()} data-testid="reveal-contact">
      {t('detail.reveal')}
    </Button>
  )
  return { details, button }
}
