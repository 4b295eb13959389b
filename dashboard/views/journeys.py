"""How people move: sessions, the funnel of journey stages, paths to the first purchase, attribution."""

import streamlit as st

from data import count, money, number, one, pct, query

st.title("Journeys and funnel")

sessions = one("""
    select count(*) as sessions,
           count(*) filter (where is_converted) / nullif(count(*), 0) as conversion_rate,
           sum(engaged_seconds) / 60.0 as engaged_minutes,
           count(*) filter (where customer_id is not null) / nullif(count(*), 0) as identified_share
    from marts.fct_sessions""")
row = st.columns(4)
row[0].metric("Sessions", count(sessions["sessions"]))
row[1].metric("Session conversion rate", pct(sessions["conversion_rate"]))
row[2].metric("Engaged minutes", number(sessions["engaged_minutes"], 0))
row[3].metric("Sessions of known customers", pct(sessions["identified_share"]))

st.subheader("Funnel: customers who reached each stage")
funnel = query("""
    select stage_order || ' ' || stage as stage, count(distinct customer_id) as customers
    from marts.fct_journey_stages group by stage_order, stage order by stage_order""")
st.bar_chart(funnel, x="stage", y="customers", horizontal=True)

left, right = st.columns(2)
left.subheader("Revenue by channel and attribution model")
attribution = query("""
    select channel, sum(first_touch_revenue) as first_touch, sum(last_touch_revenue) as last_touch,
           sum(linear_revenue) as linear
    from marts.fct_order_attribution group by channel order by linear desc""")
left.dataframe(attribution, hide_index=True)
left.caption("Each model's column adds up to net revenue: "
             + money(attribution["linear"].sum(), 2) + " (fct_order_attribution, no filter needed).")
right.subheader("Paths to the first purchase")
right.dataframe(query("""
    select channel_path, count(*) as customers from marts.fct_journey_stages
    where stage = 'first_purchase' group by 1 order by 2 desc, 1 limit 15"""), hide_index=True)

st.subheader("Sessions by day")
st.line_chart(query("""
    select cast(started_at as date) as day, channel, count(*) as sessions
    from marts.fct_sessions group by 1, 2 order by 1"""), x="day", y="sessions", color="channel")
