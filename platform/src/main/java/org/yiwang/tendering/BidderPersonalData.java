package org.yiwang.tendering;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The personal data of an opening record's bidders that the national data specification's bidder list (507) asks and
 * no event carries: read for the platform itself only (the portal's uplink, no one signed in). Apart from the
 * {@link OpeningHall}, whose people never see these whole.
 */
@Service
public class BidderPersonalData {

	private final SectionAccess access;

	private final NoticeFacts facts;

	BidderPersonalData(SectionAccess access, NoticeFacts facts) {
		this.access = access;
		this.facts = facts;
	}

	/**
	 * The whole resident ID number of the project manager a bidder of an opening record (its notice id) stated for the
	 * section: the national data specification's bidder list asks it (507 项目负责人证件号码) and nothing else shows it
	 * whole. Only the platform itself may ask (the portal's uplink, no one signed in); empty when the bid is not of that
	 * opening record or its bidder stated no project manager.
	 */
	public Optional<String> bidderProjectManagerIdNumber(UUID openingRecord, UUID bid) {
		if (Actors.current().isPresent()) {
			throw Refusal.forbidden("tendering.projectManager.platformOnly");
		}
		return access.platform(() -> facts.bidderProjectManagerIdNumber(openingRecord, bid));
	}

	/**
	 * The phone the member who submitted a bid of an opening record (its notice id) stated for itself: the national data
	 * specification's bidder list asks it (507 投标操作人联系方式); personal data, so no event carries it. Only the platform
	 * itself may ask (the portal's uplink, no one signed in); empty when the bid is not of that opening record or its
	 * member stated no phone.
	 */
	public Optional<String> bidderSubmitterPhone(UUID openingRecord, UUID bid) {
		if (Actors.current().isPresent()) {
			throw Refusal.forbidden("tendering.submitterPhone.platformOnly");
		}
		return access.platform(() -> facts.bidderSubmitterPhone(openingRecord, bid));
	}
}
