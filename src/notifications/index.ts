/** The notifications context: templates kept as data, the projector and sweep that request customer notifications, and their delivery state. Other contexts import only this file. */
export * from './model.ts'
export { Notifications, type NotificationOptions, type TemplateListing } from './service.ts'
export { render, checkTemplate, templateFor, deliveryStateOf, placeholdersIn } from './decide.ts'
export { shippedTemplates } from './defaults.ts'
export { notificationRoutes, notificationView } from './routes.ts'
export type { NotificationErrorCode } from './errors.ts'
