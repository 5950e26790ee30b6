/** Every code the catalogue context refuses with: a closed union. HTTP statuses are mapped in http/problem-status.ts. */
import { failures } from '../kernel/result.ts'

export type CatalogueErrorCode =
  | 'channel_not_found'
  | 'duplicate_code'
  | 'invalid_active'
  | 'invalid_attributes'
  | 'invalid_barcode'
  | 'invalid_capabilities'
  | 'invalid_code'
  | 'invalid_coordinates'
  | 'invalid_fulfilment_profile'
  | 'invalid_handling_time'
  | 'invalid_kind'
  | 'invalid_latitude'
  | 'invalid_longitude'
  | 'invalid_name'
  | 'invalid_node_ids'
  | 'invalid_region'
  | 'invalid_safety_buffer'
  | 'invalid_supplier_id'
  | 'invalid_unit'
  | 'node_not_found'
  | 'sku_not_found'
  | 'unknown_node'

export const { fail, notFound } = failures<CatalogueErrorCode>()
