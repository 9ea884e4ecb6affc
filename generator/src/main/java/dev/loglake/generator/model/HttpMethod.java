package dev.loglake.generator.model;

/** Request methods the simulated traffic uses. */
public enum HttpMethod {
    GET,
    POST,
    HEAD;

    private static final Token[] TOKENS = {new Token("GET"), new Token("POST"), new Token("HEAD")};

    public Token token() {
        return TOKENS[ordinal()];
    }
}
