/** The events context: the typed event list, the one outbox writer (`publish`), and the outbox as a cursor feed. Other contexts import only this file. */
export { EventFeed, topicPattern, type EventFeedOptions, type FeedEvent, type FeedPage, type FeedQuery } from './feed.ts'
export { eventRoutes } from './routes.ts'
export { publish } from './outbox.ts'
export * from './types.ts'
export type { EventErrorCode } from './errors.ts'
