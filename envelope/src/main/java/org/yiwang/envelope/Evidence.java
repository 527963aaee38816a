package org.yiwang.envelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collusion evidence sealed inside the envelope, so nobody reads it before opening: the machine the bid was made on
 * and the metadata of its files, with the tool's name and version.
 */
public record Evidence(MachineFingerprint machine, List<DocumentMetadata> documents, String tool) {

	public byte[] toJson() {
		ObjectNode node = Json.object();
		node.put("tool", tool);
		ObjectNode machineNode = node.putObject("machine");
		machineNode.put("combined", machine.combined());
		ObjectNode ids = machineNode.putObject("identifiers");
		machine.identifiers().forEach(ids::put);
		ArrayNode docs = node.putArray("documents");
		for (DocumentMetadata d : documents) {
			ObjectNode doc = docs.addObject();
			doc.put("name", d.name());
			doc.put("size", d.size());
			doc.put("sha256", d.sha256());
			doc.put("author", d.author());
			doc.put("lastModifiedBy", d.lastModifiedBy());
			doc.put("application", d.application());
		}
		return Json.bytes(node);
	}

	public static Evidence parse(byte[] json) throws EnvelopeException {
		Json node = Json.parse(json, EnvelopeException.Problem.MALFORMED_CONTENT, "evidence");
		Json machine = node.child("machine");
		Map<String, String> ids = new LinkedHashMap<>();
		Json idNode = machine.child("identifiers");
		for (String kind : idNode.node().propertyNames()) {
			ids.put(kind, idNode.string(kind, 128));
		}
		List<DocumentMetadata> documents = new ArrayList<>();
		for (Json d : node.array("documents", 100_000, false)) {
			documents.add(new DocumentMetadata(d.string("name", 255), d.number("size", 0, Long.MAX_VALUE),
					d.string("sha256", 64), d.optionalString("author", 500), d.optionalString("lastModifiedBy", 500),
					d.optionalString("application", 1100)));
		}
		return new Evidence(new MachineFingerprint(machine.string("combined", 64), ids), documents,
				node.optionalString("tool", 100));
	}
}
