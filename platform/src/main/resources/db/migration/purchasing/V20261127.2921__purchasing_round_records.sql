-- A volume round's result becomes a public record (issue 23): a trade code given at publication (rounds published
-- before this migration get theirs when decided) and the result notice the platform signed.
ALTER TABLE purchasing.rounds
  ADD COLUMN trade_code       text UNIQUE CHECK (trade_code ~ '^[A-Z0-9][A-Z0-9-]{8,38}[A-Z0-9]$'),
  ADD COLUMN result_text      text,
  ADD COLUMN result_signature text;
