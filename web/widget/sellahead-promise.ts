// The promise widget: built by the customer-promise work (web/widget).
