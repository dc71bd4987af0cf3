-- Where a shared field is used (README "Shared fields"): {"items": [{"object_type", "parent_id", "required",
-- "editable_with_roles", "position"}]}, parent_id '' for leads, contacts and opportunities, else the custom
-- activity or custom object type. A handful per field, read with the field.
alter table custom_field add column associations jsonb not null default '{"items": []}';
