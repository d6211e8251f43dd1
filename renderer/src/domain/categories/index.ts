// The 五为 categories (五为服务分类) that needs, and later activities, are filed under.
export * from './categories'
