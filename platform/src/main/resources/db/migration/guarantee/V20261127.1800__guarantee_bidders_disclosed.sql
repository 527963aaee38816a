-- Who holds security on a trade names its bidders, which must stay secret until the bids are opened
-- (招标投标法 Art. 22). The owning module (tendering at opening, auction at its result) or the end of the trade
-- discloses them to the beneficiary; until then the tenderer sees no holders and cannot claim.
ALTER TABLE guarantee.requirements ADD COLUMN bidders_disclosed_at timestamptz;
GRANT UPDATE (bidders_disclosed_at) ON guarantee.requirements TO ${app_role};
