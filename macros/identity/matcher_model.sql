{#- The trained matcher, as the scoring SQL needs it: the three tables the Dagster asset matcher/model
    writes from the model file (customer360/identity/matcher.py, model_tables). Returns none before
    dbt executes, or when the tables are missing (the matcher never ran: nothing is scored).

    {levels: [{comparison, gamma, sql_condition, is_null_level, match_weight, tf_adjustment_column,
               tf_adjustment_weight, tf_minimum_u_value, log2_u_exact, label}, ...] in comparison then level
               order,
     comparisons: [names in order], tf_columns: [columns with a term-frequency adjustment],
     rules: [blocking rule SQL in order], prior_probability: float, trained_records: int or none} -#}
{% macro matcher_model() -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set levels_source = source('matcher', 'comparison_levels') -%}
    {%- set existing = adapter.get_relation(database=levels_source.database, schema=levels_source.schema,
                                            identifier=levels_source.identifier) -%}
    {%- if existing is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set level_rows = run_query(
        "select comparison, gamma, sql_condition, is_null_level, match_weight, tf_adjustment_column,
                tf_adjustment_weight, tf_minimum_u_value, log2_u_exact, label
         from " ~ levels_source ~ " order by comparison_order, level_order") -%}
    {%- set rule_rows = run_query("select sql_condition from " ~ source('matcher', 'blocking_rules') ~ " order by rule_order") -%}
    {%- set prior_rows = run_query("select prior_probability, trained_records from " ~ source('matcher', 'model')) -%}
    {%- set levels = [] -%}
    {%- set comparisons = [] -%}
    {%- set tf_columns = [] -%}
    {%- for row in level_rows.rows -%}
        {%- do levels.append({
            'comparison': row[0], 'gamma': row[1] | int, 'sql_condition': row[2], 'is_null_level': row[3],
            'match_weight': row[4], 'tf_adjustment_column': row[5], 'tf_adjustment_weight': row[6],
            'tf_minimum_u_value': row[7], 'log2_u_exact': row[8], 'label': row[9]}) -%}
        {%- if row[0] not in comparisons -%}{%- do comparisons.append(row[0]) -%}{%- endif -%}
        {%- if row[5] and row[5] not in tf_columns -%}{%- do tf_columns.append(row[5]) -%}{%- endif -%}
    {%- endfor -%}
    {%- if levels | length == 0 or prior_rows.rows | length == 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return({
        'levels': levels,
        'comparisons': comparisons,
        'tf_columns': tf_columns,
        'rules': rule_rows.columns[0].values() | list,
        'prior_probability': prior_rows.rows[0][0],
        'trained_records': prior_rows.rows[0][1],
    }) }}
{%- endmacro %}

{#- The comparisons of the matcher (customer360/identity/matcher.py, splink_settings), for the empty
    scoring table when no model is loaded; a test keeps the two in step. -#}
{% macro matcher_comparisons() -%}
    {{ return(['name', 'birth_date', 'address', 'email_local', 'phone']) }}
{%- endmacro %}
