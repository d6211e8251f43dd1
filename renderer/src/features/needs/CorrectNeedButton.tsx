import { EditOutlined } from '@ant-design/icons'
import { App, Button, Form, Modal, Typography } from 'antd'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCommandContext, useStation } from '../../ui/session'
import { needFormOf, shownIdCard, type NeedDoc, type NeedFormInput } from '../../domain/needs'
import { NeedFormFields, needFormValues, type NeedFormValues } from './NeedFormFields'

// 更正登记信息: the registration form again, filled with what is stored, for a detail typed wrong at the desk.
// Only the fields that change are recorded as edited (so a correction made on another computer meanwhile
// merges field by field when the two meet).

export function CorrectNeedButton({ need, onChanged }: { need: NeedDoc; onChanged(): void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)}>
        {t('detail.correct.button')}
      </Button>
      <Modal
        open={open}
        title={t('detail.correct.title')}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={960}
        mask={{ closable: false }}
      >
        {open && (
          <CorrectNeedForm
            need={need}
            onCancel={() => setOpen(false)}
            onDone={() => {
              setOpen(false)
              onChanged()
            }}
          />
        )}
      </Modal>
    </>
  )
}

function CorrectNeedForm({ need, onCancel, onDone }: { need: NeedDoc; onCancel(): void; onDone(): void }) {
  const { t } = useTranslation()
  const { station, services } = useStation()
  const ctx = useCommandContext()
  const { message } = App.useApp()
  const [form] = Form.useForm<NeedFormValues>()
  // What is stored when the form opens; the ID number only masked (see NeedFormFields' idCardOnFile).
  const [initialValues] = useState(() => needFormValues(needFormOf(need)))
  const idCardOnFile = shownIdCard(need) || undefined
  // A village since taken off the station's list stays choosable for a need registered with it.
  const villages = useMemo(
    () => (station.villages.includes(need.village) ? station.villages : [...station.villages, need.village]),
    [station.villages, need.village],
  )

  // When the correction was sent: a saved correction is stamped with it; nothing changed, nothing is.
  const sentAt = useRef('')

  const submit = (input: NeedFormInput, { keepIdCard }: { keepIdCard: boolean }) => {
    const context = ctx()
    sentAt.current = context.at
    // The ID field left blank keeps the number on file: the command is given that number, so it sees no change.
    // Only what the clerk changed is applied: a change synced in while the form was open stays.
    return services.needs.correct(need._id, keepIdCard ? { ...input, idCard: need.resident.idCard ?? '' } : input, context, needFormOf(need))
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{t('detail.correct.hint', { number: need.number })}</Typography.Paragraph>
      <NeedFormFields
        form={form}
        name="correct-need"
        title={t('detail.correct.title')}
        initialValues={initialValues}
        villages={villages}
        idCardOnFile={idCardOnFile}
        submitLabel={t('detail.correct.save')}
        actions={
          <Button size="large" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
        }
        onSubmit={submit}
        onSaved={(saved) => {
          if (saved.updatedAt === sentAt.current) void message.success(t('detail.correct.saved'))
          else void message.info(t('detail.correct.unchanged'))
          onDone()
        }}
      />
    </>
  )
}
