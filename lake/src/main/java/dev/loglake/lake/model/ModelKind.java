package dev.loglake.lake.model;

/** What a SQL file of the lake defines, told from its header and its first statement. */
public enum ModelKind {
    /** A {@code CREATE TABLE IF NOT EXISTS}: a raw table over S3 or a ledger table, created as written. */
    DDL,
    /** A SELECT with a {@code @table} tag: the runner creates the table and loads it. */
    MODEL,
    /** A SELECT with a {@code @view} tag: created as a view. */
    VIEW,
    /** A SELECT with a {@code @query} tag: run by the reports, never stored. */
    QUERY,
    /**
     * A SELECT with a {@code @format} tag, in staging/formats/: the parse of one declared log format, which
     * staging/parsed_lines.sql runs with the others as one UNION ALL (never run on its own).
     */
    FORMAT,
    /** A {@code .check.sql} file: a data test that returns one row per problem; no row means it holds. */
    CHECK
}
