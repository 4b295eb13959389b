"""Who the customers are and how well the silos were stitched into them."""

import streamlit as st

from data import count, number, one, pct, query

st.title("Customers and identity")

identity = one("""
    select
        (select count(*) from marts.dim_customers) as customers,
        (select count(*) from marts.bdg_customer_identifiers) as identifiers,
        (select count(*) filter (where sources like '%,%') / nullif(count(*), 0) from marts.dim_customers)
            as multi_source_share,
        (select count(*) from marts.customer_id_changes where change_kind = 'merge') as merges,
        (select count(*) filter (where consent_marketing_email) / nullif(count(*), 0) from marts.dim_customers)
            as email_consent_share
""")
row = st.columns(5)
row[0].metric("Customers", count(identity["customers"]))
row[1].metric("Identifiers per customer", number(identity["identifiers"] / identity["customers"], 2))
row[2].metric("Seen in more than one source", pct(identity["multi_source_share"]))
row[3].metric("Merges logged", count(identity["merges"]))
row[4].metric("Email marketing consent", pct(identity["email_consent_share"]))

left, right = st.columns(2)
left.subheader("Customers by age band")
left.bar_chart(query("""
    select coalesce(age_band, 'unknown') as age_band, count(*) as customers
    from marts.dim_customers group by 1 order by 1"""), x="age_band", y="customers")
right.subheader("Identifiers by type")
right.bar_chart(query("""
    select identifier_type, count(*) as identifiers
    from marts.bdg_customer_identifiers group by 1 order by 2 desc"""), x="identifier_type", y="identifiers")

st.subheader("Sources per customer")
st.bar_chart(query("""
    select cast(length(sources) - length(replace(sources, ',', '')) + 1 as varchar) as sources, count(*) as customers
    from marts.dim_customers group by 1 order by 1"""), x="sources", y="customers")

st.subheader("Stores")
st.dataframe(query("""
    with sales as (
        select store_id, count(*) as transactions, sum(net_amount) as net_revenue
        from marts.fct_orders where store_id is not null group by 1
    ),
    homes as (
        select home_store_id as store_id, count(*) as home_customers
        from marts.dim_customers where home_store_id is not null group by 1
    )
    select stores.store_id, stores.city, stores.country, sales.transactions, sales.net_revenue, homes.home_customers
    from marts.dim_stores as stores
    left join sales on stores.store_id = sales.store_id
    left join homes on stores.store_id = homes.store_id
    order by sales.net_revenue desc nulls last"""), hide_index=True)
