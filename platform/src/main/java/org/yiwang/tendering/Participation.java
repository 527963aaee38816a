package org.yiwang.tendering;

import static org.yiwang.tendering.Sections.instant;
import static org.yiwang.tendering.Sections.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/** Tender documents, bidders' interest, their downloads and what they are told; region-scoped in the database. */
@Repository
class Participation {

	private final JdbcClient jdbc;

	Participation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void addDocument(DocumentView d, RegionCode region) {
		jdbc.sql("""
				insert into tendering.documents (id, section_id, region_code, file_name, content_type, size, sha256, sm3,
				  uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.id(), d.section().value(), region.value(), d.fileName(), d.contentType(), d.size(), d.sha256(), d.sm3(),
					d.uploadedBy(), ts(d.uploadedAt()))
			.update();
	}

	List<DocumentView> documents(SectionId section) {
		return jdbc.sql("select * from tendering.documents where section_id = ? order by uploaded_at")
			.param(section.value()).query(Participation::document).list();
	}

	Optional<DocumentView> document(UUID id) {
		return jdbc.sql("select * from tendering.documents where id = ?").param(id).query(Participation::document)
			.optional();
	}

	/** Records the signature of a document not signed yet; false when it was signed meanwhile. */
	boolean signDocument(UUID document, byte[] signature, String algorithm, String certificate, String subject,
			String fingerprint, String entityName, String by, Instant at) {
		return jdbc.sql("""
				update tendering.documents set signature = ?, signature_algorithm = ?, signer_certificate = ?,
				  signer_subject = ?, signer_fingerprint = ?, signer_entity_name = ?, signed_by = ?, signed_at = ?
				where id = ? and signed_at is null""")
			.params(signature, algorithm, certificate, subject, fingerprint, entityName, by, ts(at), document)
			.update() == 1;
	}

	/** A signed document's detached signature and the certificate (PEM) it was checked under. */
	record DocumentSignature(byte[] signature, String certificate) {
	}

	Optional<DocumentSignature> documentSignature(UUID document) {
		return jdbc.sql("select signature, signer_certificate from tendering.documents where id = ? and signed_at is not null")
			.param(document).query((rs, n) -> new DocumentSignature(rs.getBytes(1), rs.getString(2))).optional();
	}

	/** Adds the interest; false when the bidder had registered already. */
	boolean addInterest(SectionId section, EntityId bidder, String bidderName, RegionCode region, String by, Instant at) {
		return jdbc.sql("""
				insert into tendering.interests (section_id, bidder_id, bidder_name, region_code, registered_by, registered_at)
				values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(section.value(), bidder.value(), bidderName, region.value(), by, ts(at)).update() == 1;
	}

	/** Records the project manager a registered bidder states; false when the bidder is not registered. */
	boolean stateProjectManager(SectionId section, EntityId bidder, String name, String idNumber, String certificate,
			String certificateNumber, String by, Instant at) {
		return jdbc.sql("""
				update tendering.interests set manager_name = ?, manager_id_number = ?, manager_certificate = ?,
				  manager_certificate_number = ?, manager_stated_by = ?, manager_stated_at = ?
				where section_id = ? and bidder_id = ?""")
			.params(name, idNumber, certificate, certificateNumber, by, ts(at), section.value(), bidder.value())
			.update() == 1;
	}

	Optional<ProjectManager> projectManager(SectionId section, EntityId bidder) {
		return jdbc.sql("""
				select manager_name, manager_id_number, manager_stated_by, manager_stated_at, manager_certificate,
				  manager_certificate_number from tendering.interests
				where section_id = ? and bidder_id = ? and manager_name is not null""")
			.params(section.value(), bidder.value())
			.query((rs, n) -> new ProjectManager(rs.getString(1), rs.getString(2), rs.getString(3),
					instant(rs, "manager_stated_at"), rs.getString(5), rs.getString(6)))
			.optional();
	}

	boolean interested(SectionId section, EntityId bidder) {
		return jdbc.sql("select count(*) from tendering.interests where section_id = ? and bidder_id = ?")
			.params(section.value(), bidder.value()).query(Integer.class).single() > 0;
	}

	List<InterestView> interests(SectionId section) {
		return jdbc.sql("""
				select i.*, (select count(*) from tendering.downloads d where d.section_id = i.section_id
				  and d.bidder_id = i.bidder_id) as downloads
				from tendering.interests i where i.section_id = ? order by i.registered_at""")
			.param(section.value())
			.query((rs, n) -> new InterestView(section, new EntityId(rs.getObject("bidder_id", UUID.class)),
					rs.getString("bidder_name"), instant(rs, "registered_at"), rs.getInt("downloads")))
			.list();
	}

	/** Sections the bidder registered for. */
	List<UUID> sectionsOf(EntityId bidder) {
		return jdbc.sql("select section_id from tendering.interests where bidder_id = ?").param(bidder.value())
			.query(UUID.class).list();
	}

	void addDownload(SectionId section, UUID document, EntityId bidder, RegionCode region, String by, Instant at) {
		jdbc.sql("""
				insert into tendering.downloads (id, section_id, document_id, bidder_id, region_code, downloaded_by,
				  downloaded_at) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), section.value(), document, bidder.value(), region.value(), by, ts(at)).update();
	}

	/** The bidders that downloaded any document of the section: whom a clarification must reach. */
	List<EntityId> downloaders(SectionId section) {
		return jdbc.sql("select distinct bidder_id from tendering.downloads where section_id = ?").param(section.value())
			.query((rs, n) -> new EntityId(rs.getObject(1, UUID.class))).list();
	}

	void notify(SectionId section, RegionCode region, EntityId entity, String messageKey, String argument, Instant at) {
		jdbc.sql("""
				insert into tendering.notifications (id, section_id, region_code, entity_id, message_key, argument, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), section.value(), region.value(), entity.value(), messageKey, argument, ts(at))
			.update();
	}

	List<NotificationView> notifications(EntityId entity) {
		return jdbc.sql("select * from tendering.notifications where entity_id = ? order by created_at desc limit 200")
			.param(entity.value())
			.query((rs, n) -> new NotificationView(rs.getObject("id", UUID.class),
					new SectionId(rs.getObject("section_id", UUID.class)), rs.getString("message_key"),
					rs.getString("argument"), instant(rs, "created_at")))
			.list();
	}

	private static DocumentView document(ResultSet rs, int row) throws SQLException {
		return new DocumentView(rs.getObject("id", UUID.class), new SectionId(rs.getObject("section_id", UUID.class)),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
				rs.getString("sm3"), rs.getString("uploaded_by"), instant(rs, "uploaded_at"),
				rs.getString("signer_entity_name"), rs.getString("signer_subject"), rs.getString("signer_fingerprint"),
				rs.getString("signature_algorithm"), instant(rs, "signed_at"));
	}
}
