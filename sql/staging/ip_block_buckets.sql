-- @table      {{staging_schema}}.ip_block_buckets
-- @description The IP-to-country reference list cut into address buckets, so that the country lookup is an
--             equi-join.
-- @grain      one row per IP network and address bucket it covers (an IPv4 /16 or an IPv6 /32).
-- @partitioned_by (none: rebuilt whole by the run that finds its SQL or its objects changed; it is small)
-- @parameters catalog, raw_schema, staging_schema (identifiers)
-- @column bucket: Address bucket: '4:' and the top 16 bits of an IPv4 address, or '6:' and the top 32 bits of
--                an IPv6 address
-- @column network: IP network in CIDR notation, such as 81.0.0.0/12
-- @column country: ISO 3166 alpha-2 country code of the network
-- @column prefix_length: Prefix length of the network; the longest (most specific) match wins
--
-- Matching an address to the network that contains it is a range join, which Trino runs as a nested loop.
-- Cutting the address space into buckets turns it into an equi-join on the bucket, followed by an exact
-- contains() check: a network larger than a bucket is listed once per bucket it covers.
WITH networks AS (
    SELECT
        network,
        country,
        strpos(network, ':') = 0 AS is_ipv4,
        CAST(split_part(network, '/', 2) AS integer) AS prefix_length,
        CAST(CAST(split_part(network, '/', 1) AS ipaddress) AS varbinary) AS first_address
    FROM {{catalog}}.{{raw_schema}}.ip_blocks
    WHERE network LIKE '%/%'
),
leading_bits AS (
    -- The address's first 32 bits as a number: all of an IPv4 address (stored IPv4-mapped, in the last
    -- 4 of 16 bytes), or the first two groups of an IPv6 address.
    SELECT
        *,
        bitwise_and(from_big_endian_32(substr(first_address, IF(is_ipv4, 13, 1), 4)), 4294967295) AS bits,
        bitwise_left_shift(1, greatest(0, 32 - prefix_length)) AS network_size
    FROM networks
),
first_buckets AS (
    SELECT
        network,
        country,
        is_ipv4,
        prefix_length,
        -- An IPv4 bucket is a /16 (the top 16 bits), an IPv6 bucket a /32.
        IF(is_ipv4, (bits - mod(bits, network_size)) / 65536, bits - mod(bits, network_size)) AS first_bucket,
        IF(is_ipv4, greatest(0, 16 - prefix_length), greatest(0, 32 - prefix_length)) AS bucket_bits
    FROM leading_bits
),
final AS (
    SELECT
        concat(IF(is_ipv4, '4:', '6:'), CAST(bucket AS varchar)) AS bucket,
        network,
        country,
        prefix_length
    FROM first_buckets
    CROSS JOIN UNNEST(sequence(first_bucket, first_bucket + bitwise_left_shift(1, bucket_bits) - 1)) AS t (bucket)
)
SELECT * FROM final
