/**
 * The Sellahead API as TypeScript types, generated from /openapi.json by openapi-typescript.
 * Do not edit: run `npm run generate:client`.
 */
export interface paths {
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tokens (never their secrets) */
        get: operations["listTokens"];
        put?: never;
        /** Create a token; the secret is returned once and stored only as a hash */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the bearer token is: its role and, for a scoped token, the channel, store or supplier it belongs to (the console signs in with it) */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/skus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List SKUs in id order, a page at a time; `q` finds SKUs whose code or name contains it */
        get: operations["listSkus"];
        put?: never;
        /** Create a SKU */
        post: operations["createSku"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/skus/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a SKU by id or code */
        get: operations["getSku"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a SKU (only the fields sent) */
        patch: operations["updateSku"];
        trace?: never;
    };
    "/v1/nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the nodes this caller may see, in id order */
        get: operations["listNodes"];
        put?: never;
        /** Create a stock node (warehouse, store or dropship supplier) */
        post: operations["createNode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/nodes/{node}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a node by id or code */
        get: operations["getNode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a node (only the fields sent) */
        patch: operations["updateNode"];
        trace?: never;
    };
    "/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List channels in id order (a channel token sees its own) */
        get: operations["listChannels"];
        put?: never;
        /** Create a sales channel and the nodes it sells from */
        post: operations["createChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a channel by id or code */
        get: operations["getChannel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a channel (only the fields sent) */
        patch: operations["updateChannel"];
        trace?: never;
    };
    "/v1/inventory/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive units into on hand */
        post: operations["receiveStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a stock count; less than promised is reported as a shortage, not refused */
        post: operations["recordStockCount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adjust on hand by a signed quantity, with a reason */
        post: operations["adjustStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/unsellable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark units unsellable (damaged, failed QC…) with a reason */
        post: operations["markUnsellable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/unsellable/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore unsellable units to sellable */
        post: operations["restoreUnsellable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/virtual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a node's virtual allowance (what the supplier can deliver fast); suppliers declare theirs through the supplier route */
        put: operations["setVirtualStock"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List positions, optionally for one SKU or node (cursor paginated) */
        get: operations["listPositions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/positions/{sku}/{node}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One position: the seven buckets and sellable */
        get: operations["getPosition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/positions/{sku}/{node}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Movement history of a position, oldest first (cursor paginated) */
        get: operations["listMovements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/availability/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sellable now per node, per region and in total (a channel sees its own nodes, each less its safety buffer) */
        get: operations["getAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/locks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lock units (promotion waves, channel ring-fencing), optionally until a time */
        post: operations["lockStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/locks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One lock */
        get: operations["getLock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/locks/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a lock now */
        post: operations["releaseLock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reserve units of one SKU at one node; acknowledged only once committed to the database
         * @description Send an Idempotency-Key: a retry with the same key and body returns the original reservation.
         */
        post: operations["reserveStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reserve up to 1,000 lines in one request, all or nothing (default) or line by line */
        post: operations["reserveStockBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One reservation */
        get: operations["getReservation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a held reservation (order cancelled) */
        post: operations["releaseReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reservations/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Commit a held reservation: the units ship and leave on hand */
        post: operations["commitReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request a transfer: the units are set aside (T) at the origin */
        post: operations["requestTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One transfer */
        get: operations["getTransfer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship: units leave the origin and are in transit (A) at the destination */
        post: operations["shipTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive at the destination; any shortfall is recorded as a discrepancy */
        post: operations["receiveTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a transfer that has not shipped */
        post: operations["cancelTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/eta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a new arrival day for a reserved or shipped transfer; orders promised on it are re-promised */
        post: operations["changeTransferEta"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List suppliers in id order (a supplier token sees itself) */
        get: operations["listSuppliers"];
        put?: never;
        /** Create a supplier (takes an Idempotency-Key) */
        post: operations["createSupplier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a supplier by id or code */
        get: operations["getSupplier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a supplier (only the fields sent) */
        patch: operations["updateSupplier"];
        trace?: never;
    };
    "/v1/suppliers/{id}/skus/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The supplier's terms for one SKU */
        get: operations["getSupplierSkuTerms"];
        /** Set the supplier's terms for a SKU (replaces them whole) */
        put: operations["setSupplierSkuTerms"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}/skus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the supplier's SKU terms in SKU id order */
        get: operations["listSupplierSkuTerms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}/virtual-supply/{sku}/{node}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Declare what the supplier can deliver fast of a SKU at a node (its dropship node or a warehouse); sets the node's virtual bucket */
        put: operations["declareVirtualSupply"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}/virtual-supply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The supplier's virtual-supply declarations, by SKU and node */
        get: operations["listSupplierVirtualSupply"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/virtual-supply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every supplier's virtual-supply declarations, optionally for one SKU or node */
        get: operations["listVirtualSupply"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** On-time, fill and QC pass rates, ETA changes, lead time and grade over the policy window */
        get: operations["getSupplierScorecard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}/scorecard/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scorecard at every recompute, newest first: period, rates and grade (the trend) */
        get: operations["listSupplierScorecardHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}/scorecard/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recompute the scorecard now */
        post: operations["recomputeSupplierScorecard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scorecard-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scorecard policy: window, grace days, grade thresholds */
        get: operations["getScorecardPolicy"];
        /** Replace the scorecard policy (scorecards follow on their next read) */
        put: operations["setScorecardPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events from the outbox in commit order, resumable from a cursor (inventory.shortage, supply.changed, …) */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events from the outbox as server-sent events, in commit order, resumable with Last-Event-ID
         * @description Each SSE message is named by its topic, with the event (as `/v1/events` gives it) as data and its id as the SSE id.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Future supply of a SKU and/or at a node: open PO lines, ASNs in transit, transfers and virtual supply, dated, with a time-phased ladder */
        get: operations["listFutureSupply"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/lifecycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lifecycle table: which action is allowed from which status, and by whom */
        get: operations["getPurchaseOrderLifecycle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Purchase orders, newest first (a supplier sees its own sent orders) */
        get: operations["listPurchaseOrders"];
        put?: never;
        /** Create a draft purchase order */
        post: operations["createPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One purchase order with its lines */
        get: operations["getPurchaseOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a draft (lines are replaced when given) */
        patch: operations["updatePurchaseOrder"];
        trace?: never;
    };
    "/v1/purchase-orders/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a draft to the supplier */
        post: operations["sendPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the whole order (nothing shipped or received yet) */
        post: operations["cancelPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close: whatever is still open will not come */
        post: operations["closePurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer open lines: accepted quantity (0 rejects) and ETA */
        post: operations["confirmPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/lines/{line}/eta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an accepted line’s ETA, with the reason */
        post: operations["changePurchaseOrderLineEta"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/lines/{line}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel (buyer) or cut (supplier) open units of a line; all of them without a quantity */
        post: operations["cancelPurchaseOrderLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/asns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s ASNs, oldest first */
        get: operations["listAsns"];
        put?: never;
        /** Advance ship notice: what left the supplier and when it arrives */
        post: operations["createAsn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/asns/{asn}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw an ASN that will not arrive; its units are open again */
        post: operations["cancelAsn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s receipts with inspection results */
        get: operations["listPurchaseOrderReceipts"];
        put?: never;
        /** Receive and inspect goods: passed units on hand, failed units unsellable with the reason */
        post: operations["receivePurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything that happened to the order: who, what, when */
        get: operations["getPurchaseOrderTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-portal/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open PO lines, most urgent first: by the earliest customer promise that depends on each, lines nobody waits on last */
        get: operations["listSupplierPortalLines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/purchase-orders/{id}/lines/{line}/eta-impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Before moving a line’s ETA: how many customer promises the move would delay, decided as the move would be */
        get: operations["previewPurchaseOrderLineEta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/skus/{sku}/sell-ahead-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The SKU’s sell-ahead policy (for every channel, or ?channel=), and the policy in effect there */
        get: operations["getSellAheadPolicy"];
        /** Set what the SKU may be sold against and how far ahead (for every channel, or only ?channel=) */
        put: operations["setSellAheadPolicy"];
        post?: never;
        /** Remove the SKU’s policy (or only the channel’s override) */
        delete: operations["removeSellAheadPolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promising-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payment window, transit days by region, customer tiers and how overdue supply is dated */
        get: operations["getPromisingSettings"];
        /** Change the promising settings (validated; applies to orders placed from now on) */
        put: operations["setPromisingSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/availability-to-promise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Units that can be promised by date through a channel, and the dates for a quantity
         * @description The ladder starts with today’s stock and adds each supply date the sell-ahead policy allows; a quote says which node, the promised ship and delivery dates, the supply behind them and the risk in plain words.
         */
        get: operations["getAvailableToPromise"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/delays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s delays: cause, old and new ship date, compensation, and whether it may still be cancelled for a full refund */
        get: operations["listOrderDelays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the customer was told about the order, oldest first */
        get: operations["listOrderMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compensation-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How a delay is compensated: none, a coupon per day late, or a share of the line per day late; capped */
        get: operations["getCompensationPolicy"];
        /** Replace the compensation policy (delays from now on follow it) */
        put: operations["setCompensationPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/lifecycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order lifecycle table: which action is allowed from which status, and by whom */
        get: operations["getOrderLifecycle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders, newest first (a channel sees its own) */
        get: operations["listOrders"];
        put?: never;
        /**
         * Place an order: each line is allocated to stock, then future supply in date order, and holds it until the payment deadline
         * @description Channels must send an Idempotency-Key: a retry with the same key and body returns the original order.
         */
        post: operations["placeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order: lines with their allocations, promised dates, risk, what is owed, and the customer’s contact as far as the caller may see it
         * @description Staff and the order’s channel see the whole shipTo or pickup contact; a store reads only pickup orders collected at it, and sees only the name of who collects; a payment provider sees no contact.
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything that happened to the order: who, what, when */
        get: operations["getOrderTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel before shipping: unpaid is free; paid is refunded in full; a paid deposit is forfeited unless a delay offer is open */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship the order: every unit must be held as stock and on hand */
        post: operations["shipOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The carrier delivered, or the shopper collected */
        post: operations["deliverOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s payments and refunds, oldest first (a provider sees its own) */
        get: operations["listPayments"];
        put?: never;
        /** Report a payment, deposit, balance or refund (payment providers); idempotent on the provider’s reference */
        post: operations["recordPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presale-campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaigns, newest first (channels see those not in draft) */
        get: operations["listCampaigns"];
        put?: never;
        /** Create a draft presale campaign; every rule is checked as a whole */
        post: operations["createCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presale-campaigns/lifecycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaign lifecycle table: which action is allowed from which status, and the status it leads to */
        get: operations["getCampaignLifecycle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presale-campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One campaign with units sold, quota left and the current price */
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a draft campaign’s terms */
        patch: operations["updateCampaign"];
        trace?: never;
    };
    "/v1/presale-campaigns/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish: the quota becomes a presale supply slot at the node */
        post: operations["publishCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presale-campaigns/{id}/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the quota: once published it may be raised, never lowered */
        post: operations["setCampaignQuota"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presale-campaigns/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End now: final price from the tier reached, every open order repriced (never above the price shown), balance window opens */
        post: operations["endCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presale-campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the campaign: open orders are cancelled with a full refund owed, deposits included */
        post: operations["cancelCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presale-campaigns/{id}/allocate-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move orders waiting on the quota onto stock that has arrived at the node (paid orders first, then by priority); they can then ship */
        post: operations["allocateCampaignStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presale-campaigns/{id}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place a presale order: one campaign, one line, a deposit due within the deadline; no cart, no promotions
         * @description Channels must send an Idempotency-Key. The unit price is the current tier’s; the order is repriced when the campaign ends, never upward.
         */
        post: operations["placePresaleOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presale-campaigns/{id}/demand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaign’s demand as a suggested purchase quantity */
        get: operations["getCampaignDemand"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/presale-demand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per SKU and node: units ordered in open campaigns less stock and open supply, rounded to the supplier’s minimum and pack size */
        get: operations["listPresaleDemand"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/order-status/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order as its customer sees it, through the status link the shop was given at placement
         * @description Promised dates (and the first promise), each line’s availability, what was paid and is due, delays with their reason, new date and compensation, and the messages sent. No token header: the status token in the path is the credential.
         */
        get: operations["getCustomerOrderStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/order-status/{token}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the delay offer: cancel the order for a full refund, deposit included, while the offer is open */
        post: operations["cancelCustomerOrderForDelay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a shop may promise its shopper for a SKU: in stock, sold ahead on future supply, presale, or unavailable, with the dates
         * @description For the `<sellahead-promise>` widget: no token, any origin (`Access-Control-Allow-Origin: *`), cacheable for a few seconds. Computed as placing an order allocates; never says how many units or where.
         */
        get: operations["getShopperPromise"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every figure over the period (7, 30 or 90 days), for every channel or one, with daily series for charts */
        get: operations["getAnalyticsDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per channel: values shown by status, feed position, projector lag, deltas sent and webhook deliveries in the period
         * @description Definition: docs/analytics.md#channel-measures. A channel token gets only its own channel.
         */
        get: operations["getChannelMeasures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders, lines and units placed, and orders cancelled, per day */
        get: operations["getSalesFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/promise-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lines placed promised from stock, from future supply and from presale */
        get: operations["getPromiseSourceFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/on-time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lines shipped on or before their first promised ship date */
        get: operations["getOnTimeFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/backorders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open backorders now, by age since placement */
        get: operations["getBackorderFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/delays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delays announced and the compensation they granted */
        get: operations["getDelayFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/presale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Presale deposits paid, balances paid (conversion) and deposits forfeited */
        get: operations["getPresaleFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/fulfilment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fill rate (lines shipped in full from their first node), split rate, on-time delivery to the first promised day, pickup ready time (hours from payment to ready: mean, p50, p90), pickup expiry rate, dropship requests shipped (mean hours from request to shipped) and the share of their lines suppliers turned down */
        get: operations["getFulfilmentFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each supplier’s on-time, fill and QC pass rates (its scorecard) */
        get: operations["getSupplierFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units shipped, on-hand, inventory turnover and days of supply (shop-wide) */
        get: operations["getInventoryFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the channel shows now, per SKU and scope, with the feed position it is consistent with
         * @description Start here, then read `/changes` after `seq`: every value appears exactly once across the snapshot and the changes that follow it. Page with `cursor`; every page keeps the first page's `seq`.
         */
        get: operations["getChannelAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel}/availability/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed for the channel after a feed position, oldest first, each value the latest
         * @description Coalesced: a SKU that changed many times since `after` appears once, with its latest value. Resume from `lastSeq`.
         */
        get: operations["listChannelAvailabilityChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel}/availability/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The channel's availability changes as server-sent events, resumable with Last-Event-ID
         * @description Each event is `availability` with the value as data and its sequence number as id. Without Last-Event-ID or `after` the stream starts with every current value.
         */
        get: operations["streamChannelAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel}/exports/google-local-inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Local inventory for Google Merchant Center: each pickup store's availability, quantity and pickup SLA */
        get: operations["exportGoogleLocalInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel}/exports/shopify-inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inventory per SKU and location in Shopify's quantity names (available, on_hand, committed, reserved, damaged, safety_stock, incoming) */
        get: operations["exportShopifyInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints the caller manages (a channel: its own), in creation order */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Register a webhook endpoint: events from the outbox are POSTed to it, signed (Standard Webhooks); the secret is answered only now */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint (without its secret) */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Remove a webhook endpoint with its delivery log */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint’s URL, description, topics, or pause and resume it */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret, answered only now; the previous one keeps signing beside it for the grace period (default 24 h) */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log: each delivery with its status and every attempt (time, HTTP status, duration, error) */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one delivery again: back in the queue, due now, at the start of the retry schedule */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send every failed delivery of the endpoint again (optionally only those since an instant) */
        post: operations["replayFailedWebhookDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notification-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every notification template: each kind and language at the default level (shipped or the merchant’s), then each channel’s own */
        get: operations["listNotificationTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notification-templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a kind’s subject and body in one language, for every channel (the default level) or for one channel (`?channel=`) */
        put: operations["setNotificationTemplate"];
        post?: never;
        /** Remove a channel’s override (`?channel=`) or the merchant’s default-level text, in one language or all: the level below is used again */
        delete: operations["removeNotificationTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customers’ default language and how long before a payment deadline its reminder goes out */
        get: operations["getNotificationSettings"];
        /** Change the default language or the payment reminder’s lead (fields left out keep their value) */
        put: operations["setNotificationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s customer notifications (delay notices, promise improvements, payment reminders, balance-window notices) and where each is on its way to the notifier */
        get: operations["listOrderNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The routing profile in effect by default, and every channel’s own */
        get: operations["listRoutingProfiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing-profiles/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The routing profile a scope follows: the channel’s own, else the default */
        get: operations["getRoutingProfile"];
        /** Set a scope’s routing profile: validated, stored as its next version; orders placed from now on follow it */
        put: operations["setRoutingProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing-profiles/{channel}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A scope’s stored profile versions, newest first (at most 100) */
        get: operations["listRoutingProfileVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipping-zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Region centres, and transit days and cost between regions per service level */
        get: operations["getShippingZones"];
        /** Replace the shipping zones (validated); orders placed from now on use them */
        put: operations["setShippingZones"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/routing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the order was routed: every candidate node, the filter that removed it or its scores and rank, the plans compared and why the chosen one won */
        get: operations["getOrderRouting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/lifecycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shipment lifecycle table: which action is allowed from which status, and by whom */
        get: operations["getShipmentLifecycle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shipments, oldest first: a node’s work queue (a node user sees its own node’s, a channel its orders’) */
        get: operations["listShipments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a paid order to fulfilment by hand: a shipment per node for the open units no shipment covers
         * @description Shipments are made when an order is paid; this makes them again for units whose shipment was cancelled, or a line that was held.
         */
        post: operations["releaseOrderToFulfilment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One shipment with its lines and events (who did what, rejections with their reason, splits) */
        get: operations["getShipment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand the shipment to its node: it joins the node’s work queue */
        post: operations["releaseShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}/pick": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The node started picking */
        post: operations["startPickingShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}/pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Picked and packed, waiting for the carrier */
        post: operations["packShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand to the carrier: the stock is committed (one movement per line); shipping some lines or units splits the rest into a new shipment */
        post: operations["shipShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The carrier delivered: each order line whose every unit arrived gets its delivery day */
        post: operations["deliverShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel before shipping: the lines go back to the order, still holding their stock, to be released again or cancelled with the order */
        post: operations["cancelShipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The node cannot send a line (not found, damaged): it is re-routed to the next node and re-promised; a later date is a delay told to the customer */
        post: operations["rejectShipmentLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A packed pickup order is ready at the store: the customer is sent a pickup code (kept hashed) with its QR image, and the hold clock starts */
        post: operations["readyShipmentForPickup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand a pickup over at the counter against its code: the stock is committed and the lines delivered; some lines or units leave the rest ready
         * @description Every attempt is logged on the shipment (never the code or the name); after 5 wrong codes the pickup locks until the merchant resets it.
         */
        post: operations["collectPickup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{id}/reset-attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a pickup locked after too many wrong codes (the code stays the same) */
        post: operations["resetPickupAttempts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-portal/dropship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dropship requests, oldest first: the lines customers were promised that the supplier sends itself (a supplier sees its own) */
        get: operations["listDropshipRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-portal/dropship/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dropship request: its lines with the customer’s promised dates, and the parcel label’s address */
        get: operations["getDropshipRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-portal/dropship/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a dropship request: the supplier will send the lines to the customer itself */
        post: operations["acceptDropshipRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-portal/dropship/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Shipped with tracking: the units leave the supplier’s allowance (one movement per line); shipping some lines or units leaves the rest accepted in a new request */
        post: operations["shipDropshipRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-portal/dropship/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn down a dropship request, or some of its lines: each is re-routed to another node and re-promised, and a later date is a delay told to the customer */
        post: operations["rejectDropshipRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AnalyticsDashboard
         * @description Every figure at once. A channel token gets its own channel’s figures, without the shop-wide suppliers and inventory groups.
         */
        AnalyticsDashboard: {
            /** @description The period asked for */
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            channel: string | null;
            /** @description The last outbox event the rollups count */
            asOfEventId: number;
            /** @description The shop currency money figures (compensation) are counted in, minor units */
            currency: string;
            sales: components["schemas"]["SalesFigures"];
            promiseSources: components["schemas"]["PromiseSourceFigures"];
            onTime: components["schemas"]["OnTimeFigures"];
            backorders: components["schemas"]["BackorderFigures"];
            delays: components["schemas"]["DelayFigures"];
            presale: components["schemas"]["PresaleFigures"];
            fulfilment: components["schemas"]["FulfilmentFigures"];
            suppliers?: components["schemas"]["SupplierFigures"];
            inventory?: components["schemas"]["InventoryFigures"];
            /** @description Each group’s definition name (docs/analytics.md) */
            definitions: {
                [key: string]: string;
            };
        };
        /** Asn */
        Asn: {
            id: string;
            poId: string;
            supplierId: string;
            reference: string | null;
            carrier: string | null;
            tracking: string | null;
            eta: string;
            status: "in_transit" | "received" | "cancelled";
            createdBy: string;
            createdAt: string;
            receivedAt: string | null;
            cancelledAt: string | null;
            lines: {
                poLineId: string;
                quantity: number;
                quantityReceived: number;
            }[];
        };
        /** AvailabilityChanges */
        AvailabilityChanges: {
            items: components["schemas"]["ChannelAvailability"][];
            /** @description Pass as `after` next time; unchanged when nothing changed */
            lastSeq: number;
        };
        /** AvailabilitySnapshot */
        AvailabilitySnapshot: {
            /** @description The feed position this snapshot is consistent with: read changes after it */
            seq: number;
            items: components["schemas"]["ChannelAvailability"][];
            nextCursor: string | null;
        };
        /** BackorderFigures */
        BackorderFigures: {
            /**
             * @description The definition's name in docs/analytics.md (#open-backorders)
             * @enum {string}
             */
            definition: "open_backorders";
            totals: {
                lines: number;
                units: number;
                oldestDays: number | null;
            };
            /** @description Open backorders now, by whole days since placement */
            buckets: {
                label: string;
                fromDays: number;
                toDays: number | null;
                lines: number;
                units: number;
            }[];
        };
        /** BackordersAnswer */
        BackordersAnswer: {
            /** @description The period asked for */
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            channel: string | null;
            /** @description The last outbox event the rollups count */
            asOfEventId: number;
            /** @description The shop currency money figures (compensation) are counted in, minor units */
            currency: string;
            backorders: components["schemas"]["BackorderFigures"];
        };
        /** BulkReservationResult */
        BulkReservationResult: {
            lines: ({
                /** @enum {boolean} */
                ok: true;
                reservation: components["schemas"]["Reservation"];
            } | {
                /** @enum {boolean} */
                ok: false;
                code: string;
                detail: string;
            })[];
        };
        /** BulkReserveRequest */
        BulkReserveRequest: {
            lines: {
                /** @description Id or code */
                sku: string;
                /** @description Id or code */
                node: string;
                /** @description Units, a positive whole number */
                quantity: number;
            }[];
            /**
             * @description All lines or none (default); false decides each line alone
             * @default true
             */
            atomic: boolean;
            /** @description Released automatically after this many seconds unless committed */
            holdSeconds?: number;
            /** @description Id or code */
            channel?: string;
            /** @description The document behind the change (ASN, count sheet, order number…) */
            reference?: string;
        };
        /** Campaign */
        Campaign: {
            id: string;
            code: string;
            name: string;
            skuId: string;
            nodeId: string;
            currency: string;
            status: "draft" | "published" | "ended" | "cancelled";
            startsAt: string;
            endsAt: string;
            quota: number;
            perCustomerLimit: number | null;
            pricing: unknown;
            deposit: unknown;
            depositDeadlineMinutes: number;
            balanceWindowHours: number;
            shipDate: unknown;
            compensation: unknown;
            supplierId: string | null;
            unitsSold: number;
            quotaRemaining: number;
            currentUnitPrice: number;
            finalUnitPrice: number | null;
            endedAt: string | null;
            repricedAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        /** CampaignDemand */
        CampaignDemand: {
            skuId: string;
            nodeId: string;
            campaignIds: string[];
            unitsOrdered: number;
            stockAvailable: number;
            openSupply: number;
            shortfall: number;
            supplierId: string | null;
            minOrderQuantity: number;
            packSize: number;
            suggestedQuantity: number;
        };
        /** CancelShipmentRequest */
        CancelShipmentRequest: {
            /** @description Why, for the shipment’s events */
            reason?: string;
        };
        /** Channel */
        Channel: {
            id: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Merchant-chosen, unique: A–Z a–z 0–9 . _ - */
            code: string;
            name: string;
            kind: "web" | "app" | "pos" | "marketplace" | "wholesale";
            /** @description Nodes the channel sells from, by id or code (stored as ids) */
            nodeIds: string[];
            /** @description Units the channel leaves at each of its nodes, per SKU: its reservations, orders, availability and availability to promise all stop there */
            safetyBuffer: number;
            /** @description At or below this many sellable units the channel's availability shows `low_stock` ("only N left"); default 5 */
            lowStockThreshold: number;
            active: boolean;
        };
        /** ChannelAvailability */
        ChannelAvailability: {
            /** @description The SKU code */
            sku: string;
            skuId: string;
            /** @description `channel` (all the channel's nodes), `region:<region>` (its nodes in that region) or `store:<nodeId>` (pickup at that store) */
            scope: string;
            status: "in_stock" | "low_stock" | "backorder" | "presale" | "out_of_stock";
            /** @description Units the channel may sell now in this scope, after its safety buffer */
            quantity: number;
            onlyLeft: number | null;
            /** @description The earliest ship-by day a one-unit order placed now is promised; null when nothing can be promised */
            shipBy: string | null;
            /** @description Regions: the delivery day of that promise; stores: the day it is ready for pickup */
            deliverBy: string | null;
            campaign: string | null;
            /** @description The sequence number of the value's last change */
            seq: number;
            /** Format: date-time */
            changedAt: string;
        };
        /** ChannelMeasuresAnswer */
        ChannelMeasuresAnswer: {
            /**
             * @description The definition's name in docs/analytics.md (#channel-measures)
             * @enum {string}
             */
            definition: "channel_measures";
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** @description Age of the oldest committed change the availability projector has not yet taken into account; 0 when caught up */
            projectorLagSeconds: number;
            channels: {
                /** @description The channel's code */
                channel: string;
                name: string;
                /** @description Values the channel shows now, by status */
                availability: {
                    in_stock: number;
                    low_stock: number;
                    backorder: number;
                    presale: number;
                    out_of_stock: number;
                    /** @description Values (SKU × scope) the channel shows */
                    total: number;
                };
                /** @description The channel's latest feed sequence number */
                feedPosition: number;
                projectorLagSeconds: number;
                /** @description Availability changes sent to the channel in the period (availability.changed events) */
                deltas: number;
                webhooks: {
                    /** @description Deliveries that ended delivered in the period */
                    delivered: number;
                    /** @description Deliveries that ended failed in the period (after the last attempt, or a 410) */
                    failed: number;
                    successRate: number | null;
                    /** @description Deliveries waiting for an attempt or a retry now */
                    pending: number;
                    oldestUndeliveredAgeSeconds: number | null;
                };
            }[];
            /** @description Deliveries of staff endpoints (which hear every channel), apart from the channels' own; null for a channel token */
            staffWebhooks: {
                /** @description Deliveries that ended delivered in the period */
                delivered: number;
                /** @description Deliveries that ended failed in the period (after the last attempt, or a 410) */
                failed: number;
                successRate: number | null;
                /** @description Deliveries waiting for an attempt or a retry now */
                pending: number;
                oldestUndeliveredAgeSeconds: number | null;
            } | null;
        };
        /** CollectedPickup */
        CollectedPickup: {
            shipment: components["schemas"]["Shipment"];
            rest: components["schemas"]["Shipment"] | null;
        };
        /** CollectPickupRequest */
        CollectPickupRequest: {
            /** @description The 6-digit pickup code the customer shows (or its QR code, scanned) */
            code: string;
            /** @description The name of who collects, as given at the counter (sealed: personal data) */
            collectedBy: string;
            /** @description Hand over only these lines or units; the rest stays ready */
            lines?: {
                /** @description The order line number */
                lineNo: number;
                quantity: number;
            }[];
        };
        /** CompensationPolicy */
        CompensationPolicy: {
            /** @description One of none, coupon_per_day_late, percent_of_line_per_day */
            kind: string;
            /** @description coupon_per_day_late: coupon value per day late, minor units */
            perDayMinor?: number;
            /** @description coupon_per_day_late: most one line gets, minor units */
            capMinor?: number;
            /** @description percent_of_line_per_day: share of the line’s price per day late */
            percentPerDay?: number;
            /** @description percent_of_line_per_day: most one line gets, % of its price */
            capPercent?: number;
            /** @description Days late that earn nothing (default 0) */
            graceDays?: number;
        };
        /** CreateAsnRequest */
        CreateAsnRequest: {
            reference?: string;
            carrier?: string;
            tracking?: string;
            /**
             * Format: date
             * @description A calendar day, YYYY-MM-DD (UTC)
             */
            eta: string;
            lines: {
                /** @description Line id, or line number */
                line: string;
                quantity: number;
            }[];
        };
        /** CreateCampaignRequest */
        CreateCampaignRequest: {
            code: string;
            name?: string;
            /** @description Id or code */
            sku: string;
            /** @description Id or code */
            node: string;
            /** @description ISO 4217 code (default CNY) */
            currency?: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone
             */
            startsAt: string;
            /**
             * Format: date-time
             * @description An instant, ISO 8601 with a zone
             */
            endsAt: string;
            quota: number;
            perCustomerLimit?: number | null;
            pricing: components["schemas"]["PresalePricing"];
            deposit: components["schemas"]["Deposit"];
            /** @description Default 30 */
            depositDeadlineMinutes?: number;
            /** @description From the campaign end; default 72 */
            balanceWindowHours?: number;
            shipDate: components["schemas"]["PresaleShipDate"];
            compensation?: components["schemas"]["PresaleCompensation"] | null;
            supplier?: string | null;
        };
        /** CreatePurchaseOrderRequest */
        CreatePurchaseOrderRequest: {
            /** @description Id or code */
            supplier: string;
            /** @description Node id or code (a warehouse or store) */
            destination: string;
            /** @description Your own reference, unique per supplier */
            reference?: string;
            /**
             * Format: date
             * @description A calendar day, YYYY-MM-DD (UTC)
             */
            requestedDate?: string;
            notes?: string;
            receivingPolicy?: components["schemas"]["ReceivingPolicy"];
            lines: {
                /** @description Id or code */
                sku: string;
                quantity: number;
                /** @description Integer minor units (fen, cents) in the supplier currency */
                unitCost?: number;
                /**
                 * Format: date
                 * @description A calendar day, YYYY-MM-DD (UTC)
                 */
                requestedDate?: string;
            }[];
        };
        /** CreateSupplierRequest */
        CreateSupplierRequest: {
            /** @description Merchant-chosen, unique */
            code: string;
            name: string;
            contacts?: components["schemas"]["SupplierContact"][];
            /** @description ISO 4217; every PO with this supplier is in it */
            currency: string;
            /** @description Days */
            defaultLeadTimeDays: number;
            paymentTerms: components["schemas"]["PaymentTerms"];
            /** @description Ships straight to customers */
            dropship?: boolean;
            receivingPolicy?: {
                overReceiptTolerancePercent?: number;
                shortReceipt?: "keep_open" | "close_line";
                closeWithinPercent?: number;
            };
            active?: boolean;
        };
        /** CreateTokenRequest */
        CreateTokenRequest: {
            name: string;
            /** @description admin, ops, channel:<id or code>, store:<nodeId or code>, supplier:<id or code> or payments:<provider>; the channel, store or supplier must exist (422 unknown_channel, unknown_node, not_a_store, unknown_supplier) */
            role: string;
        };
        /** CustomerMessage */
        CustomerMessage: {
            id: string;
            orderId: string;
            customerId: string;
            kind: string;
            subject: string;
            body: string;
            createdAt: string;
            /** @description The notification sent for it and its delivery state; null until the notifications projector has taken it */
            notification: components["schemas"]["CustomerMessageNotification"] | null;
        };
        /** CustomerMessageNotification */
        CustomerMessageNotification: {
            id: string;
            kind: string;
            language: string;
            /** @description `pending`, `delivered`, `failed` or `no_endpoint` (docs/notifications.md) */
            state: string;
            createdAt: string;
        };
        /**
         * CustomerOrderStatus
         * @description One order as its customer sees it: no customer, channel or warehouse data
         */
        CustomerOrderStatus: {
            /** @description The order number */
            orderId: string;
            reference: string | null;
            status: "pending_payment" | "pending_deposit" | "deposit_paid" | "paid" | "shipped" | "delivered" | "cancelled";
            placedAt: string;
            updatedAt: string;
            currency: string;
            fulfilment: "ship" | "pickup";
            region: string | null;
            pickupAt: string | null;
            presale: boolean;
            promisedShipDate: string | null;
            promisedDeliveryDate: string | null;
            lines: components["schemas"]["OrderStatusLine"][];
            payment: components["schemas"]["OrderStatusPayment"];
            delays: components["schemas"]["OrderStatusDelay"][];
            /** @description A delay’s offer is open: POST …/cancel cancels for a full refund */
            canCancelForFullRefund: boolean;
            messages: {
                kind: string;
                subject: string;
                body: string;
                sentAt: string;
            }[];
        };
        /** DeclaredVirtualSupply */
        DeclaredVirtualSupply: {
            supplierId: string;
            skuId: string;
            nodeId: string;
            quantity: number;
            leadTimeDays: number;
            actor: string;
            declaredAt: string;
            /** @description The node's V bucket now: every supplier's declarations summed */
            virtualAtNode: number;
        };
        /** DelayCompensation */
        DelayCompensation: {
            /** @description `coupon` (re-promising), `presale_penalty` (a campaign’s own rule), or `none` */
            kind: string;
            /** @description Minor units (cents, fen) */
            amountMinor: number;
            currency: string;
            /** @description The policy kind that computed it */
            policy: string;
        };
        /** DelayFigures */
        DelayFigures: {
            /**
             * @description The definition's name in docs/analytics.md (#delays)
             * @enum {string}
             */
            definition: "delays";
            totals: {
                delays: number;
                /** @description Compensation granted, minor units of the shop currency */
                compensationMinor: number;
            };
            /** @description One entry per day of the period, oldest first */
            series: {
                /** Format: date */
                day: string;
                delays: number;
                compensationMinor: number;
            }[];
        };
        /** DelaysAnswer */
        DelaysAnswer: {
            /** @description The period asked for */
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            channel: string | null;
            /** @description The last outbox event the rollups count */
            asOfEventId: number;
            /** @description The shop currency money figures (compensation) are counted in, minor units */
            currency: string;
            delays: components["schemas"]["DelayFigures"];
        };
        /** DeliverShipmentRequest */
        DeliverShipmentRequest: {
            /**
             * Format: date-time
             * @description When the carrier delivered (now when absent); not in the future
             */
            deliveredAt?: string;
        };
        /** Deposit */
        Deposit: {
            /** @description Integer minor units (fen, cents) */
            perUnit?: number;
            rule: components["schemas"]["DepositRule"];
            inflation?: ({
                /** @enum {string} */
                kind: "multiplier";
                /** @description 1.5: a deposit of 10 counts as 15 */
                factor: number;
            } | {
                /** @enum {string} */
                kind: "credit";
                /** @description Integer minor units (fen, cents) */
                creditPerUnit: number;
            }) | null;
        };
        /** DepositRule */
        DepositRule: {
            /** @enum {string} */
            kind: "whole_amount_max_percent";
            /** @description A whole percentage */
            maxPercent: number;
            /** @description The deposit must be a multiple of this (default 100: whole yuan) */
            wholeUnit?: number;
        } | {
            /** @enum {string} */
            kind: "percent_range_exclusive";
            /** @description A whole percentage */
            minPercent: number;
            /** @description A whole percentage */
            maxPercent: number;
            minAmountExclusive?: number | null;
        } | {
            /** @enum {string} */
            kind: "fixed";
            /** @description Integer minor units (fen, cents) */
            amount: number;
        };
        /** DropshipLine */
        DropshipLine: {
            lineNo: number;
            skuId: string;
            skuCode: string;
            skuName: string;
            quantity: number;
            status: "open" | "rejected";
            /** @description The day the customer was promised this line ships */
            shipBy: string | null;
            /** @description The day the customer was promised it arrives */
            deliverBy: string | null;
        };
        /** DropshipRequest */
        DropshipRequest: {
            /** @description The shipment id */
            id: string;
            orderId: string;
            supplierId: string;
            /** @description The supplier’s dropship node */
            nodeId: string;
            status: "requested" | "accepted" | "shipped" | "delivered" | "cancelled";
            shipmentStatus: "created" | "released" | "accepted" | "picking" | "packed" | "ready_for_pickup" | "collected" | "expired" | "shipped" | "delivered" | "cancelled";
            lines: components["schemas"]["DropshipLine"][];
            shipTo: components["schemas"]["ShippingLabel"] | null;
            carrier: string | null;
            service: string | null;
            tracking: string | null;
            packages: components["schemas"]["ShipmentPackage"][];
            createdAt: string;
            updatedAt: string;
            shippedAt: string | null;
            deliveredAt: string | null;
        };
        /** EtaImpact */
        EtaImpact: {
            poId: string;
            lineId: string;
            lineNo: number;
            currentEta: string | null;
            /** Format: date */
            proposedEta: string;
            ordersDelayed: number;
            linesDelayed: number;
            unitsDelayed: number;
            /** @description The latest new ship date among delayed lines that keep one */
            latestNewShipBy: string | null;
            /** @description Delayed lines nothing else could date */
            linesWithoutNewDate: number;
            maxDaysLate: number | null;
            ordersImproved: number;
            linesImproved: number;
        };
        /** Event */
        Event: {
            id: number;
            topic: string;
            subject: string | null;
            /** @description The event's body; its shape depends on the topic */
            payload: unknown;
            /** Format: date-time */
            at: string;
        };
        /** FulfilmentAnswer */
        FulfilmentAnswer: {
            /** @description The period asked for */
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            channel: string | null;
            /** @description The last outbox event the rollups count */
            asOfEventId: number;
            /** @description The shop currency money figures (compensation) are counted in, minor units */
            currency: string;
            fulfilment: components["schemas"]["FulfilmentFigures"];
        };
        /** FulfilmentFigures */
        FulfilmentFigures: {
            /**
             * @description The definition's name in docs/analytics.md (#fulfilment)
             * @enum {string}
             */
            definition: "fulfilment";
            totals: {
                linesShipped: number;
                linesFilled: number;
                fillRate: number | null;
                ordersPlaced: number;
                ordersSplit: number;
                splitRate: number | null;
                linesDelivered: number;
                linesDeliveredPromised: number;
                linesDeliveredOnTime: number;
                deliveredOnTimeRate: number | null;
                /** @description Pickups made ready at their store in the period */
                pickupsReady: number;
                pickupReadyMeanHours: number | null;
                pickupReadyP50Hours: number | null;
                pickupReadyP90Hours: number | null;
                /** @description Pickups handed over at the counter in the period */
                pickupsCollected: number;
                /** @description Pickups that expired uncollected in the period */
                pickupsExpired: number;
                pickupExpiryRate: number | null;
                /** @description Dropship requests made in the period: shipments made for their order at a supplier’s dropship node */
                dropshipRequests: number;
                /** @description Lines of the dropship requests made in the period */
                dropshipLinesRequested: number;
                /** @description Dropship requests shipped in the period (each once, at its first shipment) */
                dropshipShipped: number;
                dropshipShipMeanHours: number | null;
                /** @description Lines suppliers turned down at their dropship nodes in the period */
                dropshipLinesTurnedDown: number;
                dropshipTurnDownRate: number | null;
            };
            /** @description One entry per day of the period, oldest first */
            series: {
                /** Format: date */
                day: string;
                fillRate: number | null;
                splitRate: number | null;
                deliveredOnTimeRate: number | null;
                linesDelivered: number;
                pickupsReady: number;
                pickupReadyMeanHours: number | null;
                pickupsCollected: number;
                pickupsExpired: number;
                pickupExpiryRate: number | null;
                dropshipRequests: number;
                dropshipLinesRequested: number;
                dropshipShipped: number;
                dropshipShipMeanHours: number | null;
                dropshipLinesTurnedDown: number;
                dropshipTurnDownRate: number | null;
            }[];
        };
        /** FulfilmentProfile */
        FulfilmentProfile: {
            /** @description IANA time zone of the cut-offs and the calendar, e.g. 'Asia/Shanghai' (default UTC) */
            timeZone: string;
            /** @description Per capability, the local time after which an order starts the next working day, e.g. { ship: '16:00' } */
            cutoffs: {
                [key: string]: string;
            };
            /** @description Days of the week without work: 0 Sunday … 6 Saturday */
            closedWeekdays: number[];
            /** @description Local dates the node is closed (holidays) */
            closedDates: string[];
            /** @description Per capability, the most order lines and units a day (null: no limit); a full day is not promised */
            capacity: {
                [key: string]: {
                    lines: number | null;
                    units: number | null;
                };
            };
            /** @description In minor units; routing adds it to shipping cost */
            pickPackCost: {
                perShipment: number;
                perUnit: number;
            };
            /** @description A pickup store: days a ready pickup waits to be collected before it expires (default 3) */
            pickupHoldDays: number;
        };
        /** FutureSupply */
        FutureSupply: {
            lines: components["schemas"]["SupplyLine"][];
            /** @description Per SKU × node, the supply added up in date order */
            ladder: {
                skuId: string;
                nodeId: string;
                steps: {
                    /** @description A day (YYYY-MM-DD); null when not known yet */
                    date: string | null;
                    confidence: "on_hand" | "shipped" | "confirmed" | "unconfirmed" | "virtual";
                    quantity: number;
                    /** @description Units expected by this step, this step included */
                    cumulative: number;
                }[];
            }[];
        };
        /** GoogleLocalInventory */
        GoogleLocalInventory: {
            items: {
                /** @description The store node's code */
                storeCode: string;
                /** @description The SKU code */
                offerId: string;
                availability: "IN_STOCK" | "LIMITED_AVAILABILITY" | "OUT_OF_STOCK";
                quantity: number;
                pickupMethod: "BUY" | "NOT_SUPPORTED";
                pickupSla: string | null;
            }[];
        };
        /** InventoryAnswer */
        InventoryAnswer: {
            /** @description The period asked for */
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            channel: string | null;
            /** @description The last outbox event the rollups count */
            asOfEventId: number;
            /** @description The shop currency money figures (compensation) are counted in, minor units */
            currency: string;
            inventory: components["schemas"]["InventoryFigures"];
        };
        /** InventoryFigures */
        InventoryFigures: {
            /**
             * @description The definition's name in docs/analytics.md (#inventory-turnover)
             * @enum {string}
             */
            definition: "inventory_turnover";
            totals: {
                unitsShipped: number;
                onHand: number | null;
                averageOnHand: number | null;
                turnover: number | null;
                daysOfSupply: number | null;
            };
            /** @description One entry per day of the period, oldest first */
            series: {
                /** Format: date */
                day: string;
                unitsShipped: number;
                onHand: number | null;
            }[];
        };
        /** Lock */
        Lock: {
            id: string;
            skuId: string;
            nodeId: string;
            quantity: number;
            reason: string;
            status: string;
            /** @description The channel the units are ring-fenced for; null for a plain lock. quantity is what is left of the fence */
            channelId: string | null;
            releaseAt: string | null;
            actor: string;
            createdAt: string;
            releasedAt: string | null;
        };
        /** LockRequest */
        LockRequest: {
            /** @description Id or code */
            sku: string;
            /** @description Id or code */
            node: string;
            /** @description Units, a positive whole number */
            quantity: number;
            reason: string;
            /**
             * Format: date-time
             * @description Released automatically at this time
             */
            releaseAt?: string;
            /** @description Ring-fence the units for this channel (id or code): locked for everyone else, sellable for it alone; its reservations and orders at the node take them first (the lock's quantity falls as they do, and at 0 it is released). Units those holds give back later return to general stock, not to the fence. */
            channel?: string;
        };
        /** Movement */
        Movement: {
            id: number;
            skuId: string;
            nodeId: string;
            kind: string;
            quantity: number;
            /** @description Requests this movement stands for (reservations are coalesced per batch) */
            requestCount: number;
            onHand: number;
            reserved: number;
            unsellable: number;
            locked: number;
            transferReserved: number;
            inTransit: number;
            virtual: number;
            reason: string | null;
            refType: string | null;
            refId: string | null;
            batchId: string;
            actor: string;
            /** Format: date-time */
            at: string;
        };
        /** Node */
        Node: {
            id: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Merchant-chosen, unique: A–Z a–z 0–9 . _ - */
            code: string;
            name: string;
            kind: "warehouse" | "store" | "dropship";
            /** @description Delivery region, e.g. 'east' */
            region: string;
            latitude: number | null;
            longitude: number | null;
            /** @description e.g. 'bopis', 'cold_chain' */
            capabilities: string[];
            handlingTimeHours: number;
            supplierId: string | null;
            fulfilment: components["schemas"]["FulfilmentProfile"];
            active: boolean;
        };
        /** NotificationDelivery */
        NotificationDelivery: {
            endpointId: string;
            /** @description `pending`, `delivered` or `failed` */
            status: string;
            attempts: number;
            lastHttpStatus: number | null;
        };
        /** NotificationSettings */
        NotificationSettings: {
            defaultLanguage: "zh-CN" | "en";
            /** @description How long before a payment deadline its reminder goes out (1–720) */
            paymentReminderLeadHours: number;
            /** @description A channel’s own default language, by channel id */
            channelLanguages: {
                [key: string]: "zh-CN" | "en";
            };
        };
        /** NotificationSettingsInput */
        NotificationSettingsInput: {
            defaultLanguage?: "zh-CN" | "en";
            paymentReminderLeadHours?: number;
            /** @description Channel (id or code) → its default language; replaces the whole map */
            channelLanguages?: {
                [key: string]: "zh-CN" | "en";
            };
        };
        /** NotificationTemplate */
        NotificationTemplate: {
            kind: "delay_notice" | "promise_improved" | "payment_reminder" | "balance_window_open" | "pickup_ready" | "pickup_reminder" | "pickup_expired" | "pickup_line_refunded";
            language: "zh-CN" | "en";
            channelId: string | null;
            subject: string;
            body: string;
            /** @description True: the merchant’s text (the default level’s or the channel’s own); false: Sellahead’s shipped text */
            overridden: boolean;
            /** @description The {{names}} this kind’s templates may use */
            placeholders: string[];
            updatedAt: string | null;
        };
        /** NotificationTemplateInput */
        NotificationTemplateInput: {
            language: "zh-CN" | "en";
            /** @description At most 200 characters; {{placeholders}} of the kind only */
            subject: string;
            /** @description At most 4000 characters; {{placeholders}} of the kind only */
            body: string;
        };
        /** OnTimeAnswer */
        OnTimeAnswer: {
            /** @description The period asked for */
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            channel: string | null;
            /** @description The last outbox event the rollups count */
            asOfEventId: number;
            /** @description The shop currency money figures (compensation) are counted in, minor units */
            currency: string;
            onTime: components["schemas"]["OnTimeFigures"];
        };
        /** OnTimeFigures */
        OnTimeFigures: {
            /**
             * @description The definition's name in docs/analytics.md (#on-time-to-promise)
             * @enum {string}
             */
            definition: "on_time_to_promise";
            totals: {
                linesShipped: number;
                linesPromised: number;
                linesOnTime: number;
                rate: number | null;
            };
            /** @description One entry per day of the period, oldest first */
            series: {
                /** Format: date */
                day: string;
                linesShipped: number;
                linesPromised: number;
                linesOnTime: number;
                rate: number | null;
            }[];
        };
        /** Order */
        Order: {
            id: string;
            channelId: string;
            customerId: string;
            campaignId: string | null;
            status: "pending_payment" | "pending_deposit" | "deposit_paid" | "paid" | "shipped" | "delivered" | "cancelled";
            currency: string;
            fulfilment: {
                method: string;
                region?: string;
                nodeId?: string;
            };
            paymentPlan: {
                kind: string;
                deposit?: number;
                depositCredit?: number;
                balance?: number;
                balanceFrom?: string | null;
                balanceBy?: string | null;
            };
            total: number;
            paid: number;
            refunded: number;
            /** @description Refunds decided but not yet reported as issued by the payment provider */
            refundDue: number;
            amountOwed: number;
            dueAt: string | null;
            reference: string | null;
            promisedShipDate: string | null;
            promisedDeliveryDate: string | null;
            riskNote: string | null;
            placedAt: string;
            updatedAt: string;
            lines: components["schemas"]["OrderLine"][];
            /** @description A pickup order (placing it and reading it): when it can be collected at the store, by the store’s pickup cut-off and working days */
            pickup?: {
                sla: ("same_day" | "next_day") | null;
                /**
                 * Format: date
                 * @description The store’s date every line can be collected
                 */
                readyBy: string;
            };
            /** @description The customer’s token for this one order (`ost_…`): read-only, except accepting a delay offer. Given at placement and on reading one order. */
            statusToken?: string;
            /** @description The customer’s order status page: hand it to the shopper (e-mail, order confirmation). The same link on every replay. */
            statusUrl?: string;
            shipTo?: components["schemas"]["ShipTo"];
            contact?: components["schemas"]["PickupContact"];
        };
        /** OrderDelay */
        OrderDelay: {
            id: string;
            orderId: string;
            lineNo: number;
            /** @description One of po_cancelled, quantity_cut, qc_failed, shortage, node_rejected, delivery_short, shipment_cancelled, transfer_cancelled, transfer_short, eta_moved, supply_overdue, transfer_delayed, supply_changed, or presale_not_shipped */
            cause: string;
            /** @description In plain words, as told to the customer */
            reason: string;
            oldShipBy: string | null;
            /** @description Null while there is no new date */
            newShipBy: string | null;
            /** @description Days the ship date moved; null without a new date */
            daysLate: number | null;
            compensation: components["schemas"]["DelayCompensation"];
            /** @description `open`: the customer may still cancel with a full refund, deposit included; `accepted`: they did; `resolved`: the line is back on its first promise, the offer ended (compensation stays given) */
            status: string;
            createdAt: string;
        };
        /** OrderEvent */
        OrderEvent: {
            id: number;
            kind: string;
            actor: string;
            detail: {
                [key: string]: unknown;
            };
            at: string;
        };
        /** OrderLine */
        OrderLine: {
            lineNo: number;
            skuId: string;
            nodeId: string;
            quantity: number;
            unitPrice: number;
            status: "open" | "shipped" | "cancelled";
            stockQuantity: number;
            unallocated: number;
            allocations: {
                source: string;
                kind: string;
                quantity: number;
                readyDate: string | null;
            }[];
            promisedShipDate: string | null;
            promisedDeliveryDate: string | null;
            firstPromisedShipDate: string | null;
            priorityClass: number;
            riskNote: string | null;
            /** @description Units shipped so far (by one shipment or several) */
            shippedQuantity: number;
            deliveredAt: string | null;
        };
        /** OrderNotification */
        OrderNotification: {
            id: string;
            orderId: string;
            channelId: string;
            customerId: string | null;
            kind: "delay_notice" | "promise_improved" | "payment_reminder" | "balance_window_open" | "pickup_ready" | "pickup_reminder" | "pickup_expired" | "pickup_line_refunded";
            language: "zh-CN" | "en";
            subject: string;
            body: string;
            /** @description What caused it: the customer message’s id, `due:<ms>` (a payment deadline) or `balance:<ms>` (a balance window) */
            trigger: string;
            messageId: string | null;
            /** @description Placeholders that had no value and rendered empty */
            missing: string[];
            /** @description `pending` (on its way, or waiting for the webhook fan-out), `delivered` (the notifier answered 2xx), `failed` (retries spent), `no_endpoint` (no webhook endpoint takes `notification.requested` for its channel) */
            state: string;
            deliveries: components["schemas"]["NotificationDelivery"][];
            createdAt: string;
        };
        /** OrderStatusDelay */
        OrderStatusDelay: {
            lineNo: number;
            /** @description The kind of cause (eta_moved, shortage, …) */
            cause: string;
            /** @description The cause in plain words, as told to the customer */
            reason: string;
            oldShipDate: string | null;
            newShipDate: string | null;
            daysLate: number | null;
            compensation: {
                /** @description `coupon`, `presale_penalty` or `none` */
                kind: string;
                /** @description Integer minor units of the order’s currency */
                amount: number;
                currency: string;
            };
            /** @description `open`, `accepted` (the customer cancelled) or `resolved` (back on the first promise) */
            status: string;
            /** @description The customer may still cancel for a full refund, deposit included */
            offerOpen: boolean;
            at: string;
        };
        /** OrderStatusLine */
        OrderStatusLine: {
            lineNo: number;
            /** @description The SKU’s code */
            sku: string;
            /** @description The SKU’s name */
            name: string;
            quantity: number;
            /** @description Integer minor units of the order’s currency */
            unitPrice: number;
            /** @description Integer minor units of the order’s currency */
            lineTotal: number;
            status: "open" | "shipped" | "cancelled";
            availability: "in_stock" | "backorder" | "presale";
            promisedShipDate: string | null;
            promisedDeliveryDate: string | null;
            firstPromisedShipDate: string | null;
            riskNote: string | null;
        };
        /** OrderStatusPayment */
        OrderStatusPayment: {
            plan: "full" | "deposit";
            /** @description Integer minor units of the order’s currency */
            total: number;
            /** @description Integer minor units of the order’s currency */
            paid: number;
            /** @description Integer minor units of the order’s currency */
            refunded: number;
            /** @description Refunds decided but not yet issued */
            refundDue: number;
            /** @description What is still to pay (0 once cancelled, shipped or delivered) */
            amountDue: number;
            dueAt: string | null;
            deposit: number | null;
            depositCredit: number | null;
            balance: number | null;
            balanceFrom: string | null;
            balanceBy: string | null;
        };
        /** Payment */
        Payment: {
            id: string;
            orderId: string;
            kind: "payment" | "deposit" | "balance" | "refund";
            amount: number;
            currency: string;
            provider: string;
            providerRef: string;
            actor: string;
            at: string;
        };
        /**
         * PaymentRequest
         * @description No card or account data: unknown fields are refused
         */
        PaymentRequest: {
            kind: "payment" | "deposit" | "balance" | "refund";
            /** @description Integer minor units */
            amount: number;
            /** @description ISO 4217 code */
            currency: string;
            /** @description The provider’s own id for this payment; reporting it again is a replay */
            providerRef: string;
        };
        /** PaymentTerms */
        PaymentTerms: {
            kind: "prepaid" | "on_delivery" | "net" | "instalments";
            days?: number | null;
            instalments?: number | null;
        };
        /**
         * Pickup
         * @description A pickup shipment once ready: never the code
         */
        Pickup: {
            state: "ready" | "collected" | "expired" | "closed";
            /** @description Codes entered at the counter so far (wrong and right) */
            attempts: number;
            /** @description Wrong codes left before the pickup locks */
            attemptsLeft: number;
            /** @description Locked after too many wrong codes: the merchant resets it */
            locked: boolean;
            readyAt: string;
            /** @description Not collected by then, it expires: stock back to sellable, refund due */
            expiresAt: string;
            remindedAt: string | null;
            endedAt: string | null;
        };
        /**
         * PickupContact
         * @description Who collects a pickup order. Personal data: staff and the order’s channel see all of it, the pickup store only the name.
         */
        PickupContact: {
            name: string;
            /** @description 6 to 15 digits, an optional leading + */
            phone?: string;
            email?: string;
        };
        /** PlaceOrderRequest */
        PlaceOrderRequest: {
            /** @description Id or code */
            channel?: string;
            /** @description The channel’s own customer id (no personal data) */
            customerId: string;
            /** @description ISO 4217 code */
            currency?: string;
            lines: {
                /** @description Id or code */
                sku: string;
                quantity: number;
                /** @description Integer minor units (fen, cents) */
                unitPrice: number;
                /** @description Id or code */
                node?: string;
            }[];
            fulfilment: {
                /** @enum {string} */
                method: "ship";
                region: string;
            } | {
                /** @enum {string} */
                method: "pickup";
                /** @description Id or code */
                nodeId: string;
            };
            reference?: string;
            /** @description A tier from the promising settings; sets the priority in re-promising */
            customerTier?: string;
            shipTo?: components["schemas"]["ShipTo"];
            contact?: components["schemas"]["PickupContact"];
        };
        /** Position */
        Position: {
            skuId: string;
            nodeId: string;
            onHand: number;
            reserved: number;
            unsellable: number;
            locked: number;
            transferReserved: number;
            inTransit: number;
            virtual: number;
            /** @description S = I − O − U − L + V − T; negative is a shortage */
            sellable: number;
            shortage: number;
        };
        /** PositionChange */
        PositionChange: {
            position: components["schemas"]["Position"];
            /** @description Units promised beyond what is there after this change */
            shortage: number;
        };
        /** PostalAddress */
        PostalAddress: {
            line1: string;
            line2?: string;
            city: string;
            /** @description State, province or prefecture */
            region?: string;
            postalCode?: string;
            /** @description ISO 3166-1 alpha-2, e.g. CN */
            country: string;
        };
        /** PresaleAnswer */
        PresaleAnswer: {
            /** @description The period asked for */
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            channel: string | null;
            /** @description The last outbox event the rollups count */
            asOfEventId: number;
            /** @description The shop currency money figures (compensation) are counted in, minor units */
            currency: string;
            presale: components["schemas"]["PresaleFigures"];
        };
        /** PresaleCompensation */
        PresaleCompensation: {
            /** @enum {string} */
            kind: "percent_of_deposit";
            percent: number;
        } | {
            /** @enum {string} */
            kind: "fixed";
            /** @description Integer minor units (fen, cents) */
            amount: number;
        };
        /** PresaleFigures */
        PresaleFigures: {
            /**
             * @description The definition's name in docs/analytics.md (#presale-conversion)
             * @enum {string}
             */
            definition: "presale_conversion";
            totals: {
                depositsPaid: number;
                balancesPaid: number;
                depositsForfeited: number;
                conversionRate: number | null;
                forfeitRate: number | null;
            };
            /** @description One entry per day of the period, oldest first */
            series: {
                /** Format: date */
                day: string;
                depositsPaid: number;
                balancesPaid: number;
                depositsForfeited: number;
            }[];
        };
        /** PresaleOrderRequest */
        PresaleOrderRequest: {
            /** @description The channel’s own customer id (no personal data) */
            customerId: string;
            quantity: number;
            /**
             * Format: date
             * @description A calendar day, YYYY-MM-DD (UTC)
             */
            shipDate?: string;
            /** @description Id or code */
            channel?: string;
            /** @description Delivery region; the campaign node’s region by default */
            region?: string;
            reference?: string;
            customerTier?: string;
            shipTo?: components["schemas"]["ShipTo"];
            /** @description Not allowed: presale orders take no normal promotions (refused with promotions_not_allowed) */
            promotions?: unknown;
            /** @description Not allowed: presale orders take no coupons (refused with promotions_not_allowed) */
            coupon?: unknown;
        };
        /** PresalePricing */
        PresalePricing: {
            /** @enum {string} */
            kind: "fixed";
            /** @description Integer minor units (fen, cents) */
            unitPrice: number;
        } | {
            /** @enum {string} */
            kind: "tiered";
            tiers: {
                fromUnits: number;
                /** @description Integer minor units (fen, cents) */
                unitPrice: number;
            }[];
        };
        /** PresaleShipDate */
        PresaleShipDate: {
            /** @enum {string} */
            mode: "fixed";
            /**
             * Format: date
             * @description A calendar day, YYYY-MM-DD (UTC)
             */
            day: string;
        } | {
            /** @enum {string} */
            mode: "after_balance";
            days: number;
        } | {
            /** @enum {string} */
            mode: "customer_chosen";
            /**
             * Format: date
             * @description A calendar day, YYYY-MM-DD (UTC)
             */
            earliest: string;
            /**
             * Format: date
             * @description A calendar day, YYYY-MM-DD (UTC)
             */
            latest: string;
        };
        /** PromiseSourceFigures */
        PromiseSourceFigures: {
            /**
             * @description The definition's name in docs/analytics.md (#promise-sources)
             * @enum {string}
             */
            definition: "promise_sources";
            totals: {
                stock: number;
                future: number;
                presale: number;
                stockShare: number | null;
                futureShare: number | null;
                presaleShare: number | null;
            };
            /** @description One entry per day of the period, oldest first */
            series: {
                /** Format: date */
                day: string;
                stock: number;
                future: number;
                presale: number;
            }[];
        };
        /** PromiseSourcesAnswer */
        PromiseSourcesAnswer: {
            /** @description The period asked for */
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            channel: string | null;
            /** @description The last outbox event the rollups count */
            asOfEventId: number;
            /** @description The shop currency money figures (compensation) are counted in, minor units */
            currency: string;
            promiseSources: components["schemas"]["PromiseSourceFigures"];
        };
        /** PromisingSettings */
        PromisingSettings: {
            paymentWindowMinutes: number;
            transitDays: {
                sameRegion: number;
                otherRegion: number;
            };
            customerTiers?: {
                [key: string]: number;
            };
            /** @description Supply past its date without arriving is expected this many days later (1–30, default 3), again each time that passes */
            overdueSupplyStepDays?: number;
        };
        /** PurchaseOrder */
        PurchaseOrder: {
            id: string;
            supplierId: string;
            destinationNodeId: string;
            reference: string | null;
            status: "draft" | "sent" | "confirmed" | "shipped" | "partially_received" | "received" | "closed" | "cancelled";
            currency: string;
            requestedDate: string | null;
            notes: string | null;
            receivingPolicy: components["schemas"]["ReceivingPolicy"];
            version: number;
            totals: {
                quantityOrdered: number;
                quantityOpen: number;
                quantityReceived: number;
                amountOrdered: number;
            };
            createdBy: string;
            createdAt: string;
            updatedAt: string;
            sentAt: string | null;
            closedAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            lines: components["schemas"]["PurchaseOrderLine"][];
            /** @description On reads: where the goods go, named, so a supplier (who cannot read the merchant’s nodes) knows where to ship */
            destination?: {
                code: string;
                name: string;
                region: string;
            };
        };
        /** PurchaseOrderEvent */
        PurchaseOrderEvent: {
            id: number;
            lineId: string | null;
            kind: string;
            actor: string;
            detail: {
                [key: string]: unknown;
            };
            at: string;
        };
        /** PurchaseOrderLine */
        PurchaseOrderLine: {
            id: string;
            lineNo: number;
            skuId: string;
            unitCost: number;
            status: "open" | "accepted" | "rejected" | "received" | "closed" | "cancelled";
            quantityOrdered: number;
            quantityAccepted: number | null;
            quantityOpen: number;
            quantityInTransit: number;
            quantityReceived: number;
            quantityOver: number;
            quantityPassed: number;
            quantityFailed: number;
            quantityCancelled: number;
            quantityCancelledBySupplier: number;
            requestedDate: string | null;
            confirmedEta: string | null;
            eta: string | null;
            etaChanges: number;
            firstReceiptAt: string | null;
            lastReceiptAt: string | null;
            /** @description Earliest date a customer was promised against this line */
            earliestCustomerPromiseDate: string | null;
        };
        /** ReadyPickup */
        ReadyPickup: {
            shipment: components["schemas"]["Shipment"];
        };
        /** Receipt */
        Receipt: {
            id: string;
            poId: string;
            asnId: string | null;
            supplierId: string;
            nodeId: string;
            actor: string;
            receivedAt: string;
            lines: {
                poLineId: string;
                skuId: string;
                quantityPassed: number;
                quantityFailed: number;
                failReason: string | null;
                quantityOver: number;
                quantityShort: number;
                lineClosed: boolean;
            }[];
        };
        /** ReceiptRequest */
        ReceiptRequest: {
            /** @description Receive this ASN: lines it names but the count leaves out arrived with nothing */
            asn?: string;
            lines: {
                /** @description Line id, or line number */
                line: string;
                quantityPassed: number;
                quantityFailed?: number;
                failReason?: string;
                /** @description Nothing more will come for this line */
                closeLine?: boolean;
            }[];
        };
        /** ReceivingPolicy */
        ReceivingPolicy: {
            overReceiptTolerancePercent: number;
            shortReceipt: "keep_open" | "close_line";
            closeWithinPercent: number;
        };
        /** RejectDropshipRequest */
        RejectDropshipRequest: {
            reason: "out_of_stock" | "damaged" | "cannot_ship";
            /** @description Only these lines; absent: every open line */
            lines?: number[];
            /** @description Why, for the request’s events */
            note?: string;
        };
        /** RejectedShipmentLine */
        RejectedShipmentLine: {
            shipment: components["schemas"]["Shipment"];
            rerouted: components["schemas"]["Shipment"] | null;
        };
        /** RejectShipmentLineRequest */
        RejectShipmentLineRequest: {
            /** @description The order line number */
            lineNo: number;
            reason: "not_found" | "damaged";
            /** @description What the node found, for the shipment’s events */
            note?: string;
        };
        /** Reservation */
        Reservation: {
            id: string;
            skuId: string;
            nodeId: string;
            quantity: number;
            status: "held" | "committed" | "released";
            channelId: string | null;
            reference: string | null;
            holdUntil: string | null;
            actor: string;
            createdAt: string;
            endedAt: string | null;
            endReason: string | null;
        };
        /** ReserveRequest */
        ReserveRequest: {
            /** @description Id or code */
            sku: string;
            /** @description Id or code */
            node: string;
            /** @description Units, a positive whole number */
            quantity: number;
            /** @description Released automatically after this many seconds unless committed */
            holdSeconds?: number;
            /** @description Id or code */
            channel?: string;
            /** @description The document behind the change (ASN, count sheet, order number…) */
            reference?: string;
        };
        /** RoutingDecision */
        RoutingDecision: {
            /** @description 1: the placement; later: re-routes */
            seq: number;
            cause: string;
            /** @description `routed`; `backorder` or `hold` when nothing passed the filters */
            outcome: string;
            /** Format: date-time */
            decidedAt: string;
            explanation: {
                profile: {
                    scope: string;
                    version: number;
                };
                capability: string;
                region: string | null;
                criteria: string[];
                /** @description Every candidate node once: the filter that removed it, or its scores and rank */
                candidates: {
                    node: string;
                    code: string;
                    removed: {
                        filter: string;
                        reason: string;
                        line?: number;
                    } | null;
                    lines: number[];
                    passedOver: {
                        filter: string;
                        reason: string;
                        line?: number;
                    }[];
                    scores: {
                        [key: string]: number | null;
                    } | null;
                    rank: number | null;
                }[];
                /** @description The plans compared, best first (at most five) */
                plans: {
                    shipments: {
                        node: string;
                        code: string;
                        lines: number[];
                    }[];
                    scores: {
                        [key: string]: number | null;
                    };
                }[];
                why: string;
                outcome: string;
            };
        };
        /** RoutingProfile */
        RoutingProfile: {
            /** @description Applied in order; `capability` always applies first */
            filters: {
                kind: "capability" | "in_region" | "capacity_left" | "available_within" | "priority_groups";
                days?: number | null;
                /** @description `priority_groups`: node groups, tried in order */
                groups?: string[][];
            }[];
            /** @description Plans are compared on these in order: the first difference wins */
            sort: {
                kind: "earliest_delivery" | "fewest_shipments" | "lowest_cost" | "distance" | "priority" | "most_stock";
                /** @description `priority`: nodes, best first */
                nodes?: string[];
            }[];
            maxSplits: number | null;
            splitPenalty: number;
            whenNothingFits: "backorder" | "hold" | "refuse";
            /** @description 'default' or a channel id */
            scope: string;
            /** @description 0: the built-in default, never stored */
            version: number;
            actor: string | null;
            createdAt: string | null;
        };
        /** RoutingProfileInput */
        RoutingProfileInput: {
            /** @description Applied in order; `capability` always applies first */
            filters: {
                kind: "capability" | "in_region" | "capacity_left" | "available_within" | "priority_groups";
                days?: number | null;
                /** @description `priority_groups`: node groups, tried in order */
                groups?: string[][];
            }[];
            /** @description Plans are compared on these in order: the first difference wins */
            sort: {
                kind: "earliest_delivery" | "fewest_shipments" | "lowest_cost" | "distance" | "priority" | "most_stock";
                /** @description `priority`: nodes, best first */
                nodes?: string[];
            }[];
            maxSplits?: number | null;
            /** @description Minor units added per extra shipment for `lowest_cost` */
            splitPenalty?: number;
            whenNothingFits?: "backorder" | "hold" | "refuse";
        };
        /** SalesAnswer */
        SalesAnswer: {
            /** @description The period asked for */
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            channel: string | null;
            /** @description The last outbox event the rollups count */
            asOfEventId: number;
            /** @description The shop currency money figures (compensation) are counted in, minor units */
            currency: string;
            sales: components["schemas"]["SalesFigures"];
        };
        /** SalesFigures */
        SalesFigures: {
            /**
             * @description The definition's name in docs/analytics.md (#sales)
             * @enum {string}
             */
            definition: "sales";
            totals: {
                orders: number;
                lines: number;
                units: number;
                ordersCancelled: number;
            };
            /** @description One entry per day of the period, oldest first */
            series: {
                /** Format: date */
                day: string;
                orders: number;
                lines: number;
                units: number;
                ordersCancelled: number;
            }[];
        };
        /** ScorecardPolicy */
        ScorecardPolicy: {
            windowDays: number;
            /** @description Days after the confirmed ETA that still count as on time */
            graceDays: number;
            thresholds: {
                grade: "A" | "B" | "C";
                onTimeRateMin: number;
                fillRateMin: number;
                qcPassRateMin: number;
            }[];
        };
        /** SellAheadPolicy */
        SellAheadPolicy: {
            kinds: string[];
            unconfirmedBufferDays: number;
            horizonDays: number;
            maxBeyondStock: number | null;
        };
        /** SellAheadPolicyAnswer */
        SellAheadPolicyAnswer: {
            skuId: string;
            channelId: string | null;
            /** @description The row stored at this level (the channel’s, or the SKU’s for every channel) */
            policy: components["schemas"]["SellAheadPolicy"] | null;
            effective: {
                source: "channel" | "sku" | "default";
                policy: components["schemas"]["SellAheadPolicy"];
            };
        };
        /** Session */
        Session: {
            tokenId: string;
            /** @description As the token was created: admin, ops, channel:<id>, store:<nodeId>, supplier:<id>, payments:<provider> */
            role: string;
            kind: "admin" | "ops" | "channel" | "store" | "warehouse" | "supplier" | "payments";
            /** @description The channel, store node, supplier or provider a scoped token belongs to; null for admin and ops */
            scopeId: string | null;
            /** @description That channel’s, store’s or supplier’s name, to greet the person signed in; null when there is none */
            scopeName: string | null;
        };
        /** ShipDropshipRequest */
        ShipDropshipRequest: {
            /** @description The carrier (SF, JD, EMS …) */
            carrier: string;
            /** @description The tracking number the customer follows */
            tracking: string;
            /** @description The carrier’s service level */
            service?: string;
            packages?: components["schemas"]["ShipmentPackage"][];
            /** @description Ship only these lines or units; the rest goes to a new shipment at the same node */
            lines?: {
                /** @description The order line number */
                lineNo: number;
                quantity: number;
            }[];
        };
        /** Shipment */
        Shipment: {
            id: string;
            orderId: string;
            channelId: string;
            nodeId: string;
            status: "created" | "released" | "accepted" | "picking" | "packed" | "ready_for_pickup" | "collected" | "expired" | "shipped" | "delivered" | "cancelled";
            splitFrom: string | null;
            carrier: string | null;
            service: string | null;
            tracking: string | null;
            packages: components["schemas"]["ShipmentPackage"][];
            lines: components["schemas"]["ShipmentLine"][];
            createdAt: string;
            updatedAt: string;
            shippedAt: string | null;
            deliveredAt: string | null;
            pickup: components["schemas"]["Pickup"] | null;
            shipTo: components["schemas"]["ShippingLabel"] | null;
        };
        /** ShipmentEvent */
        ShipmentEvent: {
            id: number;
            kind: string;
            actor: string;
            detail: {
                [key: string]: unknown;
            };
            at: string;
        };
        /** ShipmentLine */
        ShipmentLine: {
            lineNo: number;
            skuId: string;
            quantity: number;
            status: "open" | "rejected";
        };
        /** ShipmentPackage */
        ShipmentPackage: {
            /** @description The parcel’s label or number */
            reference: string;
            weightGrams?: number;
            /** @description The parcel’s own tracking number, when the carrier gives one per parcel */
            tracking?: string;
        };
        /** ShipmentWithEvents */
        ShipmentWithEvents: {
            id: string;
            orderId: string;
            channelId: string;
            nodeId: string;
            status: "created" | "released" | "accepted" | "picking" | "packed" | "ready_for_pickup" | "collected" | "expired" | "shipped" | "delivered" | "cancelled";
            splitFrom: string | null;
            carrier: string | null;
            service: string | null;
            tracking: string | null;
            packages: components["schemas"]["ShipmentPackage"][];
            lines: components["schemas"]["ShipmentLine"][];
            createdAt: string;
            updatedAt: string;
            shippedAt: string | null;
            deliveredAt: string | null;
            pickup: components["schemas"]["Pickup"] | null;
            shipTo: components["schemas"]["ShippingLabel"] | null;
            events: components["schemas"]["ShipmentEvent"][];
        };
        /** ShippedDropshipRequest */
        ShippedDropshipRequest: {
            request: components["schemas"]["DropshipRequest"];
            rest: components["schemas"]["DropshipRequest"] | null;
        };
        /** ShippedShipment */
        ShippedShipment: {
            shipment: components["schemas"]["Shipment"];
            rest: components["schemas"]["Shipment"] | null;
        };
        /**
         * ShippingLabel
         * @description What the parcel label needs (never the e-mail) of a ship order, while the shipment is to be sent or has just shipped; null before, after it is cancelled or delivered, and for pickups
         */
        ShippingLabel: {
            name: string;
            /** @description 6 to 15 digits, an optional leading + */
            phone?: string;
            address: components["schemas"]["PostalAddress"];
            latitude?: number;
            longitude?: number;
        };
        /** ShippingZones */
        ShippingZones: {
            /** @description Each region's centre, for distances when an order gives no coordinates */
            regions: {
                region: string;
                latitude: number;
                longitude: number;
            }[];
            zones: {
                /** @description Sending node's region, or '*' */
                from: string;
                /** @description Delivery region, or '*' */
                to: string;
                serviceLevel: string;
                transitDays: number;
                /** @description Per shipment, minor units */
                cost: number;
            }[];
        };
        /** ShipShipmentRequest */
        ShipShipmentRequest: {
            /** @description The carrier (SF, JD, EMS …) */
            carrier: string;
            /** @description The carrier’s service level */
            service?: string;
            /** @description The tracking number */
            tracking?: string;
            packages?: components["schemas"]["ShipmentPackage"][];
            /** @description Ship only these lines or units; the rest goes to a new shipment at the same node */
            lines?: {
                /** @description The order line number */
                lineNo: number;
                quantity: number;
            }[];
        };
        /**
         * ShipTo
         * @description Who a ship order goes to. Personal data: sealed at rest, never logged, shown only to staff and the order’s channel.
         */
        ShipTo: {
            name: string;
            /** @description 6 to 15 digits, an optional leading + */
            phone?: string;
            email?: string;
            address: components["schemas"]["PostalAddress"];
            latitude?: number;
            longitude?: number;
        };
        /** ShopifyInventory */
        ShopifyInventory: {
            items: {
                sku: string;
                /** @description The node code */
                location: string;
                /** @description Sellable through this channel now (after its safety buffer, with the stock ring-fenced for it) */
                available: number;
                on_hand: number;
                /** @description Held for orders and reservations (O) */
                committed: number;
                /** @description Set aside: locks (less the stock ring-fenced for this channel, which is available to it) and units reserved for transfers (L + T) */
                reserved: number;
                /** @description Unsellable (U) */
                damaged: number;
                /** @description The channel's safety buffer, as far as stock covers it */
                safety_stock: number;
                /** @description In transit to the node */
                incoming: number;
            }[];
        };
        /**
         * ShopperPromise
         * @description What a shop may show its shopper: dates and confidence, never quantities or locations
         */
        ShopperPromise: {
            kind: "in_stock" | "future_supply" | "presale" | "unavailable";
            /** @description YYYY-MM-DD: the server’s day (UTC) the dates count from */
            today: string;
            shipBy: string | null;
            deliverBy: string | null;
            confidence: ("high" | "medium" | "low") | null;
            waitingFor?: "supplier_confirmation" | "confirmed_supplier_delivery" | "delivery_in_transit" | "transfer_between_warehouses" | "supplier_stock";
            /** @description Presale: the deposit for the quantity, minor units of `currency` */
            deposit?: number;
            /** @description Presale: the price for the quantity at today’s tier, minor units */
            price?: number;
            currency?: string;
            campaign?: {
                code: string;
                name: string;
                endsAt: string;
            };
        };
        /** Sku */
        Sku: {
            id: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Merchant-chosen, unique: A–Z a–z 0–9 . _ - */
            code: string;
            name: string;
            /** @description Unit of measure (default 'each') */
            unit: string;
            barcode: string | null;
            /** @description Free-form attributes such as colour and size */
            attributes: {
                [key: string]: string;
            };
            active: boolean;
        };
        /** Supplier */
        Supplier: {
            id: string;
            /** @description Merchant-chosen, unique */
            code: string;
            name: string;
            contacts: {
                name: string;
                email: string | null;
                phone: string | null;
                role: string | null;
            }[];
            /** @description ISO 4217; every PO with this supplier is in it */
            currency: string;
            /** @description Days */
            defaultLeadTimeDays: number;
            paymentTerms: {
                kind: string;
                days: number | null;
                instalments: number | null;
            };
            /** @description Ships straight to customers */
            dropship: boolean;
            receivingPolicy: {
                overReceiptTolerancePercent: number;
                shortReceipt: string;
                closeWithinPercent: number;
            };
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** SupplierContact */
        SupplierContact: {
            name: string;
            email?: string | null;
            phone?: string | null;
            role?: string | null;
        };
        /** SupplierFigures */
        SupplierFigures: {
            /**
             * @description The definition's name in docs/analytics.md (#supplier-performance)
             * @enum {string}
             */
            definition: "supplier_performance";
            suppliers: {
                supplierId: string;
                code: string;
                name: string;
                windowDays: number;
                onTimeRate: number | null;
                fillRate: number | null;
                qcPassRate: number | null;
                grade: string | null;
            }[];
        };
        /** SupplierPortalLine */
        SupplierPortalLine: {
            poId: string;
            poReference: string | null;
            poStatus: "draft" | "sent" | "confirmed" | "shipped" | "partially_received" | "received" | "closed" | "cancelled";
            supplierId: string;
            destinationNodeId: string;
            lineId: string;
            lineNo: number;
            skuId: string;
            status: "open" | "accepted" | "rejected" | "received" | "closed" | "cancelled";
            quantityOrdered: number;
            quantityAccepted: number | null;
            quantityReceived: number;
            quantityOpen: number;
            quantityInTransit: number;
            /** @description The current ETA the supplier confirmed (null until confirmed) */
            eta: string | null;
            /** @description When the open units are expected: the ETA, else the requested date */
            expectedDate: string | null;
            confidence: "unconfirmed" | "confirmed" | "shipped";
            /** @description The earliest ship date a customer was promised against this line */
            earliestCustomerPromiseDate: string | null;
            /** @description Customer orders with units promised on this line (or its ASNs) */
            ordersWaiting: number;
            /** @description Units of those orders promised on this line */
            unitsWaiting: number;
        };
        /** SuppliersAnswer */
        SuppliersAnswer: {
            /** @description The period asked for */
            periodDays: number;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            channel: string | null;
            /** @description The last outbox event the rollups count */
            asOfEventId: number;
            /** @description The shop currency money figures (compensation) are counted in, minor units */
            currency: string;
            suppliers: components["schemas"]["SupplierFigures"];
        };
        /** SupplierScorecard */
        SupplierScorecard: {
            supplierId: string;
            windowDays: number;
            onTimeRate: number | null;
            fillRate: number | null;
            qcPassRate: number | null;
            etaChangesPerLine: number | null;
            leadTimeMeanDays: number | null;
            leadTimeStdDevDays: number | null;
            receiptLines: number;
            linesConfirmed: number;
            linesCompleted: number;
            unitsInspected: number;
            grade: ("A" | "B" | "C" | "D") | null;
            computedAt: string;
        };
        /** SupplierScorecardSnapshot */
        SupplierScorecardSnapshot: {
            id: number;
            supplierId: string;
            /**
             * Format: date-time
             * @description The window measured starts after this instant
             */
            periodStart: string;
            /**
             * Format: date-time
             * @description When the scorecard was computed: the window ends here
             */
            periodEnd: string;
            windowDays: number;
            onTimeRate: number | null;
            fillRate: number | null;
            qcPassRate: number | null;
            grade: ("A" | "B" | "C" | "D") | null;
        };
        /** SupplierSkuTerms */
        SupplierSkuTerms: {
            supplierId: string;
            skuId: string;
            supplierSkuCode: string | null;
            unitCost: number;
            minOrderQuantity: number;
            packSize: number;
            leadTimeDays: number | null;
            virtualCap: number;
            updatedAt: string;
        };
        /** SupplyLine */
        SupplyLine: {
            skuId: string;
            /** @description Where the supply arrives */
            nodeId: string;
            sourceType: "po_line" | "asn" | "transfer" | "virtual";
            /** @description PO line id, ASN id, transfer id, or the supplier id for virtual supply */
            sourceId: string;
            poId: string | null;
            poLineId: string | null;
            supplierId: string | null;
            quantity: number;
            /** @description A day (YYYY-MM-DD); null when not known yet */
            expectedDate: string | null;
            confidence: "on_hand" | "shipped" | "confirmed" | "unconfirmed" | "virtual";
        };
        /** Token */
        Token: {
            id: string;
            name: string;
            role: string;
            /** @description First characters of the secret, to recognise it */
            prefix: string;
            /** Format: date-time */
            createdAt: string;
            revokedAt: string | null;
        };
        /** Transfer */
        Transfer: {
            id: string;
            skuId: string;
            fromNodeId: string;
            toNodeId: string;
            quantity: number;
            status: string;
            quantityReceived: number | null;
            discrepancy: number | null;
            eta: string | null;
            carrier: string | null;
            tracking: string | null;
            actor: string;
            createdAt: string;
            shippedAt: string | null;
            receivedAt: string | null;
            cancelledAt: string | null;
        };
        /** TransferRequest */
        TransferRequest: {
            /** @description Id or code */
            sku: string;
            /** @description Id or code */
            from: string;
            /** @description Id or code */
            to: string;
            /** @description Units, a positive whole number */
            quantity: number;
            /** Format: date-time */
            eta?: string;
        };
        /** VirtualSupply */
        VirtualSupply: {
            supplierId: string;
            skuId: string;
            nodeId: string;
            quantity: number;
            leadTimeDays: number;
            actor: string;
            declaredAt: string;
        };
        /** WebhookDelivery */
        WebhookDelivery: {
            /** @description The webhook-id header: the same on every attempt */
            id: string;
            eventId: number;
            topic: string;
            subject: string | null;
            status: "pending" | "delivered" | "failed";
            nextAttemptAt: string | null;
            /** Format: date-time */
            createdAt: string;
            attempts: {
                /** Format: date-time */
                at: string;
                httpStatus: number | null;
                durationMs: number;
                error: string | null;
            }[];
        };
        /** WebhookEndpoint */
        WebhookEndpoint: {
            id: string;
            url: string;
            description: string;
            topics: string[];
            enabled: boolean;
            disabledReason: string | null;
            channel: string | null;
            previousSecretValidUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** WebhookEndpointWithSecret */
        WebhookEndpointWithSecret: {
            id: string;
            url: string;
            description: string;
            topics: string[];
            enabled: boolean;
            disabledReason: string | null;
            channel: string | null;
            previousSecretValidUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The signing secret (whsec_…): shown only now, at creation or rotation */
            secret: string;
        };
        /** @description An RFC 9457 problem. Branch on `code` (stable), never on `detail` (for people). Some codes add members with the facts (`errors` for invalid_request: every problem with the field it names). */
        Problem: {
            /** @description A URI naming the problem: `https://sellahead.dev/problems/<code>` */
            type: string;
            /** @description The code in words */
            title: string;
            /** @description The HTTP status */
            status: number;
            /** @description Stable machine-readable code; the operation lists those it can answer in `x-problem-codes` */
            code: string;
            /** @description What went wrong, for a person */
            detail: string;
            /** @description The request's path */
            instance?: string;
            /** @description With invalid_request: each value that failed validation */
            errors?: ({
                path?: string;
                message?: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: {
        /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before retrying */
        RetryAfter: number;
        /** @description `true` when this answer replays the result of an earlier call with the same Idempotency-Key */
        IdempotentReplayed: "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: list tokens (never their secrets) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Token"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "web shop",
                 *       "role": "channel:WEB"
                 *     }
                 */
                "application/json": components["schemas"]["CreateTokenRequest"];
            };
        };
        responses: {
            /** @description Created: create a token; the secret is returned once and stored only as a hash */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        info: components["schemas"]["Token"];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `invalid_role`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `not_a_store`, `not_a_warehouse`, `unknown_channel`, `unknown_node`, `unknown_supplier`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: who the bearer token is: its role and, for a scoped token, the channel, store or supplier it belongs to (the console signs in with it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: revoke a token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `token_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSkus: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
                /** @description Find SKUs whose code or name contains this text (any case; a prefix is a substring too) */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: list SKUs in id order, a page at a time; `q` finds SKUs whose code or name contains it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Sku"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSku: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "TEA-250",
                 *       "name": "Longjing green tea, 250 g",
                 *       "unit": "each",
                 *       "barcode": "6901234567892",
                 *       "attributes": {
                 *         "grade": "AAA"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description Merchant-chosen, unique: A–Z a–z 0–9 . _ - */
                    code: string;
                    name: string;
                    /** @description Unit of measure (default 'each') */
                    unit?: string;
                    barcode?: string | null;
                    /** @description Free-form attributes such as colour and size */
                    attributes?: {
                        [key: string]: string;
                    };
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Created: create a SKU */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sku"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_attributes`, `invalid_barcode`, `invalid_content_length`, `invalid_name`, `invalid_request`, `invalid_unit`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `duplicate_code`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSku: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: get a SKU by id or code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sku"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSku: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Merchant-chosen, unique: A–Z a–z 0–9 . _ - */
                    code?: string;
                    name?: string;
                    /** @description Unit of measure (default 'each') */
                    unit?: string;
                    barcode?: string | null;
                    /** @description Free-form attributes such as colour and size */
                    attributes?: {
                        [key: string]: string;
                    };
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description OK: change a SKU (only the fields sent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sku"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_attributes`, `invalid_barcode`, `invalid_content_length`, `invalid_name`, `invalid_request`, `invalid_unit`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `duplicate_code`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNodes: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: list the nodes this caller may see, in id order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Node"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createNode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "WH-EAST",
                 *       "name": "Hangzhou warehouse",
                 *       "kind": "warehouse",
                 *       "region": "east",
                 *       "latitude": 30.27,
                 *       "longitude": 120.16,
                 *       "capabilities": [
                 *         "ship",
                 *         "returns"
                 *       ],
                 *       "handlingTimeHours": 24,
                 *       "fulfilment": {
                 *         "timeZone": "Asia/Shanghai",
                 *         "cutoffs": {
                 *           "ship": "16:00"
                 *         },
                 *         "closedWeekdays": [
                 *           0
                 *         ],
                 *         "closedDates": [
                 *           "2030-02-03"
                 *         ],
                 *         "capacity": {
                 *           "ship": {
                 *             "lines": 5000,
                 *             "units": null
                 *           }
                 *         },
                 *         "pickPackCost": {
                 *           "perShipment": 300,
                 *           "perUnit": 50
                 *         }
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description Merchant-chosen, unique: A–Z a–z 0–9 . _ - */
                    code: string;
                    name: string;
                    kind: "warehouse" | "store" | "dropship";
                    /** @description Delivery region, e.g. 'east' */
                    region: string;
                    latitude?: number | null;
                    longitude?: number | null;
                    /** @description e.g. 'bopis', 'cold_chain' */
                    capabilities?: string[];
                    handlingTimeHours?: number;
                    supplierId?: string | null;
                    fulfilment?: {
                        /** @description IANA time zone of the cut-offs and the calendar, e.g. 'Asia/Shanghai' (default UTC) */
                        timeZone?: string;
                        /** @description Per capability, the local time after which an order starts the next working day, e.g. { ship: '16:00' } */
                        cutoffs?: {
                            [key: string]: string;
                        };
                        /** @description Days of the week without work: 0 Sunday … 6 Saturday */
                        closedWeekdays?: number[];
                        /** @description Local dates the node is closed (holidays) */
                        closedDates?: string[];
                        /** @description Per capability, the most order lines and units a day (null: no limit); a full day is not promised */
                        capacity?: {
                            [key: string]: {
                                lines: number | null;
                                units: number | null;
                            };
                        };
                        /** @description In minor units; routing adds it to shipping cost */
                        pickPackCost?: {
                            perShipment: number;
                            perUnit: number;
                        };
                        /** @description A pickup store: days a ready pickup waits to be collected before it expires (default 3) */
                        pickupHoldDays?: number;
                    };
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Created: create a stock node (warehouse, store or dropship supplier) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Node"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_coordinates`, `invalid_fulfilment_profile`, `invalid_name`, `invalid_region`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `duplicate_code`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                node: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: get a node by id or code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Node"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `node_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                node: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Merchant-chosen, unique: A–Z a–z 0–9 . _ - */
                    code?: string;
                    name?: string;
                    kind?: "warehouse" | "store" | "dropship";
                    /** @description Delivery region, e.g. 'east' */
                    region?: string;
                    latitude?: number | null;
                    longitude?: number | null;
                    /** @description e.g. 'bopis', 'cold_chain' */
                    capabilities?: string[];
                    handlingTimeHours?: number;
                    supplierId?: string | null;
                    fulfilment?: {
                        /** @description IANA time zone of the cut-offs and the calendar, e.g. 'Asia/Shanghai' (default UTC) */
                        timeZone?: string;
                        /** @description Per capability, the local time after which an order starts the next working day, e.g. { ship: '16:00' } */
                        cutoffs?: {
                            [key: string]: string;
                        };
                        /** @description Days of the week without work: 0 Sunday … 6 Saturday */
                        closedWeekdays?: number[];
                        /** @description Local dates the node is closed (holidays) */
                        closedDates?: string[];
                        /** @description Per capability, the most order lines and units a day (null: no limit); a full day is not promised */
                        capacity?: {
                            [key: string]: {
                                lines: number | null;
                                units: number | null;
                            };
                        };
                        /** @description In minor units; routing adds it to shipping cost */
                        pickPackCost?: {
                            perShipment: number;
                            perUnit: number;
                        };
                        /** @description A pickup store: days a ready pickup waits to be collected before it expires (default 3) */
                        pickupHoldDays?: number;
                    };
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description OK: change a node (only the fields sent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Node"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_coordinates`, `invalid_fulfilment_profile`, `invalid_name`, `invalid_region`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `node_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `duplicate_code`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChannels: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: list channels in id order (a channel token sees its own) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Channel"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "WEB",
                 *       "name": "Web shop",
                 *       "kind": "web",
                 *       "nodeIds": [
                 *         "WH-EAST"
                 *       ],
                 *       "safetyBuffer": 2
                 *     }
                 */
                "application/json": {
                    /** @description Merchant-chosen, unique: A–Z a–z 0–9 . _ - */
                    code: string;
                    name: string;
                    kind: "web" | "app" | "pos" | "marketplace" | "wholesale";
                    /** @description Nodes the channel sells from, by id or code (stored as ids) */
                    nodeIds?: string[];
                    /** @description Units the channel leaves at each of its nodes, per SKU: its reservations, orders, availability and availability to promise all stop there */
                    safetyBuffer?: number;
                    /** @description At or below this many sellable units the channel's availability shows `low_stock` ("only N left"); default 5 */
                    lowStockThreshold?: number;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Created: create a sales channel and the nodes it sells from */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_name`, `invalid_request`, `invalid_safety_buffer`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `duplicate_code`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `unknown_node`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: get a channel by id or code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Merchant-chosen, unique: A–Z a–z 0–9 . _ - */
                    code?: string;
                    name?: string;
                    kind?: "web" | "app" | "pos" | "marketplace" | "wholesale";
                    /** @description Nodes the channel sells from, by id or code (stored as ids) */
                    nodeIds?: string[];
                    /** @description Units the channel leaves at each of its nodes, per SKU: its reservations, orders, availability and availability to promise all stop there */
                    safetyBuffer?: number;
                    /** @description At or below this many sellable units the channel's availability shows `low_stock` ("only N left"); default 5 */
                    lowStockThreshold?: number;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description OK: change a channel (only the fields sent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_name`, `invalid_request`, `invalid_safety_buffer`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `duplicate_code`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `unknown_node`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Id or code */
                    sku: string;
                    /** @description Id or code */
                    node: string;
                    /** @description Units, a positive whole number */
                    quantity: number;
                    reason?: string;
                    /** @description The document behind the change (ASN, count sheet, order number…) */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description OK: receive units into on hand */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionChange"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `unknown_node`, `unknown_sku`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordStockCount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Id or code */
                    sku: string;
                    /** @description Id or code */
                    node: string;
                    /** @description Units physically found, including unsellable ones */
                    countedQuantity: number;
                    reason?: string;
                    /** @description The document behind the change (ASN, count sheet, order number…) */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description OK: record a stock count; less than promised is reported as a shortage, not refused */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionChange"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `unknown_node`, `unknown_sku`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adjustStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Id or code */
                    sku: string;
                    /** @description Id or code */
                    node: string;
                    /** @description Signed change to on hand, never 0 */
                    quantity: number;
                    reason: string;
                    /** @description The document behind the change (ASN, count sheet, order number…) */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description OK: adjust on hand by a signed quantity, with a reason */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionChange"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `adjustment_below_zero`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `unknown_node`, `unknown_sku`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markUnsellable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Id or code */
                    sku: string;
                    /** @description Id or code */
                    node: string;
                    /** @description Units, a positive whole number */
                    quantity: number;
                    reason?: string;
                    /** @description The document behind the change (ASN, count sheet, order number…) */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description OK: mark units unsellable (damaged, failed QC…) with a reason */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionChange"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `insufficient_on_hand`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `unknown_node`, `unknown_sku`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restoreUnsellable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Id or code */
                    sku: string;
                    /** @description Id or code */
                    node: string;
                    /** @description Units, a positive whole number */
                    quantity: number;
                    reason?: string;
                    /** @description The document behind the change (ASN, count sheet, order number…) */
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description OK: restore unsellable units to sellable */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionChange"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `insufficient_unsellable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `unknown_node`, `unknown_sku`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setVirtualStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Id or code */
                    sku: string;
                    /** @description Id or code */
                    node: string;
                    /** @description The allowance the supplier can deliver fast; replaces the previous one */
                    quantity: number;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK: set a node's virtual allowance (what the supplier can deliver fast); suppliers declare theirs through the supplier route */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionChange"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `unknown_node`, `unknown_sku`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPositions: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
                /** @description Id or code */
                sku?: string;
                /** @description Id or code */
                node?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: list positions, optionally for one SKU or node (cursor paginated) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Position"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `node_not_found`, `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPosition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id or code */
                sku: string;
                /** @description Id or code */
                node: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: one position: the seven buckets and sellable */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Position"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `node_not_found`, `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMovements: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path: {
                /** @description Id or code */
                sku: string;
                /** @description Id or code */
                node: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: movement history of a position, oldest first (cursor paginated) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Movement"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `node_not_found`, `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAvailability: {
        parameters: {
            query?: {
                region?: string;
            };
            header?: never;
            path: {
                /** @description Id or code */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: sellable now per node, per region and in total (a channel sees its own nodes, each less its safety buffer) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        skuId: string;
                        sellable: number;
                        byRegion: {
                            [key: string]: number;
                        };
                        byNode: {
                            nodeId: string;
                            nodeCode: string;
                            region: string;
                            sellable: number;
                        }[];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lockStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sku": "TEA-250",
                 *       "node": "WH-EAST",
                 *       "quantity": 5,
                 *       "reason": "Quality hold",
                 *       "releaseAt": "2030-01-01T00:00:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["LockRequest"];
            };
        };
        responses: {
            /** @description Created: lock units (promotion waves, channel ring-fencing), optionally until a time */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lock"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `insufficient_stock`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `channel_not_at_node`, `idempotency_key_reused`, `release_time_in_past`, `unknown_channel`, `unknown_node`, `unknown_sku`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: one lock */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lock"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `lock_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseLock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK: release a lock now */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lock"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `lock_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `lock_not_active`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reserveStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sku": "TEA-250",
                 *       "node": "WH-EAST",
                 *       "quantity": 2,
                 *       "holdSeconds": 900,
                 *       "channel": "WEB",
                 *       "reference": "cart-8812"
                 *     }
                 */
                "application/json": components["schemas"]["ReserveRequest"];
            };
        };
        responses: {
            /** @description Created: reserve units of one SKU at one node; acknowledged only once committed to the database */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `insufficient_stock`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `unknown_channel`, `unknown_node`, `unknown_sku`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reserveStockBulk: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "lines": [
                 *         {
                 *           "sku": "TEA-250",
                 *           "node": "WH-EAST",
                 *           "quantity": 1
                 *         },
                 *         {
                 *           "sku": "TEA-250",
                 *           "node": "WH-EAST",
                 *           "quantity": 3
                 *         }
                 *       ],
                 *       "atomic": true,
                 *       "holdSeconds": 900,
                 *       "channel": "WEB",
                 *       "reference": "cart-8813"
                 *     }
                 */
                "application/json": components["schemas"]["BulkReserveRequest"];
            };
        };
        responses: {
            /** @description Created: reserve up to 1,000 lines in one request, all or nothing (default) or line by line */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkReservationResult"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `insufficient_stock`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `unknown_channel`, `unknown_node`, `unknown_sku`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: one reservation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `reservation_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseReservation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK: release a held reservation (order cancelled) */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `reservation_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `reservation_not_held`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    commitReservation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK: commit a held reservation: the units ship and leave on hand */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reservation"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `reservation_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `insufficient_on_hand`, `reservation_expired`, `reservation_not_held`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sku": "TEA-250",
                 *       "from": "WH-EAST",
                 *       "to": "WH-EAST-2",
                 *       "quantity": 10,
                 *       "eta": "2030-01-05T09:00:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["TransferRequest"];
            };
        };
        responses: {
            /** @description Created: request a transfer: the units are set aside (T) at the origin */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `insufficient_stock`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `transfer_same_node`, `unknown_node`, `unknown_sku`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: one transfer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `transfer_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shipTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    carrier?: string;
                    tracking?: string;
                    /** Format: date-time */
                    eta?: string;
                };
            };
        };
        responses: {
            /** @description OK: ship: units leave the origin and are in transit (A) at the destination */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `transfer_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `insufficient_on_hand`, `transfer_not_shippable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    receivedQuantity: number;
                };
            };
        };
        responses: {
            /** @description OK: receive at the destination; any shortfall is recorded as a discrepancy */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `transfer_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `transfer_not_receivable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `received_more_than_shipped`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK: cancel a transfer that has not shipped */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `transfer_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `transfer_not_cancellable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeTransferEta: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description The new arrival day, YYYY-MM-DD (UTC)
                     */
                    eta: string;
                    /** @description Why the arrival moved */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK: report a new arrival day for a reserved or shipped transfer; orders promised on it are re-promised */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `transfer_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `transfer_not_open`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `eta_in_past`, `idempotency_key_reused`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSuppliers: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: list suppliers in id order (a supplier token sees itself) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Supplier"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "LONGJING-COOP",
                 *       "name": "Longjing tea cooperative",
                 *       "currency": "CNY",
                 *       "defaultLeadTimeDays": 14,
                 *       "paymentTerms": {
                 *         "kind": "net",
                 *         "days": 30
                 *       },
                 *       "contacts": [
                 *         {
                 *           "name": "Wang Fang",
                 *           "email": "orders@longjing.example",
                 *           "role": "orders"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateSupplierRequest"];
            };
        };
        responses: {
            /** @description Created: create a supplier (takes an Idempotency-Key) */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_contacts`, `invalid_content_length`, `invalid_currency`, `invalid_idempotency_key`, `invalid_name`, `invalid_payment_terms`, `invalid_receiving_policy`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `duplicate_code`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `idempotency_key_reused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: get a supplier by id or code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `supplier_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Merchant-chosen, unique */
                    code?: string;
                    name?: string;
                    contacts?: components["schemas"]["SupplierContact"][];
                    /** @description ISO 4217; every PO with this supplier is in it */
                    currency?: string;
                    /** @description Days */
                    defaultLeadTimeDays?: number;
                    paymentTerms?: components["schemas"]["PaymentTerms"];
                    /** @description Ships straight to customers */
                    dropship?: boolean;
                    receivingPolicy?: {
                        overReceiptTolerancePercent?: number;
                        shortReceipt?: "keep_open" | "close_line";
                        closeWithinPercent?: number;
                    };
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description OK: change a supplier (only the fields sent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_contacts`, `invalid_content_length`, `invalid_currency`, `invalid_name`, `invalid_payment_terms`, `invalid_receiving_policy`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `supplier_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `duplicate_code`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplierSkuTerms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the supplier's terms for one SKU */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierSkuTerms"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `sku_terms_not_found`, `supplier_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setSupplierSkuTerms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    supplierSkuCode?: string | null;
                    /** @description Minor units of the supplier's currency */
                    unitCost: number;
                    minOrderQuantity?: number;
                    /** @description Order in multiples of this */
                    packSize?: number;
                    leadTimeDays?: number | null;
                    /** @description Most virtual units the supplier may declare for this SKU, over all nodes */
                    virtualCap?: number;
                };
            };
        };
        responses: {
            /** @description OK: set the supplier's terms for a SKU (replaces them whole) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierSkuTerms"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `invalid_supplier_sku_code`, `invalid_unit_cost`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `sku_not_found`, `supplier_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `virtual_cap_below_declared`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSupplierSkuTerms: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: list the supplier's SKU terms in SKU id order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SupplierSkuTerms"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `supplier_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declareVirtualSupply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                sku: string;
                node: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Units the supplier can deliver fast; replaces its previous declaration, 0 withdraws it */
                    quantity: number;
                    /** @description Days */
                    leadTimeDays: number;
                };
            };
        };
        responses: {
            /** @description OK: declare what the supplier can deliver fast of a SKU at a node (its dropship node or a warehouse); sets the node's virtual bucket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeclaredVirtualSupply"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `node_not_found`, `sku_not_found`, `supplier_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `node_not_allowed_for_virtual`, `supplier_inactive`, `virtual_above_cap`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSupplierVirtualSupply: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
                sku?: string;
                node?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the supplier's virtual-supply declarations, by SKU and node */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VirtualSupply"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `supplier_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVirtualSupply: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
                sku?: string;
                node?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: every supplier's virtual-supply declarations, optionally for one SKU or node */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VirtualSupply"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplierScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: on-time, fill and QC pass rates, ETA changes, lead time and grade over the policy window */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierScorecard"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `supplier_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSupplierScorecardHistory: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the scorecard at every recompute, newest first: period, rates and grade (the trend) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SupplierScorecardSnapshot"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `supplier_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recomputeSupplierScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: recompute the scorecard now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierScorecard"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `supplier_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScorecardPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the scorecard policy: window, grace days, grade thresholds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorecardPolicy"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setScorecardPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScorecardPolicy"];
            };
        };
        responses: {
            /** @description OK: replace the scorecard policy (scorecards follow on their next read) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorecardPolicy"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `invalid_scorecard_policy`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Return events after this id (the nextCursor of the previous page); 0 or absent: from the beginning */
                after?: string;
                /** @description Comma-separated topics (`supply.changed`) or prefixes ending in '.' (`supply.`) */
                topic?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: events from the outbox in commit order, resumable from a cursor (inventory.shortage, supply.changed, …) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Event"][];
                        /** @description Pass as `after` to continue; unchanged when there is nothing new */
                        nextCursor: number;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_limit`, `invalid_request`, `invalid_topic`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description Resume after this event id when there is no Last-Event-ID header; absent: only events from now on */
                after?: string;
                /** @description Comma-separated topics (`supply.changed`) or prefixes ending in '.' (`supply.`) */
                topic?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`, `invalid_topic`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFutureSupply: {
        parameters: {
            query?: {
                /** @description Id or code */
                sku?: string;
                /** @description Id or code */
                node?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: future supply of a SKU and/or at a node: open PO lines, ASNs in transit, transfers and virtual supply, dated, with a time-phased ladder */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FutureSupply"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `filter_required`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `node_not_found`, `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPurchaseOrderLifecycle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the lifecycle table: which action is allowed from which status, and by whom */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPurchaseOrders: {
        parameters: {
            query?: {
                /** @description Id or code */
                supplier?: string;
                status?: "draft" | "sent" | "confirmed" | "shipped" | "partially_received" | "received" | "closed" | "cancelled";
                /** @description Id or code */
                node?: string;
                /** @description Id or code */
                sku?: string;
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: purchase orders, newest first (a supplier sees its own sent orders) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PurchaseOrder"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPurchaseOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "supplier": "LONGJING-COOP",
                 *       "destination": "WH-EAST",
                 *       "reference": "PO-2030-001",
                 *       "requestedDate": "2030-02-01",
                 *       "lines": [
                 *         {
                 *           "sku": "TEA-250",
                 *           "quantity": 200,
                 *           "unitCost": 4500
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreatePurchaseOrderRequest"];
            };
        };
        responses: {
            /** @description Created: create a draft purchase order */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `duplicate_reference`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `below_minimum_order_quantity`, `idempotency_key_reused`, `invalid_destination`, `not_a_pack_multiple`, `requested_date_in_past`, `supplier_inactive`, `unit_cost_required`, `unknown_node`, `unknown_sku`, `unknown_supplier`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: one purchase order with its lines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reference?: string | null;
                    requestedDate?: string | null;
                    notes?: string | null;
                    receivingPolicy?: components["schemas"]["ReceivingPolicy"];
                    lines?: {
                        /** @description Id or code */
                        sku: string;
                        quantity: number;
                        /** @description Integer minor units (fen, cents) in the supplier currency */
                        unitCost?: number;
                        /**
                         * Format: date
                         * @description A calendar day, YYYY-MM-DD (UTC)
                         */
                        requestedDate?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK: change a draft (lines are replaced when given) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `duplicate_reference`, `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `below_minimum_order_quantity`, `not_a_pack_multiple`, `requested_date_in_past`, `unit_cost_required`, `unknown_sku`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: send a draft to the supplier */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK: cancel the whole order (nothing shipped or received yet) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `asn_in_transit`, `illegal_transition`, `po_has_receipts`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closePurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK: close: whatever is still open will not come */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `asn_in_transit`, `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        /** @description Line id, or line number */
                        line: string;
                        quantityAccepted: number;
                        /**
                         * Format: date
                         * @description A calendar day, YYYY-MM-DD (UTC)
                         */
                        eta?: string;
                        reason?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK: answer open lines: accepted quantity (0 rejects) and ETA */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `line_not_found`, `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `line_already_answered`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `accepted_above_ordered`, `duplicate_line`, `eta_in_past`, `eta_required`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePurchaseOrderLineEta: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                line: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description A calendar day, YYYY-MM-DD (UTC)
                     */
                    eta: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK: move an accepted line’s ETA, with the reason */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `line_not_found`, `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `line_not_accepted`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `eta_in_past`, `eta_unchanged`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelPurchaseOrderLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                line: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quantity?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK: cancel (buyer) or cut (supplier) open units of a line; all of them without a quantity */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrder"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `line_not_found`, `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `nothing_to_cancel`, `quantity_in_transit`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAsns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the order’s ASNs, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Asn"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAsn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reference": "ASN-77",
                 *       "carrier": "SF Express",
                 *       "tracking": "SF1234567890",
                 *       "eta": "2030-01-28",
                 *       "lines": [
                 *         {
                 *           "line": "1",
                 *           "quantity": 100
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateAsnRequest"];
            };
        };
        responses: {
            /** @description Created: advance ship notice: what left the supplier and when it arrives */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asn"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `line_not_found`, `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `line_not_accepted`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `asn_exceeds_open_quantity`, `duplicate_line`, `eta_in_past`, `idempotency_key_reused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelAsn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                asn: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK: withdraw an ASN that will not arrive; its units are open again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asn"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `asn_not_found`, `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `asn_not_in_transit`, `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPurchaseOrderReceipts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the order’s receipts with inspection results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Receipt"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receivePurchaseOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "lines": [
                 *         {
                 *           "line": "1",
                 *           "quantityPassed": 98,
                 *           "quantityFailed": 2,
                 *           "failReason": "Torn packaging"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ReceiptRequest"];
            };
        };
        responses: {
            /** @description Created: receive and inspect goods: passed units on hand, failed units unsellable with the reason */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `asn_not_found`, `line_not_found`, `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `asn_in_transit`, `asn_not_in_transit`, `illegal_transition`, `receive_against_asn`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `duplicate_line`, `fail_reason_required`, `idempotency_key_reused`, `line_not_on_asn`, `no_lines`, `over_receipt_above_tolerance`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPurchaseOrderTimeline: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: everything that happened to the order: who, what, when */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PurchaseOrderEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSupplierPortalLines: {
        parameters: {
            query?: {
                /** @description Id or code */
                supplier?: string;
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: open PO lines, most urgent first: by the earliest customer promise that depends on each, lines nobody waits on last */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SupplierPortalLine"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewPurchaseOrderLineEta: {
        parameters: {
            query: {
                /** @description A calendar day, YYYY-MM-DD (UTC) */
                eta: string;
            };
            header?: never;
            path: {
                id: string;
                line: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: before moving a line’s ETA: how many customer promises the move would delay, decided as the move would be */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EtaImpact"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `line_not_found`, `purchase_order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `line_not_accepted`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `eta_in_past`, `eta_unchanged`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSellAheadPolicy: {
        parameters: {
            query?: {
                /** @description Id or code */
                channel?: string;
            };
            header?: never;
            path: {
                /** @description Id or code */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the SKU’s sell-ahead policy (for every channel, or ?channel=), and the policy in effect there */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellAheadPolicyAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`, `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setSellAheadPolicy: {
        parameters: {
            query?: {
                /** @description Id or code */
                channel?: string;
            };
            header?: never;
            path: {
                /** @description Id or code */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Supply that may be sold: stock, transfer, po_confirmed, po_unconfirmed, virtual, presale */
                    kinds: string[];
                    /** @description Days added to an unconfirmed PO line’s requested date (only with po_unconfirmed) */
                    unconfirmedBufferDays?: number;
                    /** @description No promise later than today + this many days (0–365) */
                    horizonDays: number;
                    /** @description Most units promised against future supply at one node; null: no cap */
                    maxBeyondStock?: number | null;
                };
            };
        };
        responses: {
            /** @description OK: set what the SKU may be sold against and how far ahead (for every channel, or only ?channel=) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellAheadPolicyAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`, `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `buffer_without_unconfirmed`, `duplicate_supply_kind`, `invalid_horizon`, `invalid_max_beyond_stock`, `invalid_unconfirmed_buffer`, `no_supply_kinds`, `stock_required`, `unknown_supply_kind`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeSellAheadPolicy: {
        parameters: {
            query?: {
                /** @description Id or code */
                channel?: string;
            };
            header?: never;
            path: {
                /** @description Id or code */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: remove the SKU’s policy (or only the channel’s override) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellAheadPolicyAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`, `policy_not_found`, `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPromisingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: payment window, transit days by region, customer tiers and how overdue supply is dated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromisingSettings"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setPromisingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PromisingSettings"];
            };
        };
        responses: {
            /** @description OK: change the promising settings (validated; applies to orders placed from now on) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromisingSettings"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `invalid_promising_settings`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAvailableToPromise: {
        parameters: {
            query: {
                /** @description Id or code */
                sku: string;
                /** @description Id or code */
                channel?: string;
                region?: string;
                quantity?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: units that can be promised by date through a channel, and the dates for a quantity */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_quantity`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`, `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `channel_required`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrderDelays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the order’s delays: cause, old and new ship date, compensation, and whether it may still be cancelled for a full refund */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OrderDelay"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrderMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: what the customer was told about the order, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CustomerMessage"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCompensationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: how a delay is compensated: none, a coupon per day late, or a share of the line per day late; capped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompensationPolicy"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setCompensationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompensationPolicy"];
            };
        };
        responses: {
            /** @description OK: replace the compensation policy (delays from now on follow it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompensationPolicy"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `invalid_compensation_policy`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderLifecycle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the order lifecycle table: which action is allowed from which status, and by whom */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Id or code */
                channel?: string;
                status?: "pending_payment" | "pending_deposit" | "deposit_paid" | "paid" | "shipped" | "delivered" | "cancelled";
                customer?: string;
                /** @description true: only orders with a delay record; false: only orders without one */
                delayed?: "true" | "false";
                /** @description true: only presale (campaign) orders; false: only the others */
                presale?: "true" | "false";
                /** @description Placed on or after this day (YYYY-MM-DD, UTC) */
                placedFrom?: string;
                /** @description Placed on or before this day (YYYY-MM-DD, UTC) */
                placedTo?: string;
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: orders, newest first (a channel sees its own) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Order"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    placeOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "channel": "WEB",
                 *       "customerId": "cust-1001",
                 *       "currency": "CNY",
                 *       "reference": "web-1001",
                 *       "lines": [
                 *         {
                 *           "sku": "TEA-250",
                 *           "quantity": 2,
                 *           "unitPrice": 9900
                 *         }
                 *       ],
                 *       "fulfilment": {
                 *         "method": "ship",
                 *         "region": "east"
                 *       },
                 *       "shipTo": {
                 *         "name": "Chen Jing",
                 *         "phone": "+86 138 0000 0000",
                 *         "email": "chen.jing@example.com",
                 *         "address": {
                 *           "line1": "1 Example Road",
                 *           "city": "Shanghai",
                 *           "postalCode": "200000",
                 *           "country": "CN"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PlaceOrderRequest"];
            };
        };
        responses: {
            /** @description Created: place an order: each line is allocated to stock, then future supply in date order, and holds it until the payment deadline */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `idempotency_key_required`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `insufficient_stock`, `insufficient_supply`, `no_route`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `channel_inactive`, `channel_required`, `contact_method_mismatch`, `coordinates_incomplete`, `idempotency_key_reused`, `invalid_email`, `invalid_phone`, `no_nodes`, `node_not_pickup`, `total_too_large`, `unknown_channel`, `unknown_currency`, `unknown_customer_tier`, `unknown_node`, `unknown_sku`, `value_not_storable`, `zero_total`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: one order: lines with their allocations, promised dates, risk, what is owed, and the customer’s contact as far as the caller may see it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderTimeline: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: everything that happened to the order: who, what, when */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OrderEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                    /** @description Accept an open delay’s offer: cancel with a full refund, deposit included */
                    acceptDelayOffer?: boolean;
                };
            };
        };
        responses: {
            /** @description OK: cancel before shipping: unpaid is free; paid is refunded in full; a paid deposit is forfeited unless a delay offer is open */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `no_delay_offer`, `order_partly_shipped`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shipOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    carrier?: string;
                    tracking?: string;
                };
            };
        };
        responses: {
            /** @description OK: ship the order: every unit must be held as stock and on hand */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `not_ready_to_ship`, `order_refunded`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deliverOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the carrier delivered, or the shopper collected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPayments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the order’s payments and refunds, oldest first (a provider sees its own) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Payment"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description No card or account data: unknown fields are refused */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "payment",
                 *       "amount": 19800,
                 *       "currency": "CNY",
                 *       "providerRef": "alipay-2030-0001"
                 *     }
                 */
                "application/json": components["schemas"]["PaymentRequest"];
            };
        };
        responses: {
            /** @description Created: report a payment, deposit, balance or refund (payment providers); idempotent on the provider’s reference */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `balance_window_not_open`, `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `amount_mismatch`, `currency_mismatch`, `idempotency_key_reused`, `payment_plan_mismatch`, `refund_exceeds_paid`, `refund_exceeds_provider_payments`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCampaigns: {
        parameters: {
            query?: {
                status?: "draft" | "published" | "ended" | "cancelled";
                /** @description Id or code */
                sku?: string;
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: campaigns, newest first (channels see those not in draft) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Campaign"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "TEA-SPRING",
                 *       "name": "First spring harvest",
                 *       "sku": "TEA-250",
                 *       "node": "WH-EAST",
                 *       "currency": "CNY",
                 *       "startsAt": "2030-03-01T00:00:00Z",
                 *       "endsAt": "2030-03-10T00:00:00Z",
                 *       "quota": 500,
                 *       "perCustomerLimit": 4,
                 *       "pricing": {
                 *         "kind": "fixed",
                 *         "unitPrice": 12800
                 *       },
                 *       "deposit": {
                 *         "perUnit": 2000,
                 *         "rule": {
                 *           "kind": "whole_amount_max_percent",
                 *           "maxPercent": 20
                 *         }
                 *       },
                 *       "shipDate": {
                 *         "mode": "fixed",
                 *         "day": "2030-04-01"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateCampaignRequest"];
            };
        };
        responses: {
            /** @description Created: create a draft presale campaign; every rule is checked as a whole */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `campaign_code_taken`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `deposit_above_limit`, `deposit_below_limit`, `deposit_credit_above_price`, `deposit_credit_below_deposit`, `deposit_not_below_price`, `deposit_not_fixed_amount`, `deposit_not_whole_amount`, `deposit_required`, `invalid_compensation`, `invalid_deposit`, `invalid_deposit_rule`, `invalid_inflation`, `invalid_pricing`, `invalid_ship_date`, `invalid_tiers`, `invalid_window`, `ship_date_before_end`, `total_too_large`, `unknown_currency`, `unknown_node`, `unknown_sku`, `unknown_supplier`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignLifecycle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the campaign lifecycle table: which action is allowed from which status, and the status it leads to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: one campaign with units sold, quota left and the current price */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `campaign_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Id or code */
                    sku?: string;
                    /** @description Id or code */
                    node?: string;
                    /** @description ISO 4217 code (default CNY) */
                    currency?: string;
                    /**
                     * Format: date-time
                     * @description An instant, ISO 8601 with a zone
                     */
                    startsAt?: string;
                    /**
                     * Format: date-time
                     * @description An instant, ISO 8601 with a zone
                     */
                    endsAt?: string;
                    quota?: number;
                    perCustomerLimit?: number | null;
                    pricing?: components["schemas"]["PresalePricing"];
                    deposit?: components["schemas"]["Deposit"];
                    /** @description Default 30 */
                    depositDeadlineMinutes?: number;
                    /** @description From the campaign end; default 72 */
                    balanceWindowHours?: number;
                    shipDate?: components["schemas"]["PresaleShipDate"];
                    compensation?: components["schemas"]["PresaleCompensation"] | null;
                    supplier?: string | null;
                };
            };
        };
        responses: {
            /** @description OK: change a draft campaign’s terms */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `campaign_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `deposit_above_limit`, `deposit_below_limit`, `deposit_credit_above_price`, `deposit_credit_below_deposit`, `deposit_not_below_price`, `deposit_not_fixed_amount`, `deposit_not_whole_amount`, `deposit_required`, `invalid_compensation`, `invalid_deposit`, `invalid_deposit_rule`, `invalid_inflation`, `invalid_pricing`, `invalid_ship_date`, `invalid_tiers`, `invalid_window`, `ship_date_before_end`, `total_too_large`, `unknown_currency`, `unknown_node`, `unknown_sku`, `unknown_supplier`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: publish: the quota becomes a presale supply slot at the node */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `campaign_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `campaign_changed`, `campaign_window_passed`, `illegal_transition`, `node_inactive`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setCampaignQuota: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quota: number;
                };
            };
        };
        responses: {
            /** @description OK: set the quota: once published it may be raised, never lowered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `campaign_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `campaign_changed`, `illegal_transition`, `quota_cannot_decrease`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    endCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: end now: final price from the tier reached, every open order repriced (never above the price shown), balance window opens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `campaign_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `campaign_changed`, `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK: cancel the campaign: open orders are cancelled with a full refund owed, deposits included */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        campaign: components["schemas"]["Campaign"];
                        ordersCancelled: number;
                        refundDue: number;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `campaign_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `campaign_changed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    allocateCampaignStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: move orders waiting on the quota onto stock that has arrived at the node (paid orders first, then by priority); they can then ship */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lines: number;
                        units: number;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `campaign_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    placePresaleOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the call safe to retry: a retry with the same key and body answers the original result (with `Idempotent-Replayed: true`); the same key with another body is refused (idempotency_key_reused). Channel tokens must send one where the operation says so. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "channel": "WEB",
                 *       "customerId": "cust-1001",
                 *       "quantity": 2,
                 *       "reference": "web-presale-1001"
                 *     }
                 */
                "application/json": components["schemas"]["PresaleOrderRequest"];
            };
        };
        responses: {
            /** @description Created: place a presale order: one campaign, one line, a deposit due within the deadline; no cart, no promotions */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `idempotency_key_required`, `invalid_content_length`, `invalid_idempotency_key`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `campaign_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `campaign_cancelled`, `campaign_ended`, `campaign_not_published`, `campaign_not_started`, `insufficient_supply`, `node_inactive`, `per_customer_limit_exceeded`, `presale_not_sold_here`, `quota_exhausted`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `channel_inactive`, `channel_required`, `coordinates_incomplete`, `idempotency_key_reused`, `invalid_email`, `invalid_phone`, `promotions_not_allowed`, `ship_date_not_choosable`, `ship_date_out_of_range`, `ship_date_required`, `unknown_channel`, `unknown_customer_tier`, `value_not_storable`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignDemand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the campaign’s demand as a suggested purchase quantity */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CampaignDemand"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `campaign_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPresaleDemand: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: per SKU and node: units ordered in open campaigns less stock and open supply, rounded to the supplier’s minimum and pack size */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CampaignDemand"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomerOrderStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order’s status token (`ost_…`), from its status link */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One order as its customer sees it: no customer, channel or warehouse data */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerOrderStatus"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelCustomerOrderForDelay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order’s status token (`ost_…`), from its status link */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One order as its customer sees it: no customer, channel or warehouse data */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerOrderStatus"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `no_delay_offer`, `order_partly_shipped`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getShopperPromise: {
        parameters: {
            query: {
                /** @description The SKU’s id or code */
                sku: string;
                /** @description The shop’s channel, by id or code */
                channel: string;
                /** @description The shopper’s delivery region; without it there is no delivery date */
                region?: string;
                /** @description Units, 1 to 999999 (default 1) */
                quantity?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What a shop may show its shopper: dates and confidence, never quantities or locations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopperPromise"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`, `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAnalyticsDashboard: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
                /** @description Channel id or code */
                channel?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every figure at once. A channel token gets its own channel’s figures, without the shop-wide suppliers and inventory groups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnalyticsDashboard"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getChannelMeasures: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
                /** @description Channel id or code */
                channel?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: per channel: values shown by status, feed position, projector lag, deltas sent and webhook deliveries in the period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelMeasuresAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSalesFigures: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
                /** @description Channel id or code */
                channel?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: orders, lines and units placed, and orders cancelled, per day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPromiseSourceFigures: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
                /** @description Channel id or code */
                channel?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: lines placed promised from stock, from future supply and from presale */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromiseSourcesAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOnTimeFigures: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
                /** @description Channel id or code */
                channel?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: lines shipped on or before their first promised ship date */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnTimeAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBackorderFigures: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
                /** @description Channel id or code */
                channel?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: open backorders now, by age since placement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackordersAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDelayFigures: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
                /** @description Channel id or code */
                channel?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: delays announced and the compensation they granted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelaysAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPresaleFigures: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
                /** @description Channel id or code */
                channel?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: presale deposits paid, balances paid (conversion) and deposits forfeited */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PresaleAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFulfilmentFigures: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
                /** @description Channel id or code */
                channel?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: fill rate (lines shipped in full from their first node), split rate, on-time delivery to the first promised day, pickup ready time (hours from payment to ready: mean, p50, p90), pickup expiry rate, dropship requests shipped (mean hours from request to shipped) and the share of their lines suppliers turned down */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FulfilmentAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplierFigures: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: each supplier’s on-time, fill and QC pass rates (its scorecard) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppliersAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInventoryFigures: {
        parameters: {
            query?: {
                /** @description Days ending today, today included: 7, 30 or 90 (default 30) */
                periodDays?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: units shipped, on-hand, inventory turnover and days of supply (shop-wide) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryAnswer"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_period`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getChannelAvailability: {
        parameters: {
            query?: {
                /** @description One SKU, by id or code */
                sku?: string;
                /** @description `channel`, `region:<region>` or `store:<nodeId>` */
                scope?: string;
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path: {
                /** @description The channel, by id or code */
                channel: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: what the channel shows now, per SKU and scope, with the feed position it is consistent with */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailabilitySnapshot"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`, `sku_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChannelAvailabilityChanges: {
        parameters: {
            query?: {
                /** @description The sequence number to resume after: a snapshot's `seq` or the previous page's `lastSeq`; 0 or absent: every value */
                after?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path: {
                /** @description The channel, by id or code */
                channel: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: what changed for the channel after a feed position, oldest first, each value the latest */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailabilityChanges"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamChannelAvailability: {
        parameters: {
            query?: {
                /** @description Resume after this sequence number when there is no Last-Event-ID header; absent: every current value, then changes */
                after?: string;
            };
            header?: never;
            path: {
                /** @description The channel, by id or code */
                channel: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportGoogleLocalInventory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The channel, by id or code */
                channel: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: local inventory for Google Merchant Center: each pickup store's availability, quantity and pickup SLA */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoogleLocalInventory"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportShopifyInventory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The channel, by id or code */
                channel: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: inventory per SKU and location in Shopify's quantity names (available, on_hand, committed, reserved, damaged, safety_stock, incoming) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopifyInventory"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: webhook endpoints the caller manages (a channel: its own), in creation order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookEndpoint"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://shop.example.com/hooks/sellahead",
                 *       "description": "Stock and orders to the shop",
                 *       "topics": [
                 *         "order.",
                 *         "availability.changed"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Where deliveries are POSTed: http or https, reaching a public address (see SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE) */
                    url: string;
                    description?: string;
                    /** @description Exact topics (`order.changed`) or prefixes ending in '.' (`order.`); empty: every topic */
                    topics?: string[];
                    /** @description Default true */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Created: register a webhook endpoint: events from the outbox are POSTed to it, signed (Standard Webhooks); the secret is answered only now */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `invalid_topic`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `webhook_url_not_allowed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: one webhook endpoint (without its secret) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `webhook_endpoint_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: remove a webhook endpoint with its delivery log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `webhook_endpoint_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Where deliveries are POSTed: http or https, reaching a public address (see SELLAHEAD_WEBHOOKS_ALLOW_PRIVATE) */
                    url?: string;
                    description?: string;
                    /** @description Exact topics (`order.changed`) or prefixes ending in '.' (`order.`); empty: every topic */
                    topics?: string[];
                    /** @description false pauses the endpoint (queued deliveries wait; events meanwhile are not queued for it); true resumes it and clears the reason it was disabled for */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description OK: change a webhook endpoint’s URL, description, topics, or pause and resume it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `invalid_topic`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `webhook_endpoint_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `webhook_url_not_allowed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description How long the previous secret keeps signing beside the new one (default 24); 0 ends it now */
                    graceHours?: number;
                };
            };
        };
        responses: {
            /** @description OK: a new signing secret, answered only now; the previous one keeps signing beside it for the grace period (default 24 h) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `webhook_endpoint_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
                status?: "pending" | "delivered" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the delivery log: each delivery with its status and every attempt (time, HTTP status, duration, error) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `webhook_endpoint_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: send one delivery again: back in the queue, due now, at the start of the retry schedule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `webhook_delivery_not_found`, `webhook_endpoint_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayFailedWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description Only deliveries made at or after this instant; absent: every failed one
                     */
                    since?: string;
                };
            };
        };
        responses: {
            /** @description OK: send every failed delivery of the endpoint again (optionally only those since an instant) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Failed deliveries put back in the queue */
                        replayed: number;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `webhook_endpoint_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotificationTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: every notification template: each kind and language at the default level (shipped or the merchant’s), then each channel’s own */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NotificationTemplate"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setNotificationTemplate: {
        parameters: {
            query?: {
                /** @description A channel id or code: that channel’s override; absent: the default level */
                channel?: string;
            };
            header?: never;
            path: {
                kind: "delay_notice" | "promise_improved" | "payment_reminder" | "balance_window_open" | "pickup_ready" | "pickup_reminder" | "pickup_expired" | "pickup_line_refunded";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationTemplateInput"];
            };
        };
        responses: {
            /** @description OK: set a kind’s subject and body in one language, for every channel (the default level) or for one channel (`?channel=`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationTemplate"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `invalid_template`, `template_too_long`, `unknown_placeholder`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeNotificationTemplate: {
        parameters: {
            query?: {
                /** @description A channel id or code: that channel’s override; absent: the merchant’s default level (back to Sellahead’s text) */
                channel?: string;
                language?: "zh-CN" | "en";
            };
            header?: never;
            path: {
                kind: "delay_notice" | "promise_improved" | "payment_reminder" | "balance_window_open" | "pickup_ready" | "pickup_reminder" | "pickup_expired" | "pickup_line_refunded";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: remove a channel’s override (`?channel=`) or the merchant’s default-level text, in one language or all: the level below is used again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Templates removed (one per language); 0 when the level had none */
                        removed: number;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the customers’ default language and how long before a payment deadline its reminder goes out */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettingsInput"];
            };
        };
        responses: {
            /** @description OK: change the default language or the payment reminder’s lead (fields left out keep their value) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `channel_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `invalid_notification_settings`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrderNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the order’s customer notifications (delay notices, promise improvements, payment reminders, balance-window notices) and where each is on its way to the notifier */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OrderNotification"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRoutingProfiles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the routing profile in effect by default, and every channel’s own */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RoutingProfile"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRoutingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 'default', or a channel by id or code */
                channel: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the routing profile a scope follows: the channel’s own, else the default */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingProfile"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `routing_scope_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setRoutingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 'default', or a channel by id or code */
                channel: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoutingProfileInput"];
            };
        };
        responses: {
            /** @description OK: set a scope’s routing profile: validated, stored as its next version; orders placed from now on follow it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingProfile"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `invalid_routing_profile`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `routing_scope_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRoutingProfileVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 'default', or a channel by id or code */
                channel: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: a scope’s stored profile versions, newest first (at most 100) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RoutingProfile"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `routing_scope_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getShippingZones: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: region centres, and transit days and cost between regions per service level */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingZones"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setShippingZones: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShippingZones"];
            };
        };
        responses: {
            /** @description OK: replace the shipping zones (validated); orders placed from now on use them */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingZones"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `invalid_shipping_zones`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrderRouting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: how the order was routed: every candidate node, the filter that removed it or its scores and rank, the plans compared and why the chosen one won */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RoutingDecision"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getShipmentLifecycle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the shipment lifecycle table: which action is allowed from which status, and by whom */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listShipments: {
        parameters: {
            query?: {
                /** @description Id or code */
                node?: string;
                status?: "created" | "released" | "accepted" | "picking" | "packed" | "ready_for_pickup" | "collected" | "expired" | "shipped" | "delivered" | "cancelled";
                /** @description Id or code */
                order?: string;
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: shipments, oldest first: a node’s work queue (a node user sees its own node’s, a channel its orders’) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Shipment"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseOrderToFulfilment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created: release a paid order to fulfilment by hand: a shipment per node for the open units no shipment covers */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Shipment"][];
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `order_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `nothing_to_fulfil`, `order_not_paid`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: one shipment with its lines and events (who did what, rejections with their reason, splits) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShipmentWithEvents"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: hand the shipment to its node: it joins the node’s work queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startPickingShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the node started picking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    packShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: picked and packed, waiting for the carrier */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shipShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShipShipmentRequest"];
            };
        };
        responses: {
            /** @description OK: hand to the carrier: the stock is committed (one movement per line); shipping some lines or units splits the rest into a new shipment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippedShipment"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `line_not_shippable`, `not_ready_to_ship`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `invalid_shipment_lines`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deliverShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DeliverShipmentRequest"];
            };
        };
        responses: {
            /** @description OK: the carrier delivered: each order line whose every unit arrived gets its delivery day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `delivered_before_shipped`, `delivered_in_future`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelShipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CancelShipmentRequest"];
            };
        };
        responses: {
            /** @description OK: cancel before shipping: the lines go back to the order, still holding their stock, to be released again or cancelled with the order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectShipmentLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectShipmentLineRequest"];
            };
        };
        responses: {
            /** @description OK: the node cannot send a line (not found, damaged): it is re-routed to the next node and re-promised; a later date is a delay told to the customer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RejectedShipmentLine"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `line_not_shippable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `invalid_shipment_lines`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readyShipmentForPickup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: a packed pickup order is ready at the store: the customer is sent a pickup code (kept hashed) with its QR image, and the hold clock starts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyPickup"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `not_a_pickup`, `not_ready_for_pickup`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    collectPickup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectPickupRequest"];
            };
        };
        responses: {
            /** @description OK: hand a pickup over at the counter against its code: the stock is committed and the lines delivered; some lines or units leave the rest ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectedPickup"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `line_not_shippable`, `not_ready_to_ship`, `pickup_locked`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `invalid_shipment_lines`, `wrong_pickup_code`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetPickupAttempts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: unlock a pickup locked after too many wrong codes (the code stays the same) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyPickup"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDropshipRequests: {
        parameters: {
            query?: {
                status?: "requested" | "accepted" | "shipped" | "delivered" | "cancelled";
                /** @description Id or code */
                supplier?: string;
                /** @description Opaque cursor: the nextCursor of the previous page of the same list */
                cursor?: string;
                /** @description Page size, 1–500 (default 50) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: dropship requests, oldest first: the lines customers were promised that the supplier sends itself (a supplier sees its own) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DropshipRequest"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_cursor`, `invalid_limit`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDropshipRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: one dropship request: its lines with the customer’s promised dates, and the parcel label’s address */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DropshipRequest"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_request`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptDropshipRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: accept a dropship request: the supplier will send the lines to the customer itself */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DropshipRequest"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shipDropshipRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShipDropshipRequest"];
            };
        };
        responses: {
            /** @description OK: shipped with tracking: the units leave the supplier’s allowance (one movement per line); shipping some lines or units leaves the rest accepted in a new request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippedDropshipRequest"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `line_not_shippable`, `not_ready_to_ship`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `invalid_shipment_lines`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectDropshipRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectDropshipRequest"];
            };
        };
        responses: {
            /** @description OK: turn down a dropship request, or some of its lines: each is re-routed to another node and re-promised, and a later date is a delay told to the customer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DropshipRequest"];
                };
            };
            /** @description The request is malformed or a value is invalid; nothing was changed. `code` is one of: `bad_request`, `invalid_content_length`, `invalid_request`, `malformed_json`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token was sent. `code` is one of: `unauthenticated`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this. `code` is one of: `forbidden`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description What the path names does not exist, or is not the caller's to see. `code` is one of: `shipment_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (stock, status); nothing was changed. `code` is one of: `illegal_transition`, `line_not_shippable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than 1 MiB. `code` is one of: `body_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. `code` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be done as asked; nothing was changed. `code` is one of: `invalid_shipment_lines`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this token or address; retry after `Retry-After` seconds. `code` is one of: `rate_limited`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side (a fault, never the request); the request may be retried with the same Idempotency-Key. `code` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot be reached, or the server is shutting down; nothing was changed. Retry after `Retry-After` seconds (with the same Idempotency-Key). `code` is one of: `shutting_down`, `storage_unavailable`. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
