-- Named query: one row per dataset-level count, for `akhbar sql "from dataset_overview"`.
CREATE OR REPLACE VIEW dataset_overview AS
SELECT 'articles' AS what, count(*) AS n FROM articles
UNION ALL SELECT 'canonical_articles', count(*) FILTER (WHERE is_canonical) FROM articles
UNION ALL SELECT 'exact_duplicates', count(*) FILTER (WHERE dup_kind = 'exact') FROM articles
UNION ALL SELECT 'near_duplicates', count(*) FILTER (WHERE dup_kind = 'near') FROM articles
UNION ALL SELECT 'rejects', count(*) FROM rejects
UNION ALL SELECT 'entity_mentions', count(*) FROM entities
UNION ALL SELECT 'quotes', count(*) FROM quotes
UNION ALL SELECT 'events', count(*) FROM events;

-- Named query: rejects per reason.
CREATE OR REPLACE VIEW rejects_by_reason AS
SELECT reason, count(*) AS n FROM rejects GROUP BY reason ORDER BY n DESC, reason;
