import { Alert, Button, Popconfirm, Space, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCommandContext, useStation } from '../../ui/session'
import type { RotaShift } from '../../domain/duty'
import { clockTime, type AttendanceView } from './dutyDeskView'

// 签到 / 签退 of one shift: where it stands (late in red), and the buttons for what may be recorded now.
// Used on the home board and on the shift's duty log.

export function AttendanceState({ view, large = false }: { view: AttendanceView; large?: boolean }) {
  const { t } = useTranslation()
  const size = large ? { fontSize: 18, padding: '4px 10px' } : undefined
  return (
    <Space wrap size={[8, 8]} data-testid="duty-attendance">
      {view.checkedInAt === null ? (
        <Tag color={view.missing ? 'orange' : 'default'} style={size} data-attendance="none">
          {t('dutyDesk.attendance.notCheckedIn')}
        </Tag>
      ) : (
        <>
          <Tag color="blue" style={size} data-attendance="in">
            {t('dutyDesk.attendance.checkedInAt', { time: clockTime(view.checkedInAt) })}
          </Tag>
          {view.lateMinutes ? (
            <Tag color="red" style={size} data-attendance="late">
              {t('dutyDesk.attendance.late', { count: view.lateMinutes })}
            </Tag>
          ) : (
            <Tag color="green" style={size} data-attendance="onTime">
              {t('dutyDesk.attendance.onTime')}
            </Tag>
          )}
        </>
      )}
      {view.checkedOutAt !== null && (
        <Tag color="default" style={size} data-attendance="out">
          {t('dutyDesk.attendance.checkedOutAt', { time: clockTime(view.checkedOutAt) })}
        </Tag>
      )}
    </Space>
  )
}

/** The 签到 / 签退 buttons a shift allows now; a refusal shows its message in the clerk's language. */
export function AttendanceButtons({ shift, view, large = false }: { shift: RotaShift; view: AttendanceView; large?: boolean }) {
  const { t } = useTranslation()
  const { services } = useStation()
  const ctx = useCommandContext()
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState('')

  const attend = async (kind: 'in' | 'out') => {
    if (busy) return
    setBusy(true)
    setRefusal('')
    try {
      const result = await services.duty.attend(shift.key, kind, ctx())
      if (!result.ok) setRefusal('error' in result ? t(result.error) : t('app.fixFields', { count: result.errors.length }))
    } catch (error) {
      setRefusal(t('error.unexpected', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
    }
  }

  if (!view.canCheckIn && !view.canCheckOut && !refusal) return null
  const style = large ? { height: 52, fontSize: 20, paddingInline: 28 } : undefined
  return (
    <Space orientation="vertical" size="small">
      <Space wrap>
        {view.canCheckIn && (
          <Button type="primary" size="large" style={style} loading={busy} onClick={() => void attend('in')}>
            {t('dutyDesk.attendance.checkIn')}
          </Button>
        )}
        {view.canCheckOut && (
          <Popconfirm
            title={t('dutyDesk.attendance.checkOutConfirm')}
            okText={t('dutyDesk.attendance.checkOut')}
            cancelText={t('dutyDesk.cancel')}
            onConfirm={() => attend('out')}
          >
            <Button size="large" style={style} loading={busy}>
              {t('dutyDesk.attendance.checkOut')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
    </Space>
  )
}
