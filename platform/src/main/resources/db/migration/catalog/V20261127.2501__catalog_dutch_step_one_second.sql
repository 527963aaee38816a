-- Issue 7: staff set a Dutch auction's step in the template editor; the rule is "at least one second" (the
-- auction engine steps at any positive interval), so the first limit of 10 seconds gives way to 1.
DO $$
DECLARE c text;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint
           WHERE conrelid = 'catalog.procedure_templates'::regclass AND contype = 'c'
             AND pg_get_constraintdef(oid) LIKE '%dutch_step_seconds >= 10%'
  LOOP
    EXECUTE format('ALTER TABLE catalog.procedure_templates DROP CONSTRAINT %I', c);
  END LOOP;
END $$;
ALTER TABLE catalog.procedure_templates
  ADD CONSTRAINT procedure_templates_dutch_step_range CHECK (dutch_step_seconds BETWEEN 1 AND 86400);
