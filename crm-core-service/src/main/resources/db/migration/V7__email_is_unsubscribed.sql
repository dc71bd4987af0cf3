-- Contacts' emails (and so a lead's primary_email) now carry is_unsubscribed. Stored documents are re-rendered by
-- ReadDocuments at startup (rows without a document), in batches, before the service reports ready.
update contact set doc = null;
