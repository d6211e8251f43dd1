import { PhoneOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Input, Row, Space, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import { useNow, useToday } from '../../ui/clock'
import { PageGate } from '../../ui/PageGate'
import { paths } from '../../ui/paths'
import { useCommandContext, useStation } from '../../ui/session'
import { useLedger } from '../../ui/useLedger'
import { EARLY_CHECK_IN_MINUTES, handoverFor, type DutyNoteDoc, shiftInstant, type RotaShift } from '../../domain/duty'
import { localDateTime } from '../../domain/calendar'
import { NeedListItem } from '../needs/NeedListItem'
import { AttendanceButtons, AttendanceState } from './DutyAttendance'
import { attendanceView, clockTime, neighbours, secretaryOf, shiftWhenText } from './dutyDeskView'
import { useDuty, type DutyData } from './useDuty'

// 值班日志 (paths.dutyShift): one shift — who held it (and any 代班 / 换班), check-in and check-out, the
// needs registered during it, the log notes, the handover received from the shift before and the one
// written for the shift after.

export function DutyShiftPage() {
  const { t } = useTranslation()
  // The router hands the key back decoded (paths.dutyShift encodes it).
  const { key = '' } = useParams()
  const { data, failure } = useDuty()
  const now = useNow()
  // The rota is read whole; the shift is looked up in it once it is there.
  const shift = data?.rota.find((s) => s.key === key)

  return (
    <PageGate
      value={data && (shift ? { shift, data } : null)}
      failure={failure && t('dutyDesk.board.failed', { message: failure })}
      notFound={t('dutyDesk.shift.notFound')}
      back={{ to: paths.home, label: t('dutyDesk.shift.back') }}
    >
      {(found) => <ShiftLog shift={found.shift} data={found.data} now={now} />}
    </PageGate>
  )
}

function ShiftLog({ shift, data, now }: { shift: RotaShift; data: DutyData; now: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { previous, next } = neighbours(data.rota, shift.key)
  const secretary = secretaryOf(data.secretaries, shift.secretaryId)
  const view = attendanceView(shift, data.checks, now)
  // The log is kept from when check-in opens: before that there is nothing to record yet.
  const opens = new Date(Date.parse(shiftInstant(shift.date, shift.start)) - EARLY_CHECK_IN_MINUTES * 60_000).toISOString()
  const begun = now >= opens
  const notes = data.notes.filter((n) => n.shiftKey === shift.key).sort((a, b) => a.at.localeCompare(b.at))
  const received = handoverFor(data.rota, data.notes, shift)
  const nameOf = (id: string | null) => secretaryOf(data.secretaries, id)?.name ?? t('dutyDesk.gap')

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="duty-shift" data-shift-key={shift.key}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('dutyDesk.shift.title')}
          </Typography.Title>
          <Typography.Text style={{ fontSize: 18 }}>{t('dutyDesk.shiftTime', shiftWhenText(shift, t, true))}</Typography.Text>
        </div>
        <Space>
          {previous && (
            <Button onClick={() => navigate(paths.dutyShift(previous.key))} data-testid="previous-shift">
              {t('dutyDesk.shift.previous')}
            </Button>
          )}
          {next && (
            <Button onClick={() => navigate(paths.dutyShift(next.key))} data-testid="next-shift">
              {t('dutyDesk.shift.next')}
            </Button>
          )}
        </Space>
      </Flex>

      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="middle">
          <Descriptions.Item label={t('dutyDesk.shift.secretary')}>
            {secretary ? (
              <Space wrap data-testid="shift-secretary">
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {secretary.name}
                </Typography.Text>
                <span>{secretary.village}</span>
                <span>
                  <PhoneOutlined /> {secretary.phone}
                </span>
              </Space>
            ) : (
              <Typography.Text strong style={{ color: '#ad4e00' }} data-testid="duty-gap">
                {t('dutyDesk.gap')}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('dutyDesk.shift.attendance')}>
            {secretary ? (
              <Flex gap={12} align="center" wrap>
                <AttendanceState view={view} />
                <AttendanceButtons shift={shift} view={view} />
              </Flex>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          {shift.changes.length > 0 && (
            <Descriptions.Item label={t('dutyDesk.shift.changes')} span="filled">
              <Space orientation="vertical" size={2} data-testid="shift-changes">
                <span>{t('dutyDesk.shift.planned', { name: nameOf(shift.plannedSecretaryId) })}</span>
                {shift.changes.map((change) => (
                  <span key={change._id}>
                    {t('dutyDesk.shift.change', {
                      kind: t(`dutyDesk.shift.changeKind.${change.kind}`),
                      reason: change.reason,
                      by: change.by,
                      at: localDateTime(change.at),
                    })}
                  </span>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <ShiftNeeds shiftKey={shift.key} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('dutyDesk.shift.notes')} data-testid="shift-notes">
            <NoteList notes={notes.filter((n) => n.kind === 'note')} empty={t('dutyDesk.shift.noNotes')} />
            {begun ? (
              <NoteForm shiftKey={shift.key} kind="note" placeholder={t('dutyDesk.shift.notePlaceholder')} submit={t('dutyDesk.shift.addNote')} />
            ) : (
              <Typography.Text type="secondary">{t('dutyDesk.shift.notStarted')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('dutyDesk.shift.handoverReceived')} data-testid="handover-received">
              {received.length === 0 ? (
                <Typography.Text type="secondary">{t('dutyDesk.shift.noHandoverReceived')}</Typography.Text>
              ) : (
                <>
                  <Typography.Text type="secondary">
                    {t('dutyDesk.shift.handoverFrom', { name: nameOf(previous?.secretaryId ?? null) })}
                  </Typography.Text>
                  <NoteList notes={received} empty="" />
                </>
              )}
            </Card>
            <Card title={t('dutyDesk.shift.handoverGiven')} data-testid="handover-given">
              {next && (
                <Typography.Paragraph type="secondary">
                  {t('dutyDesk.shift.handoverTo', { name: nameOf(next.secretaryId), ...shiftWhenText(next, t) })}
                </Typography.Paragraph>
              )}
              <NoteList notes={notes.filter((n) => n.kind === 'handover')} empty={t('dutyDesk.shift.noHandover')} />
              {begun ? (
                <NoteForm
                  shiftKey={shift.key}
                  kind="handover"
                  placeholder={t('dutyDesk.shift.handoverPlaceholder')}
                  submit={t('dutyDesk.shift.writeHandover')}
                />
              ) : (
                <Typography.Text type="secondary">{t('dutyDesk.shift.notStarted')}</Typography.Text>
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  )
}

/** The needs registered during the shift (the ledger rows that carry its key), each opening the need. */
function ShiftNeeds({ shiftKey }: { shiftKey: string }) {
  const { t } = useTranslation()
  const { ledger, version } = useLedger()
  const today = useToday()
  const rows = useMemo(
    () =>
      ledger
        .all()
        .filter((row) => row.dutyShiftKey === shiftKey)
        .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt)),
    // version is not read here, but it is how the ledger (one store, changed in place) says its rows changed
    [ledger, version, shiftKey],
  )
  const title = t('dutyDesk.shift.needs', { count: rows.length })
  return (
    <Card title={title} data-testid="shift-needs" styles={{ body: { padding: rows.length ? 0 : undefined } }}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dutyDesk.shift.noNeeds')} />
      ) : (
        <ul aria-label={title} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((row) => (
            <NeedListItem
              key={row.id}
              row={row}
              today={today}
              time={clockTime(row.registeredAt)}
              withDescription
              extra={row.handlerName && <Typography.Text style={{ marginLeft: 8 }}>{t('dutyDesk.shift.handler', { name: row.handlerName })}</Typography.Text>}
            />
          ))}
        </ul>
      )}
    </Card>
  )
}

function NoteList({ notes, empty }: { notes: DutyNoteDoc[]; empty: string }) {
  const { t } = useTranslation()
  if (notes.length === 0) return empty ? <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph> : null
  return (
    <ul style={{ listStyle: 'none', margin: '0 0 12px', padding: 0 }}>
      {notes.map((note) => (
        <li key={note._id} data-note-kind={note.kind} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ whiteSpace: 'pre-wrap', fontSize: 16 }}>{note.text}</div>
          <Typography.Text type="secondary">{t('dutyDesk.shift.noteBy', { by: note.by, at: localDateTime(note.at) })}</Typography.Text>
        </li>
      ))}
    </ul>
  )
}

function NoteForm({ shiftKey, kind, placeholder, submit }: { shiftKey: string; kind: DutyNoteDoc['kind']; placeholder: string; submit: string }) {
  const { t } = useTranslation()
  const { services } = useStation()
  const ctx = useCommandContext()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState('')

  const save = async () => {
    if (busy) return
    setBusy(true)
    setRefusal('')
    try {
      const result = await services.duty.note(shiftKey, kind, text, ctx())
      if (result.ok) setText('')
      else setRefusal('error' in result ? t(result.error) : t('app.fixFields', { count: result.errors.length }))
    } catch (error) {
      setRefusal(t('error.unexpected', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
      <Input.TextArea
        aria-label={submit}
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={2000}
        placeholder={placeholder}
      />
      <Button type="primary" loading={busy} onClick={() => void save()}>
        {submit}
      </Button>
    </Space>
  )
}
