package org.yiwang.account.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiwang.kernel.Acting;
import org.yiwang.system.Actors;
import org.yiwang.system.MenuItem;

/** The signed-in home: a menu of what this account's roles may do, contributed by the modules that serve it. */
@Controller
class WorkspaceController {

	private final List<MenuItem> menu;

	WorkspaceController(List<MenuItem> menu) {
		this.menu = menu;
	}

	@GetMapping("/workspace")
	String workspace(Model model) {
		Acting acting = Actors.required();
		model.addAttribute("menu", menu.stream().filter(item -> item.visibleTo(acting))
			.sorted(Comparator.comparingInt(MenuItem::order)).toList());
		return "account/workspace";
	}
}
