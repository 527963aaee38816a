package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

/** A fragment fetched by a script in between does not take the notice the redirected page is to show. */
class FragmentFlashMapsTests {

	@Test
	void a_fragment_request_to_the_same_page_leaves_the_flash_for_the_page() {
		FragmentFlashMaps flashMaps = new FragmentFlashMaps();
		MockHttpSession session = new MockHttpSession();
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/tenders/sections/s/opening/decryption");
		post.setSession(session);
		FlashMap saved = new FlashMap();
		saved.put("saved", "tendering.opening.decrypted");
		saved.setTargetRequestPath("/tenders/sections/s/opening");
		flashMaps.saveOutputFlashMap(saved, post, new MockHttpServletResponse());

		MockHttpServletRequest fragment = new MockHttpServletRequest("GET", "/tenders/sections/s/opening");
		fragment.setSession(session);
		fragment.addHeader("HX-Request", "true");
		assertThat((Object) flashMaps.retrieveAndUpdate(fragment, new MockHttpServletResponse())).isNull();

		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/tenders/sections/s/opening");
		page.setSession(session);
		FlashMap forPage = flashMaps.retrieveAndUpdate(page, new MockHttpServletResponse());
		assertThat((Object) forPage).isNotNull();
		assertThat(forPage.get("saved")).isEqualTo("tendering.opening.decrypted");
	}
}
