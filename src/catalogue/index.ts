/** The catalogue context: what is sold, where stock sits, and who sells it. Other contexts import only this file. */
export type { Sku, StockNode, Channel, NodeKind, ChannelKind, CatalogueKind, SkuInput, NodeInput, ChannelInput, SkuPatch, NodePatch, ChannelPatch, PageOf } from './model.ts'
export { Catalogue } from './service.ts'
export { catalogueRoutes } from './routes.ts'
export { importCsv, exportCsv, type ImportOptions, type ImportReport } from './csv.ts'
export { seedDemoCatalogue } from './demo.ts'
export type { CatalogueErrorCode } from './errors.ts'
export { loadNodes, loadSkuNames, type NodeFacts } from './lookups.ts'
export { csvBatches, type CsvSource } from './csv-format.ts'
