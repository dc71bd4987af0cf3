-- Search (README "Search and its indexes"). Contains-matching (ILIKE '%…%') is answered by trigram GIN indexes that
-- lead with organization_id (btree_gin), so an organization's search never walks another's entries; ranges and
-- sorts by btree indexes ending in id, the keyset tiebreak. Both extensions ship with PostgreSQL (contrib) and are
-- trusted, so the database owner may create them.
create extension if not exists pg_trgm;
create extension if not exists btree_gin;

-- The values under one key of a {"items": [...]} list column (a contact's emails, phones, urls) as one text, one
-- value per line: the expression the trigram indexes below hold and the searches use.
create function search_items(items jsonb, item_key text) returns text
    language sql immutable parallel safe strict
    as $$ select coalesce(string_agg(i ->> item_key, chr(10)), '')
          from jsonb_array_elements(coalesce(items -> 'items', '[]'::jsonb)) i $$;

create index lead_search_name on lead using gin (organization_id, name gin_trgm_ops);
create index lead_search_url on lead using gin (organization_id, url gin_trgm_ops);
create index contact_search_name on contact using gin (organization_id, name gin_trgm_ops);
create index contact_search_emails on contact using gin (organization_id, search_items(emails, 'email') gin_trgm_ops);
create index contact_search_phones on contact using gin (organization_id, search_items(phones, 'phone') gin_trgm_ops);
create index contact_search_urls on contact using gin (organization_id, search_items(urls, 'url') gin_trgm_ops);
create index opportunity_search_note on opportunity using gin (organization_id, note gin_trgm_ops);

-- sorts and keyset pages: sort:date_updated / name, /data/search/ sort
create index lead_org_updated_id on lead (organization_id, date_updated, id);
create index lead_org_name_id on lead (organization_id, name, id);
create index contact_org_updated_id on contact (organization_id, date_updated, id);
create index opportunity_org_updated_id on opportunity (organization_id, date_updated, id);
drop index lead_org_updated;
