"""The partnership browser: table, filters, detail, survey and an offline map of Europe."""
