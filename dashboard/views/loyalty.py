"""Monthly loyalty KPIs, the cohort retention triangle and the RFM segments."""

import streamlit as st

from data import count, money, number, pct, query

st.title("Loyalty KPIs and cohorts")

monthly = query("select strftime(month_start, '%Y-%m') as month, * from marts.loyalty_kpis_monthly order by month_start")
latest = monthly.iloc[-1]
st.caption(f"Latest month {latest['month']}" + ("" if latest["is_complete_month"] else " (incomplete)"))
row = st.columns(5)
row[0].metric("Active customers", count(latest["active_customers"]))
row[1].metric("Repeat purchase rate", pct(latest["repeat_purchase_rate"]))
row[2].metric("NPS (latest month)", number(latest["nps"]))
row[3].metric("Care within target (latest month)", pct(latest["care_within_target_rate"]))
row[4].metric("Email open rate", pct(latest["email_open_rate"]))

left, right = st.columns(2)
left.subheader("Customers by month")
left.line_chart(monthly, x="month",
                y=["active_customers", "purchasing_customers", "new_customers", "churned_customers"])
right.subheader("Rates by month")
right.line_chart(monthly, x="month",
                 y=["repeat_purchase_rate", "care_within_target_rate", "top_20pct_revenue_share"])

st.subheader("Cohort retention (share of each first-purchase cohort buying again)")
cohorts = query("""
    select strftime(cohort_month, '%Y-%m') as cohort, months_since_first_purchase, retention_rate
    from marts.cohort_retention""")
st.dataframe(cohorts.pivot(index="cohort", columns="months_since_first_purchase", values="retention_rate")
             .style.format("{:.0%}", na_rep=""))

st.subheader("RFM segments")
segments = query("""
    select rfm_segment, count(*) as customers, sum(revenue) as revenue,
           avg(historical_clv) filter (where orders > 0) as average_clv
    from marts.customer_loyalty group by 1 order by customers desc""")
left, right = st.columns(2)
left.bar_chart(segments, x="rfm_segment", y="customers")
right.dataframe(segments, hide_index=True)

st.subheader("Top products")
products = query("""
    select lines.sku, coalesce(products.product_name, '(not in catalogue)') as product_name, products.category,
           sum(lines.quantity) as units, sum(lines.line_amount) as revenue
    from marts.fct_order_lines as lines
    left join marts.dim_products as products on lines.sku = products.sku
    group by all order by revenue desc limit 15""")
st.dataframe(products, hide_index=True)
st.caption("Revenue of the 15: " + money(products["revenue"].sum(), 2))
