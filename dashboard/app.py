"""customer360 dashboard: `make dashboard` serves it on 127.0.0.1:8501 over data/serving/customer360.duckdb.

Each page is a file in views/; every figure is SQL on the marts of the serving file (data.py)."""

import streamlit as st

st.set_page_config(page_title="Customer 360", layout="wide")

pages = st.navigation([
    st.Page("views/overview.py", title="Overview", default=True),  # served at /
    st.Page("views/customers.py", title="Customers and identity", url_path="customers"),
    st.Page("views/journeys.py", title="Journeys and funnel", url_path="journeys"),
    st.Page("views/loyalty.py", title="Loyalty KPIs and cohorts", url_path="loyalty"),
    st.Page("views/clv.py", title="Customer lifetime value", url_path="clv"),
    st.Page("views/audiences.py", title="Audiences", url_path="audiences"),
])
pages.run()
