/**
 * Shared value types of the domain (region and category codes, roles, scopes, actors); no beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.yiwang.kernel;
