-- Catches a gap or an overlap in seeds/rfm_segments.csv: every (recency, frequency) score pair 1-5 x 1-5
-- must map to exactly one segment, or customer_loyalty would leave a customer unsegmented or doubled.
with

scores as (

    select generated_number as score from ({{ dbt.generate_series(5) }}) as series

),

cells as (

    select
        recency.score as recency_score,
        frequency.score as frequency_score

    from scores as recency
    cross join scores as frequency

)

select
    cells.recency_score,
    cells.frequency_score,
    count(segments.rfm_segment) as segments

from cells
left join {{ ref('rfm_segments') }} as segments
    on cells.recency_score between segments.recency_score_min and segments.recency_score_max
    and cells.frequency_score between segments.frequency_score_min and segments.frequency_score_max
group by cells.recency_score, cells.frequency_score
having count(segments.rfm_segment) <> 1
