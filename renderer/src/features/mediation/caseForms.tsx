import { Alert, App, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSubmit } from '../../ui/useSubmit'
import { refusalKeys, type CommandResult } from '../../data/command'

// What every form of a case's steps shares: run the command once, say why it was refused (and keep what
// was typed), or report it done.

export function useCaseCommand(onDone: () => void) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { busy: saving, failure: error, setFailure: setError, submit } = useSubmit()

  const run = (command: () => Promise<CommandResult<unknown>>, doneText: string) =>
    submit(async () => {
      const result = await command()
      if (result.ok) {
        void message.success(doneText)
        onDone()
      } else setError(refusalKeys(result).map((key) => t(key)).join('；'))
    })
  return { error, saving, run }
}

/** The refusal, if any, then 取消 and the save button. */
export function FormFooter({ error, saving, onCancel, danger }: { error: string; saving: boolean; onCancel(): void; danger?: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} data-testid="step-error" />}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('app.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} danger={danger} data-testid="step-save">
          {t('mediation.form.save')}
        </Button>
      </Space>
    </>
  )
}
