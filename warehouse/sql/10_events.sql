-- Named queries over the published tables (DuckDB). Tables/views expected: articles, entities,
-- quotes, events, entity_dim (schemas/tables.py). Denied mentions are left out of the
-- timeline and of who-met-whom: a denied meeting did not happen. Only canonical articles are
-- counted (duplicates are flagged in articles.is_canonical).

-- event_timeline: one row per story (a real-world event told by one or more articles).
CREATE OR REPLACE VIEW event_timeline AS
WITH m AS (
    SELECT e.*, a.published_at, a.is_canonical
    FROM events e JOIN articles a USING (article_id)
    WHERE e.factuality <> 'denied'
),
story AS (
    SELECT
        story_id,
        any_value(event_type) AS event_type,             -- one type per story by construction
        mode(event_mode) AS event_mode,
        -- the date most mentions agree on, preferring day precision, else the earliest period
        coalesce(mode(event_date) FILTER (WHERE date_precision = 'day'), min(event_date)) AS event_date,
        coalesce(mode(date_precision) FILTER (WHERE date_precision = 'day'), min(date_precision)) AS date_precision,
        CASE WHEN bool_or(factuality = 'asserted') THEN 'asserted'
             WHEN bool_or(factuality = 'alleged') THEN 'alleged'
             WHEN bool_or(factuality = 'planned') THEN 'planned'
             ELSE 'hypothetical' END AS factuality,
        count(DISTINCT article_id) FILTER (WHERE is_canonical) AS article_count,
        count(*) AS mention_count,
        min(published_at) AS first_reported_at,
        mode(location_entity_id) AS location_entity_id
    FROM m
    GROUP BY story_id
),
actors AS (
    SELECT story_id, list(DISTINCT d.canonical_name ORDER BY d.canonical_name) AS actors
    FROM (SELECT story_id, unnest(actor_entity_ids) AS entity_id FROM m) x
    JOIN entity_dim d USING (entity_id)
    GROUP BY story_id
),
targets AS (
    SELECT story_id, list(DISTINCT d.canonical_name ORDER BY d.canonical_name) AS targets
    FROM (SELECT story_id, unnest(target_entity_ids) AS entity_id FROM m) x
    JOIN entity_dim d USING (entity_id)
    GROUP BY story_id
)
SELECT s.event_date, s.date_precision, s.event_type, s.event_mode,
       coalesce(a.actors, []) AS actors, coalesce(t.targets, []) AS targets,
       loc.canonical_name AS location, s.factuality, s.story_id, s.article_count, s.mention_count,
       s.first_reported_at
FROM story s
LEFT JOIN actors a USING (story_id)
LEFT JOIN targets t USING (story_id)
LEFT JOIN entity_dim loc ON loc.entity_id = s.location_entity_id
ORDER BY s.event_date NULLS LAST, s.first_reported_at, s.story_id;

-- who_met_whom: pairs of participants of CONSULT stories (meetings, talks, calls, visits).
CREATE OR REPLACE VIEW who_met_whom AS
WITH m AS (
    SELECT e.*, a.is_canonical
    FROM events e JOIN articles a USING (article_id)
    WHERE e.event_type = 'CONSULT' AND e.factuality IN ('asserted', 'planned', 'alleged')
),
parts AS (
    SELECT DISTINCT story_id, entity_id
    FROM (SELECT story_id, unnest(list_concat(actor_entity_ids, target_entity_ids)) AS entity_id FROM m) x
),
story AS (
    SELECT story_id,
           coalesce(mode(event_date) FILTER (WHERE date_precision = 'day'), min(event_date)) AS event_date,
           count(DISTINCT article_id) FILTER (WHERE is_canonical) AS article_count
    FROM m GROUP BY story_id
),
pairs AS (
    SELECT p1.story_id, p1.entity_id AS entity_a, p2.entity_id AS entity_b
    FROM parts p1 JOIN parts p2 ON p1.story_id = p2.story_id AND p1.entity_id < p2.entity_id
)
SELECT da.canonical_name AS participant_a, db.canonical_name AS participant_b,
       count(DISTINCT p.story_id) AS meetings,
       min(s.event_date) AS first_date, max(s.event_date) AS last_date,
       list(DISTINCT s.event_date ORDER BY s.event_date) FILTER (WHERE s.event_date IS NOT NULL) AS dates,
       sum(s.article_count)::BIGINT AS article_count,
       p.entity_a, p.entity_b
FROM pairs p
JOIN story s USING (story_id)
JOIN entity_dim da ON da.entity_id = p.entity_a
JOIN entity_dim db ON db.entity_id = p.entity_b
GROUP BY ALL
ORDER BY meetings DESC, article_count DESC, participant_a, participant_b;

-- quotes_by_speaker: who is quoted, how often, where and when.
CREATE OR REPLACE VIEW quotes_by_speaker AS
SELECT coalesce(d.canonical_name, q.speaker_name, q.speaker_surface, '(unattributed)') AS speaker,
       q.speaker_entity_id,
       count(*) AS quotes,
       count(*) FILTER (WHERE q.kind = 'direct') AS direct_quotes,
       count(DISTINCT q.article_id) AS articles,
       min(a.published_at) AS first_quoted_at,
       max(a.published_at) AS last_quoted_at,
       arg_max(q.text, a.published_at) AS latest_quote,
       mode(q.cue) AS usual_cue
FROM quotes q
JOIN articles a USING (article_id)
LEFT JOIN entity_dim d ON d.entity_id = q.speaker_entity_id
WHERE a.is_canonical
GROUP BY ALL
ORDER BY quotes DESC, speaker;
