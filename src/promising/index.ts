export * from './model.ts'
export * from './allocate.ts'
