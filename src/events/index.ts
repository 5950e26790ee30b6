/** The events context: the transactional outbox as a cursor feed. Other contexts import only this file. */
export { EventFeed, topicPattern, type EventFeedOptions, type FeedEvent, type FeedPage, type FeedQuery } from './feed.ts'
export { eventRoutes } from './routes.ts'
export { writeOutbox, type NewEvent } from './outbox.ts'
export type { EventErrorCode } from './errors.ts'
