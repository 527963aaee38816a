package org.yiwang.account;

/** A token just issued: the only time its secret is shown; the platform keeps a hash. */
public record IssuedToken(ApiTokenView token, String secret) {
}
