// What every stored document carries, and the per-field edit stamps that let two computers' edits merge.
export * from './edits'
export * from './records'
