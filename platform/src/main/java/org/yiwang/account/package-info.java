/**
 * People and machine clients: accounts with roles, region and industry scopes, password login with lockout,
 * and API tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account")
package org.yiwang.account;
