-- The curation-service database starts here; each feature adds its tables in a migration of its own.
COMMENT ON SCHEMA public IS 'Imaging Data Catalog: curation-service';
