-- Free text also matches a contact's title (README "Lead query language"): without a trigram index of its own, the
-- title's ILIKE kept the contacts' other indexes out of the plan (an OR is answered from indexes only when every
-- branch has one), so a three-letter search read every contact of the organization.
create index contact_search_title on contact using gin (organization_id, title gin_trgm_ops);
