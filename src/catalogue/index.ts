// Placeholder: the catalogue context is being written.
import type { FastifyInstance } from 'fastify'
import type { Services } from '../services.ts'
export class Catalogue { constructor(..._args: unknown[]) {} }
export function registerCatalogueRoutes(_app: FastifyInstance, _services: Services): void {}
