package org.yiwang.account;

import java.util.Set;

import org.yiwang.kernel.Role;

/** A demo account as the sign-in page lists it in demo mode: who it is, what it does, and the password to type. */
public record DemoSignIn(String username, String displayName, Set<Role> roles, String password) {
}
