package org.yiwang.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yiwang.kernel.Acting;

/** What every page's header needs: who is signed in, if anyone. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	@ModelAttribute("me")
	Acting me() {
		return Actors.current().orElse(null);
	}
}
