package org.yiwang.tendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContext;
import org.yiwang.TestActor;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.registry.EntityCertificates;

/**
 * Signs a section's tender documents as its tenderer or agency, as fixtures must before a notice can be submitted
 * (issue 17, item 16): a demo-CA SM2 certificate issued and bound to the party's entity through the registry (once per
 * account), and each unsigned document's exact bytes, downloaded as the party, signed with its key.
 */
public final class DocumentSigner {

	private static final Map<String, IssuedCredentials> CREDENTIALS = new ConcurrentHashMap<>();

	private DocumentSigner() {
	}

	public static void signAll(ApplicationContext context, TestActor party, SectionId section) {
		signAll(context.getBean(TenderDesk.class), context.getBean(TenderDocuments.class),
				context.getBean(EntityCertificates.class), party, section);
	}

	public static void signAll(TenderDesk desk, TenderDocuments documents, EntityCertificates certificates,
			TestActor party, SectionId section) {
		party.run(() -> {
			IssuedCredentials credentials = CREDENTIALS.computeIfAbsent(party.actor().username(),
					user -> certificates.issueDemoCertificate());
			for (DocumentView document : desk.dossier(section).documents()) {
				if (document.signed()) {
					continue;
				}
				byte[] content;
				try (InputStream in = documents.download(document.id()).content().get()) {
					content = in.readAllBytes();
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				documents.sign(document.id(), credentials.sign(content), credentials.certificateBytes(),
						credentials.signatureAlgorithm().jcaName());
			}
		});
	}
}
