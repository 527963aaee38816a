package org.yiwang.system;

import java.util.Set;

import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;

/**
 * An entry of the signed-in workspace's menu, contributed by the module that serves the page. Shown to accounts
 * holding any of {@code roles}.
 *
 * @param labelKey message key of the label
 * @param descriptionKey message key of a one-line description
 */
public record MenuItem(String labelKey, String descriptionKey, String href, int order, Set<Role> roles) {

	public boolean visibleTo(Acting acting) {
		return acting.roles().stream().anyMatch(roles::contains);
	}
}
