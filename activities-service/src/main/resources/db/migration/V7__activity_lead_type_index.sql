-- One type's activities of a lead, newest first (GET /activity/<type>/?lead_id=, and the union list with one _type):
-- without it the lead's index walks every activity of the lead and drops the other types only after reading their
-- rows, e.g. every email of a lead with thousands of emails to find its few notes. The union list without _type keeps
-- using activity_lead_date_created (all types in one range).
create index activity_lead_type_date_created on activity (organization_id, lead_id, activity_type, date_created desc, id desc);
