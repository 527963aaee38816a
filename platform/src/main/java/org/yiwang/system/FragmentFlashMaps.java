package org.yiwang.system;

import java.util.List;

import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Flash attributes (the notice after a form's redirect: "saved", a refusal) are for the page the browser loads next,
 * never for a fragment a script fetches meanwhile ({@link Forms#isFragmentRequest}). The opening hall fetches itself
 * on every change; when that fetch reached the server between a bidder's decryption and the redirected page, it took
 * the "saved" notice away from the bidder's page (seen as an OpeningIT failure now and then).
 */
class FragmentFlashMaps extends SessionFlashMapManager {

	/** A fragment fetch (GET) sees no flash maps, so it neither takes one nor updates the session's. */
	@Override
	protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) && Forms.isFragmentRequest(request) ? null
				: super.retrieveFlashMaps(request);
	}
}
