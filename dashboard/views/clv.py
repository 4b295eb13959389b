"""Predicted customer lifetime value (BG/NBD + Gamma-Gamma, the CLV step's tables) and the fit's health."""

import streamlit as st

from data import count, money, one, pct, query

st.title("Customer lifetime value")

clv = one("""
    select count(*) as customers, sum(predicted_clv_12m) as predicted_clv_12m,
           avg(predicted_clv_12m) as average_predicted_clv, avg(probability_alive) as average_probability_alive
    from marts.clv_predictions""")
fit = query("""
    select model, converged, customers, holdout_weeks, holdout_predicted, holdout_actual, holdout_error,
           parameters, fitted_at
    from marts.clv_model_fit
    where fit_id = (select max_by(fit_id, fitted_at) from marts.clv_model_fit)
    order by model""")
bg_nbd = fit[fit["model"] == "bg_nbd"]
row = st.columns(4)
row[0].metric("Predicted CLV, next 12 months", money(clv["predicted_clv_12m"]))
row[1].metric("Per customer who bought", money(clv["average_predicted_clv"], 2))
row[2].metric("Mean probability alive", pct(clv["average_probability_alive"]))
row[3].metric("Holdout error (purchases)", pct(bg_nbd["holdout_error"].iloc[0]) if len(bg_nbd) else "–")
st.caption(f"{count(clv['customers'])} customers with a purchase; fit converged: "
           + ("yes" if len(fit) and bool(fit["converged"].all()) else "no"))

left, right = st.columns(2)
left.subheader("Predicted CLV by RFM segment")
by_segment = query("""
    select loyalty.rfm_segment, count(*) as customers, sum(clv.predicted_clv_12m) as predicted_clv_12m,
           avg(clv.probability_alive) as probability_alive
    from marts.clv_predictions as clv
    inner join marts.customer_loyalty as loyalty on clv.customer_id = loyalty.customer_id
    group by 1 order by 3 desc nulls last""")
left.bar_chart(by_segment, x="rfm_segment", y="predicted_clv_12m")
right.subheader("Customers by predicted CLV")
right.bar_chart(query("""
    select case when predicted_clv_12m < 10 then 'a: < £10' when predicted_clv_12m < 25 then 'b: £10-25'
                when predicted_clv_12m < 50 then 'c: £25-50' when predicted_clv_12m < 100 then 'd: £50-100'
                else 'e: £100+' end as band, count(*) as customers
    from marts.clv_predictions where predicted_clv_12m is not null group by 1 order by 1"""), x="band", y="customers")

st.subheader("The latest fit")
st.dataframe(fit, hide_index=True)
