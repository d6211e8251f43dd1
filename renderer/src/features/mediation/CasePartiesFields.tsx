import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Col, Flex, Form, Input, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useToday } from '../../ui/clock'
import type { ItemErrorProps } from '../../ui/useFormErrors'
import { checkIdCard, maskIdCard } from '../../domain/personal'

// One side of a dispute (申请方 or 被申请方) in the intake form: one or more people, each a row of name,
// phone, ID number and address; rows are added and removed. Messages come from the domain by path
// (`applicants.0.phone`), looked up through `errorOf`.

export type Side = 'applicants' | 'respondents'

export interface PartyValues {
  name?: string
  phone?: string
  idCard?: string
  address?: string
  /**
   * The ID number on file with the need a case is converted from. Never put in a field on screen: the ID
   * field starts blank, and blank means "take the one on file".
   */
  idCardOnFile?: string
}

export const blankParty = (): PartyValues => ({ name: '', phone: '', idCard: '', address: '' })

/** Form.Item props that show the messages of one path under the field. */
export type ErrorOf = (path: string) => ItemErrorProps

export function CasePartiesFields({ side, errorOf, sideError }: { side: Side; errorOf: ErrorOf; sideError?: string }) {
  const { t } = useTranslation()
  const heading = t(`mediation.intake.${side}`)
  return (
    <Form.List name={side}>
      {(rows, { add, remove }) => (
        <div role="group" aria-label={heading} data-testid={`parties-${side}`}>
          <Flex align="center" justify="space-between" style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              <span style={{ color: '#cf1322', marginRight: 4 }} aria-hidden>
                *
              </span>
              {heading}
            </Typography.Title>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add(blankParty())}>
              {t(`mediation.intake.add.${side}`)}
            </Button>
          </Flex>
          {sideError && (
            <Typography.Paragraph type="danger" role="alert" data-testid={`side-error-${side}`}>
              {sideError}
            </Typography.Paragraph>
          )}
          {rows.map((row, index) => (
            <PartyRow
              key={row.key}
              side={side}
              index={index}
              name={row.name}
              errorOf={errorOf}
              onRemove={() => remove(row.name)}
            />
          ))}
        </div>
      )}
    </Form.List>
  )
}

function PartyRow({ side, index, name, errorOf, onRemove }: { side: Side; index: number; name: number; errorOf: ErrorOf; onRemove(): void }) {
  const { t } = useTranslation()
  const today = useToday()
  const who = t(`mediation.intake.partyLabel.${side}`, { n: index + 1 })
  const idCard = (Form.useWatch([side, name, 'idCard']) as string | undefined) ?? ''
  const onFile = (Form.useWatch([side, name, 'idCardOnFile']) as string | undefined) ?? ''
  const checked = idCard.trim() ? checkIdCard(idCard, today) : null
  const path = (field: string) => `${side}.${index}.${field}`
  const idHint = checked?.ok
    ? t('mediation.intake.idCardMaskedAs', { masked: maskIdCard(checked.value) })
    : !idCard.trim() && onFile
      ? t('mediation.intake.idCardOnFile', { masked: maskIdCard(onFile) })
      : undefined

  return (
    <div className="mediation-party" role="group" aria-label={who} data-testid="party-row">
      <Row gutter={12}>
        <Col xs={24} md={5}>
          <Form.Item name={[name, 'name']} label={t('mediation.party.name')} required {...errorOf(path('name'))}>
            <Input autoComplete="off" maxLength={50} aria-label={`${who} ${t('mediation.party.name')}`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item name={[name, 'phone']} label={t('mediation.party.phone')} {...errorOf(path('phone'))}>
            <Input type="tel" inputMode="tel" autoComplete="off" aria-label={`${who} ${t('mediation.party.phone')}`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[name, 'idCard']} label={t('mediation.party.idCard')} extra={idHint} {...errorOf(path('idCard'))}>
            <Input autoComplete="off" aria-label={`${who} ${t('mediation.party.idCard')}`} />
          </Form.Item>
        </Col>
        <Col xs={20} md={7}>
          <Form.Item name={[name, 'address']} label={t('mediation.party.address')} {...errorOf(path('address'))}>
            <Input autoComplete="off" maxLength={200} aria-label={`${who} ${t('mediation.party.address')}`} />
          </Form.Item>
        </Col>
        <Col xs={4} md={1} style={{ paddingTop: 30 }}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('mediation.intake.removeParty', { who })}
            title={t('mediation.intake.removeParty', { who })}
            onClick={onRemove}
          />
        </Col>
      </Row>
    </div>
  )
}
