-- Catches a person contacted more often than var audience_frequency_cap within
-- var audience_frequency_window_days days: their audiences plus the email campaigns already sent to
-- them in the window exceed the cap.
select
    customer_id,
    max(prior_contacts_in_window) as prior_contacts_in_window,
    count(*) as audiences

from {{ ref('marketing_audiences') }}
group by customer_id
having count(*) + max(prior_contacts_in_window) > {{ var('audience_frequency_cap') }}
