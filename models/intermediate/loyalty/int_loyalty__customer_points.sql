-- Loyalty points per customer as of as_of_date: balance over all their cards, points earned in the last
-- 365 days, and the tier those earnings reach (seeds/loyalty_tiers.csv: the highest tier whose minimum
-- is met). A customer with a card issued by as_of_date but no ledger entries has balance 0, lowest tier.
with

cards as (

    select * from {{ ref('stg_loyalty__cards') }}

),

points as (

    select * from {{ ref('stg_loyalty__points') }}

),

bridge as (

    select * from {{ ref('int_identity__customer_identifiers') }}

),

tiers as (

    select * from {{ ref('loyalty_tiers') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

customer_cards as (

    select
        bridge.customer_id,
        cards.loyalty_card_number

    from cards
    cross join as_of
    inner join bridge
        on bridge.identifier_type = 'loyalty_card_number'
        and cards.loyalty_card_number = bridge.identifier_value
    where cast(cards.issued_at as date) <= as_of.as_of_date

),

balances as (

    select
        customer_cards.customer_id,
        count(distinct customer_cards.loyalty_card_number) as loyalty_cards,
        coalesce(sum(points.points), 0) as points_balance,
        coalesce(sum(
            case
                when points.reason = 'earn'
                    and cast(points.occurred_at as date) > {{ dbt.dateadd('day', -365, 'as_of.as_of_date') }}
                    then points.points
                else 0
            end
        ), 0) as points_earned_12m

    from customer_cards
    cross join as_of
    left join points
        on customer_cards.loyalty_card_number = points.loyalty_card_number
        and cast(points.occurred_at as date) <= as_of.as_of_date
    group by customer_cards.customer_id

),

tiered as (

    select
        balances.customer_id,
        balances.loyalty_cards,
        balances.points_balance,
        balances.points_earned_12m,
        tiers.loyalty_tier,
        tiers.tier_rank

    from balances
    inner join tiers
        on balances.points_earned_12m >= tiers.min_points_earned_12m

),

highest as (

    {{ deduplicate('tiered', 'customer_id', 'tier_rank desc') }}

)

select
    customer_id,
    loyalty_cards,
    points_balance,
    points_earned_12m,
    loyalty_tier

from highest
