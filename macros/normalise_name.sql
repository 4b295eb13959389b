{#- A person's name for comparison: lower case, the common Latin accents folded (é -> e, ß stays out),
    letters only (hyphens, apostrophes, spaces and digits dropped: O'Brien and obrien agree); NULL
    when nothing is left. translate() is the same in DuckDB and Spark, so both engines agree. -#}
{% macro normalise_name(column) -%}
    nullif({{ replace_all("translate(lower(trim(" ~ column ~ ")), 'àáâãäåāèéêëēìíîïīòóôõöøōùúûüūýÿñçćčšžł', 'aaaaaaaeeeeeiiiiiooooooouuuuuyyncccszl')", '[^a-z]', '') }}, '')
{%- endmacro %}
