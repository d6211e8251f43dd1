// A page that shows one record found by its id: loading, could not be read, or not found (with the way back).
import { Alert, Button, Result, Space, Spin } from 'antd'
import type { ReactNode } from 'react'
import { useNavigate } from 'react-router-dom'

export interface PageGateProps<T> {
  /** the record: undefined while it is being read, null when there is none by that id */
  value: T | null | undefined
  /** why it could not be read, as said to the clerk; empty when it could */
  failure?: string
  /** said beside the spinner while reading */
  loadingText?: string
  /** the not-found page's title */
  notFound: string
  /** the not-found page's button: where the record would be listed */
  back: { to: string; label: string }
  children(value: T): ReactNode
}

export function PageGate<T>({ value, failure, loadingText, notFound, back, children }: PageGateProps<T>) {
  const navigate = useNavigate()
  if (failure) return <Alert type="error" showIcon title={failure} />
  if (value === undefined)
    return loadingText ? (
      <Space style={{ padding: 48 }}>
        <Spin size="large" />
        {loadingText}
      </Space>
    ) : (
      <Spin size="large" />
    )
  if (value === null)
    return (
      <Result
        status="404"
        title={notFound}
        extra={
          <Button type="primary" onClick={() => navigate(back.to)}>
            {back.label}
          </Button>
        }
      />
    )
  return <>{children(value)}</>
}
