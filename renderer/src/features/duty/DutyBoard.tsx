import { PhoneOutlined, ScheduleOutlined } from '@ant-design/icons'
import { Alert, Card, Col, Flex, Row, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useNow } from '../../ui/clock'
import { paths } from '../../ui/paths'
import { handoverFor, onDuty, type RotaShift } from '../../domain/duty'
import { AttendanceButtons, AttendanceState } from './DutyAttendance'
import { attendanceView, dutyIdle, secretaryOf, shiftWhenText } from './dutyDeskView'
import { useDuty, type DutyData } from './useDuty'

// 值班台 on the kiosk's home screen: who is on duty now (with phone, check-in and the handover left by the
// shift before) and who comes next. Big type, readable across the desk. Moves on by itself as time passes.

// orange-8: 5:1 on white (orange-7, #d46b08, was 3.6:1, too pale for text)
const GAP_COLOR = '#ad4e00'

export function DutyBoard() {
  const { t } = useTranslation()
  const { data, failure } = useDuty()
  const now = useNow()

  if (failure)
    return <Alert type="warning" showIcon data-testid="duty-board" title={t('dutyDesk.board.failed', { message: failure })} />
  if (!data) return null

  const { current, next } = onDuty(data.rota, now)
  const idle = current ? null : dutyIdle(data.rota, now)
  const title = (
    <Space>
      <ScheduleOutlined />
      {t('dutyDesk.board.title')}
    </Space>
  )

  if (idle === 'noPlan')
    return (
      <Card size="small" title={title} data-testid="duty-board">
        <Space wrap>
          <Typography.Text type="secondary">{t('dutyDesk.board.noPlan')}</Typography.Text>
          <Link to={paths.dutyRota}>{t('dutyDesk.board.planLink')}</Link>
        </Space>
      </Card>
    )

  return (
    <Card title={title} data-testid="duty-board" extra={<Link to={paths.dutyRota}>{t('dutyDesk.board.rotaLink')}</Link>}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={14}>
          <section aria-label={t('dutyDesk.board.now')} data-testid="duty-now" data-shift-key={current?.key ?? ''}>
            <Typography.Text type="secondary" style={{ fontSize: 16 }}>
              {t('dutyDesk.board.now')}
            </Typography.Text>
            {current ? (
              <CurrentShift shift={current} data={data} now={now} />
            ) : (
              <div style={{ fontSize: 26, fontWeight: 600, marginTop: 4 }} data-idle={idle}>
                {t(`dutyDesk.board.idle.${idle}`)}
              </div>
            )}
          </section>
        </Col>
        <Col xs={24} lg={10}>
          <section aria-label={t('dutyDesk.board.next')} data-testid="duty-next" data-shift-key={next?.key ?? ''}>
            <Typography.Text type="secondary" style={{ fontSize: 16 }}>
              {t('dutyDesk.board.next')}
            </Typography.Text>
            {next ? (
              <NextShift shift={next} data={data} now={now} />
            ) : (
              <div style={{ fontSize: 20, marginTop: 4 }}>{t('dutyDesk.board.noNext')}</div>
            )}
          </section>
        </Col>
      </Row>
    </Card>
  )
}

function CurrentShift({ shift, data, now }: { shift: RotaShift; data: DutyData; now: string }) {
  const { t } = useTranslation()
  const secretary = secretaryOf(data.secretaries, shift.secretaryId)
  const view = attendanceView(shift, data.checks, now)
  const handover = handoverFor(data.rota, data.notes, shift)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', marginTop: 4 }}>
      {secretary ? (
        <div>
          <Flex align="baseline" gap={16} wrap>
            <span style={{ fontSize: 34, fontWeight: 700 }} data-testid="duty-now-name">
              {secretary.name}
            </span>
            <span style={{ fontSize: 18 }}>{secretary.village}</span>
          </Flex>
          <div style={{ fontSize: 24 }}>
            <PhoneOutlined /> <span data-testid="duty-now-phone">{secretary.phone}</span>
          </div>
        </div>
      ) : (
        <Gap />
      )}
      <div style={{ fontSize: 18 }}>{t('dutyDesk.shiftTime', shiftWhenText(shift, t))}</div>
      {secretary && (
        <Flex gap={16} align="center" wrap>
          <AttendanceState view={view} large />
          <AttendanceButtons shift={shift} view={view} large />
        </Flex>
      )}
      {handover.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="duty-handover"
          title={t('dutyDesk.board.handover')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {handover.map((note) => (
                <li key={note._id} style={{ fontSize: 16, whiteSpace: 'pre-wrap' }}>
                  {note.text}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Link to={paths.dutyShift(shift.key)} style={{ fontSize: 16 }}>
        {t('dutyDesk.board.log')}
      </Link>
    </Space>
  )
}

function NextShift({ shift, data, now }: { shift: RotaShift; data: DutyData; now: string }) {
  const { t } = useTranslation()
  const secretary = secretaryOf(data.secretaries, shift.secretaryId)
  // Check-in opens a little before the shift begins.
  const view = attendanceView(shift, data.checks, now)
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%', marginTop: 4 }}>
      {secretary ? (
        <>
          <Flex align="baseline" gap={12} wrap>
            <span style={{ fontSize: 26, fontWeight: 600 }} data-testid="duty-next-name">
              {secretary.name}
            </span>
            <span style={{ fontSize: 16 }}>{secretary.village}</span>
          </Flex>
          <div style={{ fontSize: 20 }}>
            <PhoneOutlined /> {secretary.phone}
          </div>
        </>
      ) : (
        <Gap small />
      )}
      <div style={{ fontSize: 18 }}>{t('dutyDesk.board.startsAt', shiftWhenText(shift, t))}</div>
      {secretary && (view.canCheckIn || view.checkedInAt) && (
        <Flex gap={12} align="center" wrap>
          <AttendanceState view={view} />
          <AttendanceButtons shift={shift} view={view} />
        </Flex>
      )}
    </Space>
  )
}

function Gap({ small = false }: { small?: boolean }) {
  const { t } = useTranslation()
  return (
    <div data-testid="duty-gap">
      <span style={{ fontSize: small ? 26 : 34, fontWeight: 700, color: GAP_COLOR }}>{t('dutyDesk.gap')}</span>
      <div style={{ color: GAP_COLOR }}>{t('dutyDesk.gapHint')}</div>
    </div>
  )
}
