package dev.loglake.generator.model;

/** Request methods the simulated traffic uses. */
public enum HttpMethod {
    GET,
    POST,
    HEAD;

    private final Token token = new Token(name());

    public Token token() {
        return token;
    }
}
