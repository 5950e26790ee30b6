/** The bus context: the NATS JetStream relay of the outbox (docs/nats.md). Other contexts import only this file. */
export { NatsRelay, defaultStreamName, defaultSubjectPrefix, relayLeaseName, duplicateWindowMs, type NatsRelayOptions } from './relay.ts'
export { natsSubjectOf, subjectToken, tokenOf, bodyOf, streamNamePattern, subjectPrefixPattern, type BusMessage } from './subjects.ts'
export { readCursor as relayCursor } from './store.ts'
