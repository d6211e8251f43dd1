import { Cascader, DatePicker, Flex, Select, Switch, Typography, theme } from 'antd'
import dayjs from 'dayjs'
import { memo, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { categories, type Lang } from '../../domain/categories'
import { NEED_STATUSES, type NeedStatus } from '../../domain/needs'
import type { Filters, Update } from './ledgerAddress'

// The ledger's filters: status, category, village, handler, dates, overdue only. Each change goes
// through `update`, which the page turns into its address.

export const FilterBar = memo(function FilterBar({
  filters,
  villages,
  handlers,
  lang,
  update,
}: {
  filters: Filters
  villages: string[]
  handlers: string[]
  lang: Lang
  update: Update
}) {
  const { t } = useTranslation()
  const categoryOptions = useMemo(
    () =>
      categories.map((category) => ({
        value: category.code,
        label: category.label[lang],
        children: category.items.map((item) => ({ value: item.code, label: item.label[lang] })),
      })),
    [lang],
  )
  const categoryValue = filters.category
    ? filters.category.includes('.')
      ? [filters.category.split('.')[0]!, filters.category]
      : [filters.category]
    : undefined

  return (
    <>
      <Field label={t('ledger.filter.status')} width={240}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          aria-label={t('ledger.filter.status')}
          placeholder={t('ledger.filter.statusPlaceholder')}
          value={filters.statuses ?? []}
          options={NEED_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          onChange={(statuses: NeedStatus[]) => update({ status: statuses.join(',') || undefined })}
        />
      </Field>
      <Field label={t('ledger.filter.category')} width={220}>
        <Cascader
          changeOnSelect
          allowClear
          showSearch
          aria-label={t('ledger.filter.category')}
          placeholder={t('ledger.filter.categoryPlaceholder')}
          options={categoryOptions}
          value={categoryValue}
          onChange={(value) => update({ category: value?.length ? String(value[value.length - 1]) : undefined })}
        />
      </Field>
      <NameFilter filter="village" width={170} names={villages} value={filters.village} update={update} />
      <NameFilter filter="handler" width={150} names={handlers} value={filters.handler} update={update} />
      <Field label={t('ledger.filter.dateRange')} width={260}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('ledger.filter.dateFrom'), t('ledger.filter.dateTo')]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(dates) => update({ from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })}
        />
      </Field>
      <Flex align="center" gap={8} style={{ height: 32 }}>
        <Switch
          id="ledger-overdue-only"
          checked={!!filters.overdueOnly}
          onChange={(on) => update({ overdue: on ? '1' : undefined })}
        />
        <label htmlFor="ledger-overdue-only">{t('ledger.filter.overdueOnly')}</label>
      </Flex>
    </>
  )
})

export function Field({ label, width, children }: { label: string; width: number; children: ReactNode }) {
  // `width` is for 15 px text: large text widens the field with its text, so "全部村（社区）" is not cut.
  const { token } = theme.useToken()
  return (
    <Flex vertical gap={4} style={{ width: Math.round((width * token.fontSize) / 15) }}>
      <Typography.Text type="secondary" aria-hidden>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  )
}

/** A filter that picks one name from a list: the village or the handler. */
function NameFilter({
  filter,
  width,
  names,
  value,
  update,
}: {
  filter: 'village' | 'handler'
  width: number
  names: string[]
  value: string | undefined
  update: Update
}) {
  const { t } = useTranslation()
  return (
    <Field label={t(`ledger.filter.${filter}`)} width={width}>
      <Select
        allowClear
        showSearch
        aria-label={t(`ledger.filter.${filter}`)}
        placeholder={t(`ledger.filter.${filter}Placeholder`)}
        value={value ?? null}
        options={names.map((name) => ({ value: name, label: name }))}
        onChange={(name?: string | null) => update({ [filter]: name ?? undefined })}
      />
    </Field>
  )
}
