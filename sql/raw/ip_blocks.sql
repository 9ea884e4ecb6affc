-- Table:      {{raw_schema}}.ip_blocks (external, over reference/ip_blocks/ in the raw bucket)
-- Grain:      one row per IP network (CIDR, IPv4 or IPv6) and the country it belongs to.
-- Partitions: none.
-- Parameters: catalog, raw_schema (identifiers); ip_blocks_location (string: s3://<raw bucket>/reference/ip_blocks/).
--
-- The generator writes this list; a user with a real GeoIP CSV of the same shape (network,country, no
-- header) can put theirs in the same folder instead.
CREATE TABLE IF NOT EXISTS {{catalog}}.{{raw_schema}}.ip_blocks (
    network varchar COMMENT 'IP network in CIDR notation, such as 81.0.0.0/12 or 2a02:1::/32',
    country varchar COMMENT 'ISO 3166 alpha-2 country code'
)
COMMENT 'IP network to country reference list (network, country)'
WITH (
    external_location = {{ip_blocks_location}},
    format = 'CSV'
)
