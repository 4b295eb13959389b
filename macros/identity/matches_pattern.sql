{#- True when the expression matches a pattern held in columns: match_type 'value' (equal), 'like'
    (SQL LIKE) or 'regex' (anywhere in the value). Used by the junk-identifier blocklist. -#}
{% macro matches_pattern(expression, match_type_column, pattern_column) -%}
    {{ return(adapter.dispatch('matches_pattern', 'customer360')(expression, match_type_column, pattern_column)) }}
{%- endmacro %}

{% macro default__matches_pattern(expression, match_type_column, pattern_column) -%}
    case {{ match_type_column }}
        when 'value' then {{ expression }} = {{ pattern_column }}
        when 'like' then {{ expression }} like {{ pattern_column }}
        when 'regex' then {{ expression }} rlike {{ pattern_column }}
        else false
    end
{%- endmacro %}

{% macro duckdb__matches_pattern(expression, match_type_column, pattern_column) -%}
    case {{ match_type_column }}
        when 'value' then {{ expression }} = {{ pattern_column }}
        when 'like' then {{ expression }} like {{ pattern_column }}
        when 'regex' then regexp_matches({{ expression }}, {{ pattern_column }})
        else false
    end
{%- endmacro %}
