"""Who the campaigns reach today: consented, frequency-capped audiences and their activation hashes."""

import streamlit as st

from data import count, one, query

st.title("Audiences")

totals = one("""
    select count(*) as members, count(distinct customer_id) as people,
           count(email_sha256) as email_hashes, count(phone_sha256) as phone_hashes, max(as_of_date) as as_of_date
    from marts.marketing_audiences""")
row = st.columns(4)
row[0].metric("Audience members", count(totals["members"]))
row[1].metric("People contacted", count(totals["people"]))
row[2].metric("Email hashes for activation", count(totals["email_hashes"]))
row[3].metric("Phone hashes for activation", count(totals["phone_hashes"]))
st.caption(f"For the window starting {totals['as_of_date']}. Only people whose marketing consent covers the "
           "channel; hashes are unsalted SHA-256 of the normalised email / E.164 phone, as ad platforms match them.")

audiences = query("""
    select audience, channel, min(audience_priority) as priority, count(*) as members,
           count(email_sha256) as email_hashes, count(phone_sha256) as phone_hashes
    from marts.marketing_audiences group by 1, 2 order by 3, 2""")
left, right = st.columns(2)
left.bar_chart(audiences, x="audience", y="members", color="channel")
right.dataframe(audiences, hide_index=True)
