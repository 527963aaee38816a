package org.yiwang.portal.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiwang.portal.SavedSearchMatch;
import org.yiwang.portal.SavedSearchView;
import org.yiwang.portal.SavedSearches;
import org.yiwang.system.Refusal;

/** The Atom feed of a saved search (RFC 4287): its latest matches, at an address only its owner was given. */
@Controller
class FeedController {

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final SavedSearches savedSearches;

	FeedController(SavedSearches savedSearches) {
		this.savedSearches = savedSearches;
	}

	@GetMapping("/portal/feeds/{token}")
	ResponseEntity<String> feed(@PathVariable String token) throws XMLStreamException {
		SavedSearchView search = savedSearches.byFeedToken(token)
			.orElseThrow(() -> Refusal.notFound("portal.saved.notFound"));
		List<SavedSearchMatch> matches = savedSearches.feedEntries(search.id());
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		StringWriter out = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
		element(xml, "id", "urn:uuid:" + search.id());
		element(xml, "title", search.name());
		Instant updated = matches.isEmpty() ? search.createdAt() : matches.get(0).matchedAt();
		element(xml, "updated", updated.truncatedTo(ChronoUnit.SECONDS).toString());
		xml.writeStartElement("author");
		element(xml, "name", "一网 Yiwang");
		xml.writeEndElement();
		link(xml, "self", base + "/portal/feeds/" + token);
		for (SavedSearchMatch match : matches) {
			xml.writeStartElement("entry");
			element(xml, "id", "urn:uuid:" + match.record().id());
			element(xml, "title", match.record().title());
			element(xml, "updated", match.matchedAt().truncatedTo(ChronoUnit.SECONDS).toString());
			element(xml, "published", match.record().publishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
			link(xml, "alternate", base + "/notices/" + match.record().id());
			element(xml, "summary", match.record().projectName() + " · " + match.record().sectionName());
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return ResponseEntity.ok().contentType(ATOM).body(out.toString());
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}
}
