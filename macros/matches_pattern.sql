{#- True when the expression matches a blocklist rule held in columns:
      value           equal to pattern
      like            SQL LIKE pattern
      repeated_digit  ends in at least <pattern> copies of one digit (+447777777777, 00000000)
    Plain string functions only, evaluated per row: a regex whose pattern is a column would be
    compiled again for every identifier. -#}
{% macro matches_pattern(expression, match_type_column, pattern_column) -%}
    case {{ match_type_column }}
        when 'value' then {{ expression }} = {{ pattern_column }}
        when 'like' then {{ expression }} like {{ pattern_column }}
        when 'repeated_digit' then
            length({{ expression }}) >= cast({{ pattern_column }} as {{ dbt.type_int() }})
            and {{ dbt.right(expression, 'cast(' ~ pattern_column ~ ' as ' ~ dbt.type_int() ~ ')') }}
                = repeat({{ dbt.right(expression, '1') }}, cast({{ pattern_column }} as {{ dbt.type_int() }}))
            and {{ dbt.right(expression, '1') }} between '0' and '9'
        else false
    end
{%- endmacro %}
