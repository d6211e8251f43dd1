import { Alert, App, Checkbox, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCommandContext, useStation } from '../../ui/session'
import { useFormErrors } from '../../ui/useFormErrors'
import { useSubmit } from '../../ui/useSubmit'
import { ROLES, type PersonDoc, type Role } from '../../domain/people'
import { PinFields, pinMismatch, type PinValues } from './PinFields'

// The administrator's dialogs on the 工作人员 page: add a person (name, roles, first PIN), edit one's name
// and roles, or give one a new PIN. The repository checks everything; its refusals show on their fields.

export type PersonDialogKind = { kind: 'add' } | { kind: 'edit'; person: PersonDoc } | { kind: 'pin'; person: PersonDoc }

type Field = 'name' | 'roles' | 'pin' | 'pinAgain'
const ORDER: Field[] = ['name', 'roles', 'pin', 'pinAgain']

interface Values extends PinValues {
  name?: string
  roles?: Role[]
}

export function PersonDialog({ dialog, onClose }: { dialog: PersonDialogKind; onClose(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { services } = useStation()
  const ctx = useCommandContext()
  const [form] = Form.useForm<Values>()
  const errors = useFormErrors<Field>(form, { order: ORDER })
  const { busy, failure, setFailure, submit } = useSubmit()
  const person = dialog.kind === 'add' ? null : dialog.person
  const title =
    dialog.kind === 'add'
      ? t('people.page.addTitle')
      : t(dialog.kind === 'edit' ? 'people.page.editTitle' : 'people.page.resetTitle', { name: person?.name })

  const save = (values: Values) =>
    submit(async () => {
      const details = { name: values.name ?? '', roles: values.roles ?? [] }
      if (dialog.kind !== 'edit') {
        const mismatch = pinMismatch(values)
        if (mismatch.length) return void errors.show(mismatch)
      }
      const result =
        dialog.kind === 'add'
          ? await services.people.add(details, values.pin ?? '', ctx())
          : dialog.kind === 'edit'
            ? await services.people.update(dialog.person._id, details, ctx())
            : await services.people.resetPin(dialog.person._id, values.pin ?? '', ctx())
      if (!result.ok) {
        if ('error' in result) setFailure(t(result.error))
        else errors.show(result.errors)
        return
      }
      const done = dialog.kind === 'add' ? 'people.page.added' : dialog.kind === 'edit' ? 'people.page.saved' : 'people.page.pinReset'
      void message.success(t(done, { name: result.value.name }))
      onClose()
    })

  return (
    <Modal
      open
      title={title}
      okText={t('people.page.save')}
      cancelText={t('app.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="person"
        initialValues={person ? { name: person.name, roles: person.roles } : { roles: [] }}
        onFinish={save}
        onValuesChange={errors.clearChanged}
      >
        {dialog.kind !== 'pin' && (
          <>
            <Form.Item name="name" label={t('people.page.field.name')} required {...errors.itemProps('name')}>
              <Input maxLength={40} autoComplete="off" autoFocus />
            </Form.Item>
            <Form.Item name="roles" label={t('people.page.field.roles')} required {...errors.itemProps('roles')}>
              <Checkbox.Group options={ROLES.map((role) => ({ value: role, label: t(`people.role.${role}`) }))} />
            </Form.Item>
          </>
        )}
        {dialog.kind !== 'edit' && (
          <PinFields label={t('people.page.field.pin')} againLabel={t('people.page.field.pinAgain')} hint={t('people.setup.pinHint')} itemProps={errors.itemProps} />
        )}
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
      </Form>
    </Modal>
  )
}
