-- An organisation's enterprise nature (企业性质), which the national data specification asks of bidders and winners
-- (dataset 513 中标投标人企业性质). The specification files carry no code list, so the platform uses GB/T 12402-2000
-- (经济类型分类与代码) at its second level, three digits (README, open data). Asked at registration from now on;
-- organisations registered before have none (NULL, reported missing by the uplink) until a member states it.
ALTER TABLE registry.entities ADD COLUMN enterprise_nature text
  CHECK (enterprise_nature IS NULL OR enterprise_nature IN ('110', '120', '130', '140', '150', '160', '170', '190',
    '210', '220', '230', '240', '290', '310', '320', '330', '340', '390'));
