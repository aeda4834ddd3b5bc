# PostgreSQL's full-text search by language: each record's words stemmed by its own language's
# text search configuration, and readers' query syntax read by websearch_to_tsquery. SQLite's
# search is unchanged.

from django.db import migrations

# MARC language codes to PostgreSQL's configurations. PostgreSQL has no Ukrainian stemmer:
# Ukrainian (and every other language) gets 'simple', the site's own folding and prefix
# matching standing in for stemming.
CONFIG_FUNCTION = """
CREATE FUNCTION library20_search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE language
        WHEN 'eng' THEN 'english'::regconfig
        WHEN 'rus' THEN 'russian'::regconfig
        WHEN 'rum' THEN 'romanian'::regconfig
        WHEN 'ron' THEN 'romanian'::regconfig
        ELSE 'simple'::regconfig
    END
$$"""

# websearch_to_tsquery ("a phrase", -word, OR), each stem then matching the words it begins,
# as the site's search always has ("dick" finds "dickens").
PREFIX_QUERY_FUNCTION = """
CREATE FUNCTION library20_prefix_query(config regconfig, words text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(
        websearch_to_tsquery(config, words)::text, '(''(?:[^'']|'''')+'')', '\\1:*', 'g'
    )::tsquery
$$"""

STEMS_COLUMN = """
ALTER TABLE opac_searchdocument ADD COLUMN stems tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(library20_search_config(language), title), 'A')
    || setweight(to_tsvector(library20_search_config(language), authors), 'B')
    || setweight(to_tsvector(library20_search_config(language), subjects || ' ' || series), 'C')
    || setweight(to_tsvector(library20_search_config(language), summary), 'D')
) STORED"""

POSTGRESQL = [
    CONFIG_FUNCTION,
    PREFIX_QUERY_FUNCTION,
    STEMS_COLUMN,
    "CREATE INDEX opac_searchdocument_stems ON opac_searchdocument USING gin (stems)",
]
POSTGRESQL_DROP = [
    "ALTER TABLE opac_searchdocument DROP COLUMN stems",
    "DROP FUNCTION library20_prefix_query(regconfig, text)",
    "DROP FUNCTION library20_search_config(text)",
]


def _run(statements: list[str]):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ('opac', '0012_marc_digest'),
    ]

    operations = [
        migrations.RunPython(_run(POSTGRESQL), _run(POSTGRESQL_DROP)),
    ]
