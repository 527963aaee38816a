package org.yiwang.portal;

/**
 * A party a public record names.
 *
 * @param role {@code tenderer}, {@code agency}; later {@code transferor}, {@code transferee}, {@code bidder}
 * @param creditCode unified social credit code; null when the record does not state it
 */
public record Party(String role, String name, String creditCode) {
}
