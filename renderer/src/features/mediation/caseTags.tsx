import { WarningFilled } from '@ant-design/icons'
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CaseStatus } from '../../domain/mediation'
import { STATUS_COLOR } from './mediationText'

// How a case's status and its 可能激化 flag look wherever a case is shown: one look everywhere.

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {t(`mediation.status.${status}`)}
    </Tag>
  )
}

/** 可能激化: red and solid, so it is seen before anything else on the line. */
export function HighRiskTag() {
  const { t } = useTranslation()
  return (
    <Tag color="#cf1322" icon={<WarningFilled aria-hidden />} data-testid="high-risk" style={{ fontWeight: 600 }}>
      {t('mediation.highRisk')}
    </Tag>
  )
}
