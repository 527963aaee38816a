/**
 * The demo: a believable city seeded through the other modules' public APIs, one account per role, and stand-ins for
 * the outside systems (settlement bank, guarantee issuer); off in production ({@code yiwang.demo=false}), used by none.
 */
package org.yiwang.demo;
