package org.yiwang.tendering;

import static org.yiwang.tendering.Sections.instant;
import static org.yiwang.tendering.Sections.ts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.envelope.Envelope;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.VerifiedEnvelope;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.pki.CertificateView;
import org.yiwang.pki.TrustStore;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The opened bids of a section's round, for whoever a {@link BidReaders} lets in (the evaluation committee while it
 * evaluates): each bid's signer and hashes, its price sheet, and its files streamed from the blob store, never held
 * whole in memory. Nothing is readable before the opening is closed, nor a bid that was not decrypted; anyone else
 * finds nothing (not found, whether the bid exists or not).
 * <p>
 * The first read of a bid moves its decrypted files (written by the opening beside the blob store) into the blob
 * store under their SHA-256, computing SHA-256 and SM3 as they stream, and records them; later reads use the record.
 */
@Service
public class OpenedBidFiles {

	/** What the SHA-256 and SM3 of an empty file are (an empty document is kept nowhere: there is nothing to read). */
	static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	static final String EMPTY_SM3 = "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b";

	private final SectionAccess access;

	private final Blobs blobs;

	private final TrustStore trustStore;

	private final ObjectProvider<BidReaders> readers;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OpenedBidFiles(SectionAccess access, Blobs blobs, TrustStore trustStore, ObjectProvider<BidReaders> readers,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.blobs = blobs;
		this.trustStore = trustStore;
		this.readers = readers;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** An opened bid of the section: signer, hashes, price sheet and files. */
	public OpenedBidContents contents(SectionId section, UUID bid) {
		Opened opened = readable(section, bid);
		List<OpenedBidContents.File> files = files(opened);
		return new OpenedBidContents(opened.bid(), opened.section(), opened.round(), opened.tradeCode(),
				opened.bidderName(), opened.bidderCreditCode(), opened.decryption(), opened.decryptedAt(),
				new OpenedBidContents.Envelope(opened.sha256(), opened.sm3(), opened.size(), opened.receivedAt()),
				signer(opened), new OpenedBidContents.Sheet(opened.totalPrice(), opened.durationDays(), opened.quality(),
						opened.items()),
				files);
	}

	/** One file of an opened bid by its position (0: the price sheet), to stream; not found when there is none. */
	public OpenedBidContents.Content file(SectionId section, UUID bid, int position) {
		Opened opened = readable(section, bid);
		OpenedBidContents.File file = files(opened).stream().filter(f -> f.position() == position).findFirst()
			.orElseThrow(() -> Refusal.notFound("tendering.bidFiles.fileNotFound"));
		return new OpenedBidContents.Content(file,
				() -> file.size() == 0 ? new ByteArrayInputStream(new byte[0]) : blobs.open(file.sha256()));
	}

	/** The bid as opened, once the acting account may read it; not found otherwise. */
	private Opened readable(SectionId section, UUID bid) {
		Acting acting = Actors.required();
		Opened opened = bid == null || section == null ? null : access.platform(() -> jdbc.sql("""
				select ob.*, o.outcome, b.sha256, b.sm3, b.size, b.received_at, b.signer_fingerprint, b.trade_code
				from tendering.opening_bids ob
				join tendering.openings o on o.section_id = ob.section_id and o.round = ob.round
				join tendering.bids b on b.id = ob.bid_id
				where ob.bid_id = ? and ob.section_id = ?""").params(bid, section.value()).query((rs, n) -> {
			BigDecimal price = rs.getBigDecimal("total_price");
			int days = rs.getInt("duration_days");
			Integer duration = rs.wasNull() ? null : days;
			String decryption = rs.getString("decryption");
			return new Opened(bid, section, rs.getInt("round"), rs.getString("trade_code"), rs.getString("region_code"),
					rs.getString("outcome"), rs.getString("bidder_name"), rs.getString("bidder_credit_code"),
					decryption == null ? null : OpenedBid.Decryption.valueOf(decryption), instant(rs, "decrypted_at"),
					price == null ? null : Money.of(price), duration, rs.getString("quality"),
					rs.getString("price_sheet"), rs.getString("opened_directory"), rs.getString("sha256"),
					rs.getString("sm3"), rs.getLong("size"), instant(rs, "received_at"),
					rs.getString("signer_fingerprint"));
		}).optional().orElse(null));
		// who may read is asked before anything about the bid is said: a stranger learns nothing, not even that it exists
		if (opened == null || readers.orderedStream().noneMatch(r -> r.mayRead(acting, section, opened.round()))) {
			throw Refusal.notFound("tendering.bidFiles.notFound");
		}
		if (!"OPENED".equals(opened.outcome())) {
			throw Refusal.conflict(null, "tendering.bidFiles.notOpened");
		}
		if (opened.decryption() == null || !opened.decryption().opened() || opened.directory() == null) {
			throw Refusal.conflict(null, "tendering.bidFiles.notDecrypted");
		}
		return opened;
	}

	/**
	 * For the platform's own screens, with no one signed in: the content of an opened bid's file once it is recorded
	 * (the opening closed, the bid decrypted and read by its committee); empty before, and for the price sheet's
	 * position when it is empty. The caller closes the stream.
	 */
	public java.util.Optional<InputStream> recordedContent(UUID bid, int position) {
		if (Actors.current().isPresent()) {
			throw Refusal.forbidden("tendering.bidFiles.platformOnly");
		}
		return recorded(bid).stream().filter(f -> f.position() == position && f.size() > 0).findFirst()
			.map(f -> blobs.open(f.sha256()));
	}

	/** The bid's files as recorded, recording them first (into the blob store) on the first read. */
	private List<OpenedBidContents.File> files(Opened opened) {
		List<OpenedBidContents.File> recorded = recorded(opened.bid());
		if (!recorded.isEmpty()) {
			return recorded;
		}
		Path directory = Path.of(opened.directory());
		List<Path> paths = new ArrayList<>();
		paths.add(directory.resolve(Envelope.PRICE_SHEET_NAME));
		Path documents = directory.resolve("files");
		if (Files.isDirectory(documents)) {
			try (Stream<Path> list = Files.list(documents)) {
				list.filter(Files::isRegularFile).sorted().forEach(paths::add);
			}
			catch (IOException e) {
				throw new UncheckedIOException("The decrypted files of bid " + opened.bid() + " cannot be listed", e);
			}
		}
		List<OpenedBidContents.File> stored = new ArrayList<>();
		for (int i = 0; i < paths.size(); i++) {
			stored.add(store(i, paths.get(i)));
		}
		Instant now = clock.instant();
		access.platform(() -> {
			boolean inserted = false;
			for (OpenedBidContents.File f : stored) {
				inserted = jdbc.sql("""
						insert into tendering.opened_files (bid_id, position, region_code, name, price_sheet, sha256, sm3,
						  size, stored_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
					.params(opened.bid(), f.position(), opened.region(), f.name(), f.priceSheet(), f.sha256(), f.sm3(),
							f.size(), ts(now))
					.update() == 1 || inserted;
			}
			if (inserted) {
				// the platform's screens may read them from now on (supervision's document screens)
				events.publishEvent(new BidFilesRecorded(Actors.actor(), opened.section(), opened.round(), opened.bid(),
						opened.tradeCode(), org.yiwang.kernel.RegionCode.of(opened.region()),
						opened.bidderCreditCode() == null ? opened.bidderName() : opened.bidderCreditCode(),
						opened.bidderName(), stored, now));
			}
			return inserted;
		});
		return recorded(opened.bid());
	}

	/** Streams one decrypted file into the blob store, hashing as it goes. */
	private OpenedBidContents.File store(int position, Path file) {
		String name = file.getFileName().toString();
		try {
			if (Files.size(file) == 0) {
				return new OpenedBidContents.File(position, name, position == 0, 0, EMPTY_SHA256, EMPTY_SM3);
			}
			try (InputStream in = Files.newInputStream(file)) {
				Blobs.Stored stored = blobs.store(in, Long.MAX_VALUE, "file", "tendering.bidFiles.empty",
						"tendering.bidFiles.empty");
				return new OpenedBidContents.File(position, name, position == 0, stored.size(), stored.sha256(),
						stored.sm3());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("The decrypted file " + file + " cannot be read", e);
		}
	}

	private List<OpenedBidContents.File> recorded(UUID bid) {
		return access.platform(() -> jdbc.sql("select * from tendering.opened_files where bid_id = ? order by position")
			.param(bid)
			.query((rs, n) -> new OpenedBidContents.File(rs.getInt("position"), rs.getString("name"),
					rs.getBoolean("price_sheet"), rs.getLong("size"), rs.getString("sha256"), rs.getString("sm3")))
			.list());
	}

	/**
	 * The certificate that signed the stored envelope. At the first read the envelope is verified again in one streaming
	 * pass (its signature, and its SHA-256 and SM3 against those the receipt bound) and the signer recorded.
	 */
	private OpenedBidContents.Signer signer(Opened opened) {
		java.util.Optional<OpenedBidContents.Signer> recorded = recordedSigner(opened.bid());
		if (recorded.isPresent()) {
			return recorded.get();
		}
		VerifiedEnvelope verified;
		try {
			verified = EnvelopeReader.verify(blobs.path(opened.sha256()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("The envelope of bid " + opened.bid() + " cannot be read", e);
		}
		catch (EnvelopeException e) {
			throw Refusal.conflict(null, "tendering.bidFiles.envelopeUnreadable");
		}
		if (!verified.sha256().equals(opened.sha256()) || !verified.sm3().equals(opened.sm3())) {
			throw Refusal.conflict(null, "tendering.bidFiles.envelopeUnreadable");
		}
		CertificateView view = trustStore.inspect(verified.header().signerCertificate());
		if (!view.fingerprint().equalsIgnoreCase(opened.signerFingerprint())) {
			throw Refusal.conflict(null, "tendering.bidFiles.envelopeUnreadable");
		}
		Instant now = clock.instant();
		access.platform(() -> jdbc.sql("""
				insert into tendering.opened_signers (bid_id, region_code, subject, issuer, serial, fingerprint, credit_code,
				  verified_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(opened.bid(), opened.region(), view.subject(), view.issuer(), view.serial(),
					view.fingerprint().toLowerCase(java.util.Locale.ROOT), view.creditCode(), ts(now))
			.update());
		return recordedSigner(opened.bid()).orElseThrow();
	}

	private java.util.Optional<OpenedBidContents.Signer> recordedSigner(UUID bid) {
		return access.platform(() -> jdbc.sql("select * from tendering.opened_signers where bid_id = ?").param(bid)
			.query((rs, n) -> new OpenedBidContents.Signer(rs.getString("subject"), rs.getString("issuer"),
					rs.getString("serial"), rs.getString("fingerprint"), rs.getString("credit_code")))
			.optional());
	}

	private record Opened(UUID bid, SectionId section, int round, String tradeCode, String region, String outcome,
			String bidderName, String bidderCreditCode, OpenedBid.Decryption decryption, Instant decryptedAt,
			Money totalPrice, Integer durationDays, String quality, String priceSheet, String directory, String sha256,
			String sm3, long size, Instant receivedAt, String signerFingerprint) {

		List<OpenedBid.Item> items() {
			if (priceSheet == null) {
				return List.of();
			}
			try {
				return org.yiwang.envelope.PriceSheet.parse(priceSheet.getBytes(java.nio.charset.StandardCharsets.UTF_8))
					.items().stream().map(i -> new OpenedBid.Item(i.name(), i.value())).toList();
			}
			catch (EnvelopeException e) {
				throw new IllegalStateException("A stored price sheet does not parse", e);
			}
		}
	}
}
