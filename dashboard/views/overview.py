"""The headline KPIs, defined as the dbt metrics of models/marts/_semantic_layer.yml are."""

import streamlit as st

from data import as_of, count, money, number, one, pct, query

st.title("Customer 360")
st.caption(f"As of {as_of()} · every figure from the serving file's marts")

kpi = one("""
    select
        (select count(*) from marts.dim_customers) as customers,
        (select count(*) from marts.customer_loyalty where orders > 0) as buyers,
        (select count(*) filter (where is_repeat_buyer) / nullif(count(*) filter (where orders > 0), 0)
         from marts.customer_loyalty) as repeat_rate,
        (select sum(historical_clv) / nullif(count(*) filter (where orders > 0), 0)
         from marts.customer_loyalty) as average_clv,
        (select sum(net_amount) from marts.fct_orders) as net_revenue,
        (select 100 * (sum(nps_promoters) - sum(nps_detractors)) / nullif(sum(nps_responses), 0)
         from marts.loyalty_kpis_monthly) as nps,
        (select sum(care_tickets_within_target) / nullif(sum(care_tickets - care_tickets_pending), 0)
         from marts.loyalty_kpis_monthly) as care_within_one_hour,
        (select sum(engaged_customer_revenue) / nullif(sum(engaged_minutes), 0)
         from marts.loyalty_kpis_monthly) as revenue_per_engaged_minute,
        (select top_20pct_revenue_share from marts.loyalty_kpis_monthly
         order by month_start desc limit 1) as top_20pct_revenue_share
""")

row = st.columns(4)
row[0].metric("Customers", count(kpi["customers"]))
row[1].metric("Buyers", count(kpi["buyers"]))
row[2].metric("Repeat purchase rate", pct(kpi["repeat_rate"]))
row[3].metric("Net revenue", money(kpi["net_revenue"]))
row = st.columns(4)
row[0].metric("Historical CLV per buyer", money(kpi["average_clv"], 2))
row[1].metric("NPS", number(kpi["nps"]))
row[2].metric("Care answered within one hour", pct(kpi["care_within_one_hour"]))
row[3].metric("Revenue per engaged minute", money(kpi["revenue_per_engaged_minute"], 2))
st.metric("80/20 share (latest month's top 20% of buyers)", pct(kpi["top_20pct_revenue_share"]))

st.subheader("Revenue and buyers by month")
monthly = query("""
    select strftime(month_start, '%Y-%m') as month, revenue, purchasing_customers, active_customers
    from marts.loyalty_kpis_monthly order by month_start""")
left, right = st.columns(2)
left.bar_chart(monthly, x="month", y="revenue", y_label="net revenue (£)")
right.bar_chart(monthly, x="month", y=["purchasing_customers", "active_customers"], stack=False)
