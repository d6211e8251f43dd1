import { Badge, Button, Card, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { paths } from '../../ui/paths'
import { useConflicts } from './useConflicts'

// On the sync page: how many conflicts wait for a technician, and the way to the conflict screen.

export function ConflictsLink() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { records } = useConflicts()
  const open = records?.filter((record) => record.status === 'open').length ?? 0
  return (
    <Card title={t('conflicts.title')} data-testid="conflicts-link" data-open={open}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <Flex align="center" gap={8}>
          {open > 0 ? (
            <>
              <Badge count={open} />
              <Typography.Text strong>{t('conflicts.link.open', { count: open })}</Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary">{t('conflicts.link.none')}</Typography.Text>
          )}
        </Flex>
        <Button type={open > 0 ? 'primary' : 'default'} onClick={() => navigate(paths.conflicts)}>
          {t('conflicts.link.button')}
        </Button>
      </Flex>
    </Card>
  )
}
