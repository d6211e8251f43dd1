import { Descriptions, Typography, type DescriptionsProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { leadDepartmentFor, type Lang } from '../../domain/categories'
import { localDateTime } from '../../domain/calendar'
import { shownIdCard, type NeedDoc, type NeedState } from '../../domain/needs'
import { useCategoryPath } from './needTags'

// Who asked for what, where and when. The ID number is only ever shown masked.

export function NeedSummary({ need, state }: { need: NeedDoc; state: NeedState }) {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const categoryPath = useCategoryPath()
  const idCard = shownIdCard(need)
  const lead = leadDepartmentFor(need.categoryItem, lang)

  const items: DescriptionsProps['items'] = [
    { key: 'resident', label: t('detail.resident'), children: <strong data-testid="resident-name">{need.resident.name}</strong> },
    { key: 'phone', label: t('detail.phone'), children: need.resident.phone },
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
