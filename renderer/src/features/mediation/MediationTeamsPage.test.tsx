// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderScreen, SCREEN_TEST_TIMEOUT, screenTests } from '../../../../test/support/renderApp'
import { paths } from '../../ui/paths'
import { MediationTeamsPage } from './MediationTeamsPage'

// 调解队伍 with the real services: the two teams are there on first opening; one is renamed and given a member.

const screens = screenTests()

describe('the mediation teams', { timeout: SCREEN_TEST_TIMEOUT }, () => {
  it('seeds the two teams, and renames one and adds a member', async () => {
    const opened = await screens.openStation()
    const { services } = opened
    renderScreen(opened.services, { [paths.mediationTeams]: <MediationTeamsPage /> }, paths.mediationTeams)
    await waitFor(() => expect(screen.getAllByTestId('mediation-team')).toHaveLength(2))
    const [silver] = screen.getAllByTestId('mediation-team') as [HTMLElement]
    expect((within(silver).getByLabelText('队伍名称') as HTMLInputElement).value).toBe('银龄矛盾调解队')

    fireEvent.change(within(silver).getByLabelText('队伍名称'), { target: { value: '星河银龄调解队' } })
    fireEvent.click(within(silver).getByText('添加队员', { selector: 'button *' }))
    fireEvent.change(within(silver).getByLabelText('第 1 名队员的姓名'), { target: { value: '老周' } })
    fireEvent.change(within(silver).getByLabelText('第 1 名队员的电话'), { target: { value: '13900000001' } })
    fireEvent.click(within(silver).getByText('保存', { selector: 'button *' }))

    expect(await screen.findByText('已保存 星河银龄调解队')).toBeTruthy()
    const teams = await opened.services.mediation.teams({ station: opened.station, by: '王芳', at: new Date().toISOString() })
    expect(teams.map((t) => ({ name: t.name, members: t.members }))).toEqual([
      { name: '星河银龄调解队', members: [{ name: '老周', phone: '13900000001' }] },
      { name: '巾帼调解队', members: [] },
    ])
  })
})
