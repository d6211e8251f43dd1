import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Checkbox, Col, Empty, Flex, Input, Row, Spin, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { paths } from '../../ui/paths'
import { useCommandContext, useStation } from '../../ui/session'
import { useSubmit } from '../../ui/useSubmit'
import { refusalKeys } from '../../data/command'
import type { MediationTeamDoc, TeamMember } from '../../domain/mediation'
import { useMediationTeams } from './useMediationTeams'

// 调解队伍: the station's volunteer mediation teams (银龄矛盾调解队 and 巾帼调解队 to start with) and their
// members, who are offered when mediators are assigned to a case. Each team is edited on its own card.

export function MediationTeamsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { teams, failure } = useMediationTeams()

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <Flex align="center" gap={12} wrap>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(paths.mediation)}>
          {t('mediation.list.title')}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('mediation.teams.title')}
        </Typography.Title>
      </Flex>
      <Typography.Text type="secondary">{t('mediation.teams.intro')}</Typography.Text>
      {failure && <Alert type="error" showIcon title={t('mediation.loadFailed', { message: failure })} />}
      {!teams ? (
        !failure && <Spin />
      ) : (
        <Row gutter={[16, 16]}>
          {teams.map((team) => (
            <Col key={team._id} xs={24} lg={12}>
              {/* A new revision (saved here or synced in) starts the card afresh from what is stored. */}
              <TeamCard key={team._rev} team={team} />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  )
}

function TeamCard({ team }: { team: MediationTeamDoc }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { services } = useStation()
  const ctx = useCommandContext()
  const [name, setName] = useState(team.name)
  const [members, setMembers] = useState<TeamMember[]>(team.members)
  const { busy, failure: error, setFailure: setError, submit } = useSubmit()
  const changed = name !== team.name || JSON.stringify(members) !== JSON.stringify(team.members)

  const setMember = <F extends keyof TeamMember>(index: number, field: F, value: TeamMember[F]) =>
    setMembers((now) => now.map((m, i) => (i === index ? { ...m, [field]: value } : m)))

  const save = () =>
    submit(async () => {
      const result = await services.mediation.saveTeam({ ...team, name, members }, ctx())
      if (result.ok) void message.success(t('mediation.teams.saved', { name: result.value.name }))
      else setError(refusalKeys(result).map((key) => t(key)).join('；'))
    })

  return (
    <Card
      data-testid="mediation-team"
      title={
        <Input
          aria-label={t('mediation.teams.name')}
          value={name}
          maxLength={50}
          onChange={(event) => setName(event.target.value)}
          variant="borderless"
          style={{ fontWeight: 600, fontSize: 16, paddingInline: 0 }}
        />
      }
    >
      <Typography.Text strong>{t('mediation.teams.members', { count: members.length })}</Typography.Text>
      {members.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediation.teams.noMembers')} />}
      {members.map((member, index) => (
        <Flex key={index} gap={8} style={{ marginTop: 8 }} role="group" aria-label={t('mediation.teams.memberN', { n: index + 1 })}>
          <Input
            aria-label={t('mediation.teams.memberName', { n: index + 1 })}
            placeholder={t('mediation.teams.namePlaceholder')}
            value={member.name}
            maxLength={50}
            onChange={(event) => setMember(index, 'name', event.target.value)}
            style={{ flex: 2 }}
          />
          <Input
            aria-label={t('mediation.teams.memberPhone', { n: index + 1 })}
            placeholder={t('mediation.teams.phonePlaceholder')}
            value={member.phone}
            inputMode="tel"
            maxLength={30}
            onChange={(event) => setMember(index, 'phone', event.target.value)}
            style={{ flex: 2 }}
          />
          <Checkbox checked={member.lead === true} onChange={(event) => setMember(index, 'lead', event.target.checked)}>
            {t('mediation.teams.lead')}
          </Checkbox>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('mediation.teams.removeMember', { name: member.name || index + 1 })}
            onClick={() => setMembers((now) => now.filter((_, i) => i !== index))}
          />
        </Flex>
      ))}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} />}
      <Flex gap={12} justify="space-between" style={{ marginTop: 16 }} wrap>
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setMembers((now) => [...now, { name: '', phone: '' }])}>
          {t('mediation.teams.addMember')}
        </Button>
        <Flex gap={8}>
          {changed && (
            <Button
              onClick={() => {
                setName(team.name)
                setMembers(team.members)
                setError('')
              }}
            >
              {t('mediation.teams.undo')}
            </Button>
          )}
          <Button type="primary" disabled={!changed} loading={busy} onClick={() => void save()}>
            {t('mediation.teams.save')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  )
}
